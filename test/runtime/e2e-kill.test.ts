/**
 * The kill switch through the admin API (SPEC §10, §13): `POST /admin/kill` cancels every order
 * resting on the simulator, and no new order reaches the venue until `POST /admin/resume` — also
 * when the kill comes while a market feed is stalled and the feed later comes back whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, cleanUp, marketStatus, simGet, simOrders, simPost, until } from "./e2e-helpers";

const ID = "hl:#150";
const WAIT_MS = 360_000;
const TEST_MS = 900_000;
/** How long the test watches that nothing is placed while killed (several requote cycles). */
const HOLD_MS = 10_000;

interface Req {
  seq: number;
  type: string;
}
const lastSeq = async (): Promise<number> => (await simGet<Req[]>("/control/requests")).at(-1)?.seq ?? 0;
const ordersSince = async (seq: number): Promise<Req[]> => (await simGet<Req[]>(`/control/requests?since=${seq}`)).filter((r) => r.type === "order");
const quoting = () => until("quotes rest", simOrders, (o) => o.length > 0, WAIT_MS, 500);

/** Killed: nothing rests, and for HOLD_MS no order action reaches the venue. */
async function holdsKilled(): Promise<void> {
  await until("every resting order cancelled", simOrders, (o) => o.length === 0, 30_000);
  const from = await lastSeq();
  await new Promise((r) => setTimeout(r, HOLD_MS));
  expect(await ordersSince(from)).toEqual([]);
  expect(await simOrders()).toEqual([]);
  const status = await admin<{ risk: { account: { killed: boolean; mode: string } } }>("GET", "/admin/status");
  expect(status.body.risk.account).toMatchObject({ killed: true, mode: "halted" });
}

beforeAll(async () => {
  await simPost("/control/reset");
  expect((await admin("PATCH", "/admin/config", { risk: { stale_feed_ms: 3_000 } })).status).toBe(200);
  expect((await admin("POST", "/admin/markets", { market: ID, strategy: { kind: "mm" } })).status).toBe(201);
});

afterAll(async () => {
  await simPost("/control/faults/clear");
  await cleanUp([ID]);
});

describe("kill switch", () => {
  it("cancels every resting order and accepts nothing new until resume", async () => {
    await quoting();
    const kill = await admin("POST", "/admin/kill", { reason: "operator test" });
    expect(kill.status).toBe(200);
    await holdsKilled();
    const audit = await admin<{ kind: string; body: { action?: string; reason?: string } }[]>("GET", "/admin/decisions?kind=control&limit=10");
    expect(JSON.stringify(audit.body)).toContain("operator test");
    expect((await admin("POST", "/admin/resume", {})).status).toBe(200);
    await quoting();
  }, TEST_MS);

  it("also while a market feed is stalled, and after the feed comes back", async () => {
    await quoting();
    const before = await marketStatus(ID);
    await simPost("/control/faults/stall", { channels: ["l2Book", "bbo", "trades"] });
    await until("stall detected", () => marketStatus(ID), (m) => m.feed.resyncs > before.feed.resyncs && !m.feed.synced);
    expect((await admin("POST", "/admin/kill", { reason: "kill during a stall" })).status).toBe(200);
    await holdsKilled();
    await simPost("/control/faults/clear");
    await until("feed whole again", () => marketStatus(ID), (m) => m.feed.phase === "up" && m.feed.synced);
    await holdsKilled();
    expect((await admin("POST", "/admin/resume", {})).status).toBe(200);
    await quoting();
  }, TEST_MS);
});
