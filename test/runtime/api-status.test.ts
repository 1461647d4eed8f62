/**
 * The public, read-only surfaces (SPEC §13, §14): `/api/status` without a token (network,
 * markets with feed and engine state, risk mode, decision counts; nothing about positions), the
 * `/stream` WebSocket of 4 Hz snapshots from the StatusHub, and the status page served as an asset.
 */
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, cleanUp, marketStatus, simPost, until } from "./e2e-helpers";

const ID = "hl:#150";

beforeAll(async () => {
  await simPost("/control/reset");
  expect((await admin("POST", "/admin/markets", { market: ID, strategy: { kind: "mm" } })).status).toBe(201);
  await until("feed synced", () => marketStatus(ID), (m) => m.feed.synced);
});

afterAll(async () => {
  await cleanUp([ID]);
});

describe("public status", () => {
  it("/api/status answers without a token: markets with feed and engine state, risk mode, decision counts, no positions", async () => {
    const res = await exports.default.fetch("http://local/api/status");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { markets: { id: string; feed: { phase: string; synced: boolean }; strategy: string }[]; risk: Record<string, unknown> };
    expect(body.network).toBe("mainnet");
    expect(body.markets).toEqual([expect.objectContaining({ id: ID, strategy: "mm", feed: expect.objectContaining({ phase: "up", synced: true }) })]);
    expect(Object.keys(body.risk).sort()).toEqual(["killReason", "killed", "mode", "phase", "state"]);
    expect(body.decisions).toEqual({ markets: expect.any(Number), risk: expect.objectContaining({ submitted: expect.any(Number) }) });
    expect(JSON.stringify(body)).not.toContain("positions");
  });

  it("/stream pushes snapshots while someone listens, and the hub stops once nobody does", async () => {
    expect((await exports.default.fetch("http://local/stream")).status).toBe(426);
    const res = await exports.default.fetch("http://local/stream", { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    ws.accept();
    const frames: { type: string; seq: number; ts: number; markets: { id: string }[]; risk: unknown }[] = [];
    ws.addEventListener("message", (e) => frames.push(JSON.parse(e.data as string)));
    await until("three snapshots", async () => frames.length, (n) => n >= 3, 30_000, 50);
    expect(frames.every((f) => f.type === "snapshot")).toBe(true);
    expect(frames.map((f) => f.seq)).toEqual([...frames.map((f) => f.seq)].sort((a, b) => a - b));
    expect(new Set(frames.map((f) => f.seq)).size).toBe(frames.length);
    expect(frames[0]!.markets.map((m) => m.id)).toEqual([ID]);
    expect(frames[0]!.risk).not.toBeNull();
    ws.close(1000, "done");
    // With no socket left the hub's alarm ends its loop: no further alarm is scheduled.
    const hub = env.STATUS_HUB.getByName("hub");
    await until("alarm loop ended", () => runInDurableObject(hub, (_, state) => state.storage.getAlarm()), (a) => a === null, 30_000, 300);
  });

  it("serves the page at / as a static asset", async () => {
    const page = await env.ASSETS.fetch("http://local/index.html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});
