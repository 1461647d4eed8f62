/**
 * A MarketDO after an eviction, restart or deploy (SPEC §12): storage keeps the setup and the
 * engine state, the constructor restores them without I/O, the alarm reconnects the feed, and
 * decisions continue from the saved sequence number (learned state restored, not started over).
 */
import { abortAllDurableObjects } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, cleanUp, marketStatus, simGet, simPost, until } from "./e2e-helpers";

const ID = "hl:#150";
const WAIT_MS = 360_000;

beforeAll(async () => {
  await simPost("/control/reset");
  expect((await admin("POST", "/admin/markets", { market: ID, strategy: { kind: "mm" } })).status).toBe(201);
});

afterAll(async () => {
  await cleanUp([ID]);
});

describe("MarketDO restart", () => {
  it("restores its setup and engine state from SQLite and reconnects on its own", async () => {
    await until("synced", () => marketStatus(ID), (m) => m.feed.synced && m.decisions > 0, WAIT_MS, 500);
    // Let a save happen (at most every 10 s while events flow), then kill every object.
    await new Promise((r) => setTimeout(r, 11_000));
    const before = await marketStatus(ID);
    const subs = async () => (await simGet<{ subscriptions: number }>("/control/state")).subscriptions;
    const live = await subs();
    await abortAllDurableObjects();
    await until("sockets gone", subs, (n) => n < live, 30_000);
    // Nothing calls the market: its own alarm brings it back and it subscribes again (watched
    // from the simulator, which does not wake the object).
    await until("resubscribed by its alarm", subs, (n) => n >= live, 120_000, 500);
    const after = await env.MARKET.getByName(ID).status();
    expect(after).not.toBeNull();
    expect(after?.feed.phase).toBe("up");
    expect(after?.feed.frames.ok).toBeGreaterThan(0);
    expect(after?.enabled).toBe(true);
    // The decision counter continues from what was saved; a fresh engine would start at 0.
    expect(after?.lastDecisionSeq).toBeGreaterThan(0);
    await until("synced again", () => marketStatus(ID), (m) => m.feed.synced, WAIT_MS, 500);
    expect((await marketStatus(ID)).lastDecisionSeq).toBeGreaterThanOrEqual(Math.min(before.lastDecisionSeq, after?.lastDecisionSeq ?? 0));
  }, 900_000);
});
