/**
 * What the page makes of what the bot sends: the stream frame, the stale judgement, the
 * instrument scales, the stage latencies and the outcome's expiry and strike. Inputs are real:
 * one /stream frame and the admin API's answers recorded from npm start's stack
 * (fixtures/dashboard-stack-frames.json), varied by hand where a case needs it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { dashboard, type Snap, type StalenessModule } from "./dashboard-modules";

interface AuditEntry {
  id: number;
  ts: number;
  kind: string;
  cloid: string | null;
  body: Record<string, unknown>;
}
interface Recorded {
  snapshot: Record<string, unknown> & { ts: number; markets: Record<string, unknown>[] };
  acks: AuditEntry[];
  risk: AuditEntry[];
  parityDecisions: AuditEntry[];
  details: Record<string, unknown>;
}
const REC = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "dashboard-stack-frames.json"), "utf8")) as Recorded;

let readSnapshot: (raw: unknown) => Snap | null;
let st: StalenessModule;
beforeAll(async () => {
  readSnapshot = (await dashboard.snapshot()).readSnapshot;
  st = await dashboard.staleness();
});

const clone = <T>(x: T): T => structuredClone(x);

describe("stream frame", () => {
  it("reads the recorded frame: risk state, account, positions, every market with its feed", () => {
    const s = readSnapshot(REC.snapshot);
    expect(s).not.toBeNull();
    expect(s?.risk?.state).toBe("ACTIVE");
    expect(s?.risk?.account?.positions.map((p) => p.market)).toEqual(["hl:#151", "hl:BTC"]);
    expect(s?.markets.map((m) => m.id)).toEqual(["hl:#150", "hl:#150~parity", "hl:rpl:ETH"]);
    expect(s?.markets.every((m) => m.feed?.phase === "up" && m.feed.synced)).toBe(true);
  });

  it("never throws on any JSON, and a partial frame reads as nulls and empty lists", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(() => readSnapshot(v)).not.toThrow();
        expect(() => readSnapshot({ type: "snapshot", ts: 1, risk: v, markets: [v, { id: "x", feed: v }] })).not.toThrow();
      }),
      { numRuns: 1_000 },
    );
    const s = readSnapshot({ type: "snapshot", ts: 5, risk: { account: {} }, markets: [{ id: "hl:BTC" }, { id: "hl:#150", error: "boom" }] });
    expect(s?.risk?.account?.equityUsd).toBeNull();
    expect(s?.risk?.account?.positions).toEqual([]);
    expect(s?.markets[0]?.feed?.phase).toBe("down");
    expect(s?.markets[1]?.error).toBe("boom");
    expect(readSnapshot("pong")).toBeNull();
    expect(readSnapshot({ type: "snapshot" })).toBeNull();
  });
});

describe("stale banner", () => {
  const base = () => {
    const snap = readSnapshot(REC.snapshot) as Snap;
    return { now: snap.ts + 300, connection: "open", lastRecvAt: snap.ts + 250, retryInMs: null, snapshot: snap, lastDelayMs: 250, minDelayMs: 240 };
  };

  it("a healthy recorded frame raises nothing", () => {
    expect(st.staleIssues(base())).toEqual([]);
  });

  it("names a silent stream, with how long", () => {
    const x = base();
    const issues = st.staleIssues({ ...x, now: (x.lastRecvAt as number) + st.THRESHOLDS.streamSilentMs + 1_500 });
    expect(issues.map((i) => i.key)).toEqual(["stream"]);
    expect(issues[0]?.detail).toMatch(/silent for 3\.5 s/);
  });

  it("names a disconnected stream with its retry", () => {
    const issues = st.staleIssues({ ...base(), connection: "closed", retryInMs: 4_200 });
    expect(issues[0]).toMatchObject({ key: "stream", what: "live stream" });
    expect(issues[0]?.detail).toMatch(/retrying in 5 s/);
  });

  it("names a snapshot built seconds before it arrived", () => {
    const issues = st.staleIssues({ ...base(), lastDelayMs: 240 + st.THRESHOLDS.snapshotOldMs + 500 });
    expect(issues.map((i) => i.key)).toEqual(["snapshot"]);
  });

  it("names the market whose feed is Resyncing, stalled (server clock) or down", () => {
    const raw = clone(REC.snapshot);
    const feed = (i: number) => (raw.markets[i] as { feed: Record<string, unknown> }).feed;
    feed(0).synced = false;
    feed(0).lastResyncReason = "l2Book #150 silent 10000 ms";
    feed(1).lastFrameAt = raw.ts - st.THRESHOLDS.feedSilentMs - 2_000;
    feed(2).phase = "connecting";
    const issues = st.staleIssues({ ...base(), snapshot: readSnapshot(raw) });
    expect(issues.map((i) => i.what)).toEqual(["market feed hl:#150", "market feed hl:#150~parity", "market feed hl:rpl:ETH"]);
    expect(issues[0]?.detail).toMatch(/Resyncing: l2Book #150 silent/);
    expect(issues[1]?.detail).toMatch(/no venue frame for 7\.0 s/);
  });

  it("a quiet but connected feed is not stale while frames (books, pongs) keep arriving", () => {
    const raw = clone(REC.snapshot);
    (raw.markets[2] as { feed: Record<string, unknown> }).feed.lastFrameAt = raw.ts - st.THRESHOLDS.feedSilentMs + 500;
    expect(st.staleIssues({ ...base(), snapshot: readSnapshot(raw) })).toEqual([]);
  });

  it("a RiskDO that does not answer is named, and so is a down private stream", () => {
    const raw = clone(REC.snapshot);
    expect(st.staleIssues({ ...base(), snapshot: readSnapshot({ ...raw, risk: null }) }).map((i) => i.key)).toEqual(["risk"]);
    (raw.risk as { stream: Record<string, unknown> }).stream.phase = "down";
    expect(st.staleIssues({ ...base(), snapshot: readSnapshot(raw) }).map((i) => i.key)).toEqual(["private"]);
  });
});

describe("instrument scales", () => {
  it("reads price decimals off quotes and risk records, size decimals off positions", async () => {
    const { learnScales, tickPrice, lotSize } = await dashboard.scales();
    const snap = readSnapshot(REC.snapshot);
    const sc = learnScales(snap, Object.fromEntries(Object.entries(REC.details).map(([k, v]) => [k, { value: v, at: 0 }])), REC.risk);
    // HIP-4: 5 price decimals on both legs, whole shares; BTC perp: 1 price decimal, 5 size decimals.
    expect(sc.px["hl:#151"]).toBe(5);
    expect(sc.px["hl:#150"]).toBe(5);
    expect(sc.px["hl:BTC"]).toBe(1);
    expect(sc.sz["hl:BTC"]).toBe(5);
    expect(sc.sz["hl:#151"]).toBe(0);
    expect(tickPrice(sc, "hl:BTC", 807430)).toBe("80743.0");
    expect(lotSize(sc, "hl:BTC", 1036)).toBe("0.01036");
    expect(tickPrice(sc, "hl:unknown", 12)).toBe("12 ticks");
  });
});

describe("stage latencies", () => {
  it("each stage is the difference of the recorded stage times, one per signed batch", async () => {
    const { stageDurations, quantile, STAGES } = await dashboard.latency();
    const d = stageDurations(REC.acks);
    const batches = new Set(REC.acks.map((a) => a.body.nonce)).size;
    expect(d.total?.length).toBe(batches);
    const first = REC.acks[0]?.body.stages as Record<string, number>;
    for (const s of STAGES) expect(d[s.key]?.[0]).toBe((first[s.to] as number) - (first[s.from] as number));
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe("outcome expiry and strike from the decision log", () => {
  it("expiry = decision time + τ, strike = K, newest decision wins", async () => {
    const { anchorsFrom } = await dashboard.inputs();
    const a = anchorsFrom(REC.parityDecisions);
    const newest = [...REC.parityDecisions].sort((x, y) => (y.body.ts as number) - (x.body.ts as number))[0] as AuditEntry;
    const inputs = (newest.body.context as { inputs: { tauYears: number; K: number } }).inputs;
    expect(a?.strike).toBe(inputs.K);
    expect(a?.expiryMs).toBeCloseTo((newest.body.ts as number) + inputs.tauYears * 365 * 24 * 3600 * 1000, 0);
    // The recording's question: targetPrice 80354 (data/hyperliquid/hip4-2026-05-10/README.md).
    expect(a?.strike).toBe(80354);
  });
});

describe("stream reconnect backoff", () => {
  it("doubles from 0.5 s and stops at 15 s", async () => {
    const { backoffCeiling, BACKOFF } = await dashboard.stream();
    expect([0, 1, 2, 3].map((n) => backoffCeiling(n))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffCeiling(10)).toBe(BACKOFF.maxMs);
    expect(backoffCeiling(1_000)).toBe(BACKOFF.maxMs);
  });
});

describe("server-side latency histograms on the page", () => {
  it("the page's buckets and quantiles are the server's (shared/runtime/latency-histogram.ts)", async () => {
    const page = await dashboard.latency();
    const server = await import("../../shared/runtime/latency-histogram");
    expect(page.BOUNDS_MS).toEqual([...server.BUCKET_BOUNDS_MS]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 30_000, noNaN: true })), fc.double({ min: 0.01, max: 1, noNaN: true }), (xs, q) => {
        const h = server.emptyHistogram();
        xs.forEach((x) => server.observe(h, x));
        const mine = page.histogramOf(xs);
        return JSON.stringify(mine.counts) === JSON.stringify(h.counts) && page.histQuantile(h, q) === server.quantileMs(h, q);
      }),
    );
  });

  it("reads the frame's venue, PnL today, stage histograms and each market's live view; garbage reads as null", () => {
    const raw = clone(REC.snapshot) as unknown as Record<string, unknown> & { risk: Record<string, unknown>; markets: Record<string, unknown>[] };
    raw.venue = { network: "mainnet", kind: "simulator", paper: true, host: "127.0.0.1:8780" };
    raw.risk.pnlTodayUsd = -3.25;
    raw.risk.pnlDay = { dayStartMs: Date.UTC(2026, 4, 10), equityUsd: 1_000, source: "sample" };
    raw.risk.latency = { bounds: [0, 1, 2], windowMs: 300_000, stages: { venue: { total: { counts: [0, 1, 2, 1], n: 4, sumMs: 9, maxMs: 4 }, window: { counts: [0, 0, 1, 0], n: 1, sumMs: 2, maxMs: 2 } } } };
    raw.markets[0]!.live = { pipelines: [{ coin: "#150", book: { bids: [{ px: "0.95234", sz: "29" }], asks: [] } }], context: { inputs: { sigma: 0.01 } }, inputsSource: "rebuilt", outcome: { expiryMs: 1_778_392_800_000, strike: null }, params: { mm: { gamma: 0.1 } } };
    const s = readSnapshot(raw) as unknown as { venue: { paper: boolean; kind: string }; risk: { pnlTodayUsd: number; pnlDay: { source: string }; latency: { stages: Record<string, { total: { n: number } }> } }; markets: { live: { pipelines: unknown[]; outcome: { expiryMs: number } } | null }[] };
    expect(s.venue).toEqual({ network: "mainnet", kind: "simulator", paper: true, host: "127.0.0.1:8780" });
    expect(s.risk.pnlTodayUsd).toBe(-3.25);
    expect(s.risk.pnlDay.source).toBe("sample");
    expect(s.risk.latency.stages.venue!.total.n).toBe(4);
    expect(s.markets[0]!.live!.pipelines).toHaveLength(1);
    expect(s.markets[0]!.live!.outcome.expiryMs).toBe(1_778_392_800_000);
    expect(s.markets[1]!.live).toBeNull();
    const bad = readSnapshot({ ...raw, venue: "x", risk: { ...raw.risk, latency: 5, pnlTodayUsd: "a" }, markets: [{ ...raw.markets[0], live: 7 }] }) as unknown as typeof s;
    expect(bad.venue).toBeNull();
    expect(bad.risk.latency).toBeNull();
    expect(bad.risk.pnlTodayUsd).toBeNull();
    expect(bad.markets[0]!.live).toBeNull();
  });
});

describe("PnL line and market detail from the stream", () => {
  it("the line is the RiskDO's history first, then only the stream's points after it", async () => {
    const { pnlLine } = await dashboard.pnl();
    const { createStore } = await dashboard.store();
    const s = createStore();
    s.pnl.push(1_000, 5);
    s.pnl.push(3_000, 7);
    s.pnl.push(5_000, 9);
    expect(pnlLine(s)).toEqual({ t: [1_000, 3_000, 5_000], v: [5, 7, 9], from: "stream" });
    s.pnlHistory = { series: [{ ts: 0, equityUsd: 1_000, pnlUsd: 1 }, { ts: 3_000, equityUsd: 1_006, pnlUsd: 6 }], at: 0 };
    expect(pnlLine(s)).toEqual({ t: [0, 3_000, 5_000], v: [1, 6, 9], from: "history" });
  });

  it("a market's detail is the stream's live view, the admin snapshot only while fresh; expiry and strike come with it", async () => {
    const { createStore, takeSnapshot, detailOf } = await dashboard.store();
    const s = createStore();
    const live = { pipelines: [{ coin: "#150" }], context: { inputs: { sigma: 0.01 } }, outcome: { expiryMs: 1_778_392_800_000, strike: 80_354 }, params: { mm: { gamma: 0.1 } } };
    takeSnapshot(s, { ts: 10_000, markets: [{ id: "hl:#150~parity", live }] }, 10_050);
    expect(detailOf(s, "hl:#150~parity", 10_100)).toMatchObject({ engine: { pipelines: live.pipelines, context: live.context }, params: live.params });
    expect(s.anchors["hl:#150~parity"]).toMatchObject({ expiryMs: 1_778_392_800_000, strike: 80_354 });
    s.details["hl:#150~parity"] = { value: { engine: { pipelines: [] }, from: "admin" }, at: 20_000 };
    expect(detailOf(s, "hl:#150~parity", 24_000)).toMatchObject({ from: "admin" });
    expect(detailOf(s, "hl:#150~parity", 26_000)).toMatchObject({ engine: { pipelines: live.pipelines } });
  });
});
