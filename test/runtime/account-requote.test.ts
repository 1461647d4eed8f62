/**
 * A requote in one go (issue #5, tick to order): the RiskDO sends a moved quote's cancel and its
 * replacement together, not the replacement after the cancel's answer. Both nonces are taken
 * cancel first; both answers reach the engine and the audit log, cancel first; the venue ends
 * with the new order alone. The simulator holds both /exchange answers back (a delay fault), so
 * "together" is causal: the order reached the venue before the cancel had been answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { decision, quote, readyRisk, reset, simOrders, simPost, simRequests, stopRisk, timing, touch, until, YES } from "./account-fixtures";

const NAME = "risk-requote";
const ENG = "requote:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES] });
  await until(() => risk.status(), (s) => s.scheduleCancel.armedUntil !== null, 20_000, "dead man's switch armed");
});

afterAll(async () => {
  await simPost("/control/faults/clear");
  await risk.cancelAll("end of test file");
  await stopRisk(NAME);
});

describe("requote", () => {
  it("sends the cancel and the new order together, nonces in that order, answers applied cancel first", async () => {
    const t = await touch(YES);
    const bid = t.bid - 3_000;
    const lots = Math.ceil(12 / (bid / 1e5));
    const first = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots)]), timing());
    const old = first.liveOrders[`${ENG}:bid`]!.cloid;
    await until(simOrders, (o) => o.some((x) => x.cloid === old), 10_000, "the first quote rests");

    // Every /exchange answer of the requote held back 1 s (a dead man's refresh may take one more).
    await simPost("/control/faults/exchange", { mode: "delay", ms: 1_000, count: 5 });
    const moved = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid - 10, lots)]), timing());
    await simPost("/control/faults/clear");
    const next = moved.liveOrders[`${ENG}:bid`]?.cloid;
    expect(next).toBeDefined();
    expect(next).not.toBe(old);

    const reqs = await simRequests();
    const cancel = reqs.find((r) => r.type === "cancelByCloid" && r.cloids.includes(old));
    const order = reqs.find((r) => r.type === "order" && r.cloids.includes(next!));
    expect(cancel?.fault).toBe("delay 1000ms");
    expect(order?.fault).toBe("delay 1000ms");
    const log = reqs as unknown as { seq: number; arrivedWall: number; wallTime: number }[];
    const at = (seq: number) => log.find((r) => r.seq === seq)!;
    expect(at(order!.seq).arrivedWall).toBeLessThan(at(cancel!.seq).wallTime);
    expect(cancel!.nonce!).toBeLessThan(order!.nonce!);
    expect([cancel!.http, order!.http]).toEqual([200, 200]);

    // The engine took both answers: the old order cancelled, the new one resting, alone on the venue.
    expect((await simOrders()).map((o) => o.cloid)).toEqual([next]);
    expect((await risk.openOrders()).map((o) => [o.cloid, o.status])).toEqual([[next, "resting"]]);
    const acks = await risk.decisions({ kind: "cancel_ack" });
    const orderAcks = await risk.decisions({ kind: "ack" });
    if (!acks.ok || !orderAcks.ok) throw new Error("audit query refused");
    const cancelAck = acks.value.find((e) => e.cloid === old);
    const orderAck = orderAcks.value.find((e) => e.cloid === next);
    expect(cancelAck?.body).toMatchObject({ result: { kind: "ok" }, nonce: cancel!.nonce });
    expect(orderAck?.body).toMatchObject({ result: { kind: "resting" }, nonce: order!.nonce });
    expect(cancelAck!.id).toBeLessThan(orderAck!.id);
  });
});
