/**
 * Ambiguous submits (SPEC §9 unknown state; peers.md §1.2): the simulator runs an order and then
 * never answers (or answers 502). The signer reports `unknown`, never `rejected`; the order stays
 * reserved, is resolved by orderStatus from what the venue actually did, and is never doubled:
 * the same decision sent again while the order's fate is open sends nothing, and no cloid ever
 * appears in two order requests. A 502 for an order the venue did not run resolves as not found,
 * but only once the request's expiresAfter has passed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { decision, ioc, NO, quote, readyRisk, reset, simGet, simOrders, simPost, simRequests, stopRisk, timing, touch, until, venueLots, YES } from "./account-fixtures";

const NAME = "risk-ambiguous";
const ENG = "amb:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES, NO] });
  // A shorter acknowledgement timeout keeps the test quick; the path is the same as with 5 s.
  expect(await risk.updateConfig({ execution: { ack_timeout_ms: 1_500 } })).toMatchObject({ ok: true });
  await until(() => risk.status(), (s) => s.scheduleCancel.armedUntil !== null, 20_000, "dead man's switch armed");
});

afterAll(async () => {
  await risk.cancelAll("end of test file");
  await stopRisk(NAME);
});

const exchangeCount = async (): Promise<number> => ((await simGet("/control/state")) as { requests: { exchange: number } }).requests.exchange;

async function auditOf(kind: string, cloid: string): Promise<unknown[]> {
  const r = await risk.decisions({ kind, limit: 1000 });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.filter((e) => e.cloid === cloid).map((e) => e.body as unknown);
}

function noCloidTwice(requests: { type: string; cloids: string[] }[]): void {
  const sent = requests.filter((r) => r.type === "order").flatMap((r) => r.cloids);
  expect(new Set(sent).size).toBe(sent.length);
}

describe("ambiguous submits", () => {
  it("accepted then never answered: unknown, resolved as resting through orderStatus, never doubled", async () => {
    const t = await touch(YES);
    const bid = t.bid - 3_000;
    const lots = Math.ceil(12 / (bid / 1e5));
    const before = await exchangeCount();
    await simPost("/control/faults/exchange", { mode: "timeout", count: 1 });
    const first = risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots)]), timing());
    await until(exchangeCount, (n) => n > before, 10_000, "the order reached the venue");
    // The same decision while the first answer is outstanding: the slot's order is in flight, nothing new goes out.
    const again = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots)]), timing());
    const cloid = again.liveOrders[`${ENG}:bid`]!.cloid;
    await first;

    expect(await auditOf("ack", cloid)).toEqual([expect.objectContaining({ result: { kind: "unknown", cause: "timeout" }, http: null })]);
    expect(await auditOf("status", cloid)).toContainEqual(expect.objectContaining({ answer: expect.objectContaining({ kind: "open" }) }));
    await until(() => risk.openOrders(), (o) => o.some((x) => x.cloid === cloid && x.status === "resting"), 10_000, "resolved as resting");
    expect((await simOrders()).filter((o) => o.cloid === cloid)).toHaveLength(1);
    const requests = await simRequests();
    noCloidTwice(requests);
    expect(requests.filter((r) => r.type === "order" && r.cloids.includes(cloid))).toEqual([expect.objectContaining({ fault: "timeout after accepting", http: null })]);
  });

  it("a 502 for an IOC the venue ran: unknown, resolved as filled, the position equals the venue's", async () => {
    const before = await venueLots([YES]);
    const t = await touch(YES);
    await simPost("/control/faults/exchange", { mode: "status", status: 502, execute: true, count: 1 });
    await risk.submit(decision(ENG, [], [ioc(ENG, YES, "buy", Math.min(t.ask + 1_000, 99_999), 12, "take")]), timing());
    const acks = await risk.decisions({ kind: "ack", limit: 1 });
    if (!acks.ok) throw new Error("audit");
    const cloid = acks.value[0]!.cloid!;
    expect(acks.value[0]!.body as unknown).toMatchObject({ result: { kind: "unknown", cause: "http_5xx" }, http: 502 });
    expect(await auditOf("status", cloid)).toContainEqual(expect.objectContaining({ answer: expect.objectContaining({ kind: "filled" }) }));
    const after = await until(() => venueLots([YES]), (v) => v["hl:#150"] !== before["hl:#150"], 10_000, "the venue filled");
    await until(async () => (await risk.positions()).find((p) => p.market === "hl:#150")?.lots, (lots) => lots === after["hl:#150"], 10_000, "position equals the venue's");
    noCloidTwice(await simRequests());
  });

  it("a 502 for an order the venue did not run: unknown, resolved as not found, and the slot trades again", async () => {
    const t = await touch(YES);
    const bid = t.bid - 3_100;
    const lots = Math.ceil(12 / (bid / 1e5));
    await simPost("/control/faults/exchange", { mode: "status", status: 503, count: 1 });
    await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots, "bid2")]), timing());
    const acks = await risk.decisions({ kind: "ack", limit: 1 });
    if (!acks.ok) throw new Error("audit");
    const lost = acks.value[0]!.cloid!;
    expect(acks.value[0]!.body as unknown).toMatchObject({ result: { kind: "unknown", cause: "http_5xx" } });
    // "Not found" counts only after the request's expiresAfter passed (the venue can no longer run it).
    await until(() => risk.openOrders(), (o) => !o.some((x) => x.cloid === lost), 15_000, "the lost order resolved");
    const statuses = (await auditOf("status", lost)) as { answer: { kind: string } | null }[];
    expect(statuses.at(-1)).toMatchObject({ answer: { kind: "not_found" } });
    const retry = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, lots, "bid2")]), timing());
    const placed = retry.liveOrders[`${ENG}:bid2`]!.cloid;
    expect(placed).not.toBe(lost);
    expect((await simOrders()).map((o) => o.cloid)).toContain(placed);
    expect((await simOrders()).map((o) => o.cloid)).not.toContain(lost);
    noCloidTwice(await simRequests());
  });
});
