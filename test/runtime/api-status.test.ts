/**
 * The public, read-only surfaces (SPEC §13, §14): `/api/status` without a token (network,
 * markets with feed and engine state, risk mode, decision counts; nothing about positions), the
 * `/stream` WebSocket of 4 Hz snapshots from the StatusHub, and the status page served as an asset.
 */
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PnlLog } from "../../durable-objects/risk/pnl-log";
import { stubOptions } from "../../durable-objects/stubs";
import type { MarketStatus } from "../../shared/runtime/market/types";
import { utcDayStart, type PnlHistory } from "../../shared/runtime/account/pnl-history";
import { admin, sim, until, withSyncedMmMarket } from "./e2e-helpers";

const ID = "hl:#150";

withSyncedMmMarket(ID);

describe("public status", () => {
  it("/api/status answers without a token: markets with feed and engine state, risk mode, decision counts, no positions", async () => {
    const res = await exports.default.fetch("http://local/api/status");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { markets: { id: string; feed: { phase: string; synced: boolean }; strategy: string }[]; risk: Record<string, unknown> };
    expect(body.network).toBe("mainnet");
    // Paper vs live is public: the page says it without the token.
    expect(body.venue).toEqual({ network: "mainnet", kind: "simulator", paper: true, host: new URL(sim().url).host });
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
    // Without a token the frame carries the market: top of book, signals, regimes, strategy inputs, the venue.
    const last = frames.at(-1) as unknown as { venue: { paper: boolean; kind: string }; markets: MarketStatus[]; risk: { pnlTodayUsd: unknown } };
    expect(last.venue).toMatchObject({ kind: "simulator", paper: true });
    expect(last.risk).toHaveProperty("pnlTodayUsd");
    const m = last.markets[0]!;
    const own = m.live.pipelines.find((p) => p.coin === "#150")!;
    expect(own.book.bids[0]!.px).toMatch(/^0\.\d+$/);
    expect(own.book.asks[0]!.px).toMatch(/^0\.\d+$/);
    expect(own.market.mid).toBeCloseTo((Number(own.book.bids[0]!.px) + Number(own.book.asks[0]!.px)) / 2, 9);
    expect(own.market.micro).toEqual(expect.any(Number));
    expect(own.regime).toMatchObject({ liquidity: expect.any(String), vol: expect.any(String), extreme: expect.any(Boolean) });
    expect(m.live.context!.inputs).toMatchObject({ gamma: expect.any(Number), kappa: expect.any(Number), tauSecs: expect.any(Number) });
    expect(m.live.outcome!.expiryMs).toBeGreaterThan(0);
    // A few KB per market at most.
    expect(JSON.stringify(m).length).toBeLessThan(4_096);
    ws.close(1000, "done");
    // With no socket left the hub's alarm ends its loop: no further alarm is scheduled.
    const hub = env.STATUS_HUB.getByName("hub");
    await until("alarm loop ended", () => runInDurableObject(hub, (_, state) => state.storage.getAlarm()), (a) => a === null, 30_000, 300);
  });

  it("PnL history: sampled by the RiskDO's alarm, PnL today against the equity at 00:00 UTC, kept across a restart", async () => {
    const bad = await admin<{ error: string; issues: { path: string }[] }>("GET", "/admin/pnl?since=yesterday");
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i) => i.path)).toEqual(["since"]);
    expect((await admin("GET", "/admin/pnl?sinse=1")).status).toBe(400);
    const h = await until("a PnL sample", async () => (await admin<PnlHistory>("GET", "/admin/pnl?since=0")).body, (b) => b.series.length > 0);
    const now = Date.now();
    expect(h.dayOpen).toEqual(expect.objectContaining({ dayStartMs: utcDayStart(now) }));
    expect(h.todayUsd).toBeCloseTo(h.equityUsd - h.dayOpen!.equityUsd, 9);
    const p = h.series.at(-1)!;
    expect(p.ts).toBeLessThanOrEqual(now);
    expect(p.equityUsd).toBeGreaterThan(0);
    // since in the future: no samples, the current figures still there.
    expect((await admin<PnlHistory>("GET", `/admin/pnl?since=${now + 60_000}`)).body.series).toEqual([]);
    // The stream's risk status carries PnL today.
    const o = (await (await exports.default.fetch("http://local/admin/status", { headers: { Authorization: "Bearer test-admin-token" } })).json()) as { risk: { pnlTodayUsd: number | null; pnlDay: unknown } };
    expect(typeof o.risk.pnlTodayUsd).toBe("number");
    expect(o.risk.pnlDay).toEqual(h.dayOpen);
    // What a restarted RiskDO reads back from SQLite: the same day open and the samples.
    const risk = env.RISK.getByName("risk");
    const restored = await runInDurableObject(risk, (_, state) => {
      const log = new PnlLog(state.storage.sql);
      log.restore();
      return { day: log.status(null, Date.now()).dayOpen, series: log.series(0) };
    });
    expect(restored.day).toEqual(h.dayOpen);
    expect(restored.series.slice(0, h.series.length)).toEqual(h.series);
  });

  it("latency histograms per stage: the RiskDO's from its ack records (one per signed batch), the MarketDO's frame -> decision", async () => {
    type Hist = { counts: number[]; n: number; maxMs: number };
    type Lat = { bounds: number[]; windowMs: number; stages: Record<string, { total: Hist; window: Hist }> };
    const overview = async () => (await (await exports.default.fetch("http://local/admin/status", { headers: { Authorization: "Bearer test-admin-token" } })).json()) as { risk: { latency: Lat }; markets: MarketStatus[] };
    const o = await until("an order batch answered", overview, (x) => (x.risk.latency.stages.venue?.total.n ?? 0) > 0 && (x.markets[0]?.live.latency?.stages.decide?.total.n ?? 0) > 0);
    const lat = o.risk.latency;
    expect(lat.bounds[0]).toBe(0);
    expect(Object.keys(lat.stages).sort()).toEqual(["decide", "risk", "sign", "signer", "total", "venue"]);
    for (const st of Object.values(lat.stages)) {
      expect(st.total.counts).toHaveLength(lat.bounds.length + 1);
      expect(st.total.counts.reduce((a, b) => a + b, 0)).toBe(st.total.n);
      expect(st.window.n).toBeLessThanOrEqual(st.total.n);
    }
    // Every counted batch is an ack record with stage times in the audit log (same RiskDO, same nonces).
    const acks = (await admin<{ body: { nonce: number; stages?: Record<string, number> } }[]>("GET", "/admin/decisions?kind=ack&limit=1000")).body;
    const batches = new Set(acks.filter((a) => a.body.stages !== undefined).map((a) => a.body.nonce));
    expect(lat.stages.venue!.total.n).toBeLessThanOrEqual(batches.size);
    const venueMax = Math.max(...acks.filter((a) => a.body.stages !== undefined).map((a) => a.body.stages!.answeredAt! - a.body.stages!.postedAt!));
    expect(lat.stages.venue!.total.maxMs).toBeLessThanOrEqual(venueMax);
    const mine = o.markets[0]!.live.latency!;
    expect(mine.stages.decide!.total.counts.reduce((a, b) => a + b, 0)).toBe(mine.stages.decide!.total.n);
  });

  it("Durable Object location hint: DO_LOCATION_HINT passed to every stub when it names a Cloudflare location, nothing otherwise", () => {
    expect(stubOptions({ DO_LOCATION_HINT: "apac-ne" })).toEqual({ locationHint: "apac-ne" });
    expect(stubOptions({ DO_LOCATION_HINT: " enam " })).toEqual({ locationHint: "enam" });
    expect(stubOptions({})).toBeUndefined();
    expect(stubOptions({ DO_LOCATION_HINT: "tokyo" })).toBeUndefined();
    // The test Worker runs without the var, as locally.
    expect(stubOptions(env)).toBeUndefined();
  });

  it("serves the page at / as a static asset", async () => {
    const page = await env.ASSETS.fetch("http://local/index.html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});
