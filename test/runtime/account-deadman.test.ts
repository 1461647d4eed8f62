/**
 * The exchange-side dead man's switch (SPEC §10): while the RiskDO runs it keeps scheduleCancel
 * armed on the venue (venue now + 30 s) and pushes it forward every 10 s from its alarm; once
 * the object is gone and nothing refreshes it, the venue cancels every resting order with
 * status `scheduledCancel`, so orders die even if the whole deployment does.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { decision, info, NO, quote, readyRisk, reset, sim, simGet, simOrders, simPost, stopRisk, timing, touch, until, YES } from "./account-fixtures";

const NAME = "risk-deadman";
const ENG = "dm:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES, NO] });
});

/** When the venue will fire the paper account's switch (venue ms), or null when it is not armed. */
const venueSwitch = async (): Promise<number | null> => {
  const accounts = (await simGet("/control/accounts")) as { address: string; scheduledCancel: number | null }[];
  return accounts.find((a) => a.address === sim().account)?.scheduledCancel ?? null;
};

let cloid = "";

describe("dead man's switch", () => {
  it("is armed on the venue 30 s ahead while the RiskDO runs, and refreshed from its alarm", async () => {
    const armed = await until(() => risk.status(), (s) => s.scheduleCancel.armedUntil !== null, 20_000, "armed");
    const first = armed.scheduleCancel.armedUntil!;
    const simTime = ((await simGet("/control/state")) as { simTime: number }).simTime;
    expect(first - simTime).toBeGreaterThan(15_000);
    expect(first - simTime).toBeLessThanOrEqual(30_000);
    expect(await venueSwitch()).toBe(first);

    const t = await touch(YES);
    const bid = t.bid - 3_000;
    const slice = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, Math.ceil(12 / (bid / 1e5)))]), timing());
    cloid = slice.liveOrders[`${ENG}:bid`]!.cloid;
    expect((await simOrders()).map((o) => o.cloid)).toEqual([cloid]);

    const refreshed = await until(() => risk.status(), (s) => (s.scheduleCancel.armedUntil ?? 0) > first, 25_000, "refreshed");
    expect(refreshed.scheduleCancel.arms).toBeGreaterThanOrEqual(2);
    expect(await venueSwitch()).toBe(refreshed.scheduleCancel.armedUntil);
    const armedLog = await risk.decisions({ kind: "dead_man" });
    expect(armedLog.ok && armedLog.value.every((e) => (e.body as { result: { kind: string } }).result.kind === "ok")).toBe(true);
  });

  it("fires on the venue once the RiskDO is gone: every resting order ends scheduledCancel", async () => {
    // The object stops: its alarm is deleted and the instance torn down, so nothing refreshes the switch.
    await stopRisk(NAME);
    const at = await venueSwitch();
    expect(at).not.toBeNull();
    const simTime = ((await simGet("/control/state")) as { simTime: number }).simTime;
    expect((await simOrders()).map((o) => o.cloid)).toEqual([cloid]);
    await simPost("/control/clock/advance", { ms: at! - simTime + 1 });

    await until(simOrders, (o) => o.length === 0, 10_000, "the venue cancelled the resting order");
    expect(await info({ type: "orderStatus", user: sim().account, oid: cloid })).toMatchObject({ status: "order", order: { status: "scheduledCancel" } });
    expect(await venueSwitch()).toBeNull();
  });
});
