/**
 * Liveness of the private stream (SPEC §10, stop_on_disconnect; judged on the connection): when
 * the simulator drops the account's socket, or keeps it open but stops answering pings, the
 * RiskDO halts the venue and cancels its resting orders; after the reconnect, the userFills
 * snapshot and a clean reconciliation it trades again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { decision, NO, quote, readyRisk, reset, simOrders, simPost, stopRisk, timing, touch, until, YES } from "./account-fixtures";

const NAME = "risk-stream";
const ENG = "stream:#150";
let risk: DurableObjectStub<RiskDO>;

beforeAll(async () => {
  await reset();
  risk = await readyRisk(NAME, { [ENG]: [YES, NO] });
});

afterAll(async () => {
  await simPost("/control/faults/clear");
  await risk.cancelAll("end of test file");
  await stopRisk(NAME);
});

async function restingBid(tag: string): Promise<string> {
  const t = await touch(YES);
  const bid = t.bid - 3_000;
  const slice = await risk.submit(decision(ENG, [quote(ENG, YES, "buy", bid, Math.ceil(12 / (bid / 1e5)), tag)]), timing());
  const live = slice.liveOrders[`${ENG}:${tag}`];
  if (live === undefined) throw new Error(`not placed: ${JSON.stringify(slice)}`);
  await until(simOrders, (o) => o.some((x) => x.cloid === live.cloid), 10_000, "resting on the venue");
  return live.cloid;
}

async function streamEvents(): Promise<{ up: boolean; reason?: string }[]> {
  const r = await risk.decisions({ kind: "stream", limit: 100 });
  if (!r.ok) throw new Error("audit");
  return r.value.map((e) => e.body as { up: boolean; reason?: string });
}

describe("private stream liveness", () => {
  it("a dropped socket halts the venue and cancels its orders; reconnect + reconcile recovers", async () => {
    const cloid = await restingBid("a");
    const resyncs = (await risk.status()).stream!.resyncs;
    await simPost("/control/faults/drop", { channel: "orderUpdates" });

    await until(simOrders, (o) => o.length === 0, 10_000, "the resting order cancelled");
    const cancels = await risk.decisions({ kind: "cancel", limit: 10 });
    expect(cancels.ok && cancels.value.some((e) => e.cloid === cloid && (e.body as { reason: string }).reason === "risk")).toBe(true);

    const back = await until(() => risk.status(), (s) => s.stream!.resyncs > resyncs && s.stream!.synced && s.account!.triggers.length === 0, 20_000, "reconnected and reconciled");
    expect(back).toMatchObject({ ready: true, state: "ACTIVE", lastReconcile: { ok: true, reason: "private stream resynced" } });
    const events = await streamEvents();
    expect(events.slice(-2)).toEqual([{ up: false, reason: expect.any(String) }, { up: true }]);
    await restingBid("b");
  });

  it("a socket that stays open but stops answering pings is dropped, halts, and recovers", async () => {
    await restingBid("c");
    // Pongs withheld for 7 s (frames still flow): the 5 s pong timeout must notice.
    await simPost("/control/faults/stall", { channels: ["pong"], ms: 7_000 });
    await until(simOrders, (o) => o.length === 0, 20_000, "orders cancelled on the silent socket");
    const down = (await streamEvents()).filter((e) => !e.up).at(-1);
    expect(down?.reason).toMatch(/no pong/);
    await until(() => risk.status(), (s) => s.stream!.synced && s.account!.triggers.length === 0 && s.ready, 30_000, "recovered");
    await restingBid("d");
  });
});
