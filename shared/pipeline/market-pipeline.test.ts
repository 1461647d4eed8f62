import { describe, expect, it } from "vitest";
import type { BboEvent, BookEvent, LevelStr, TradeEvent } from "../events";
import { defaultPipelineConfig, type PipelineConfig } from "./config";
import { MarketPipeline } from "./market-pipeline";
import { exportPipelineState, restorePipelineState } from "./persistence";
import { snapshotPipeline } from "./snapshot";

const SCALE = { pxDecimals: 1, szDecimals: 5 };

function btcConfig(): PipelineConfig {
  const c = defaultPipelineConfig("BTC", SCALE);
  c.liquidity = { depthLevels: 2, illiquidSpreadBps: 10, liquidSpreadBps: 5, illiquidDepth: 10_000, liquidDepth: 20_000 };
  return c;
}

function pipeline(c = btcConfig()): MarketPipeline {
  const r = MarketPipeline.create(c);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const lv = (px: string, sz: string): LevelStr => ({ px, sz });
const book = (coin: string, ts: number, bids: LevelStr[], asks: LevelStr[]): BookEvent => ({ kind: "book", venue: "hl", coin, ts, bids, asks });
const bbo = (coin: string, ts: number, bid: LevelStr, ask: LevelStr): BboEvent => ({ kind: "bbo", venue: "hl", coin, ts, bid, ask });
const trade = (coin: string, ts: number, px: string, sz: string, side: "buy" | "sell"): TradeEvent => ({
  kind: "trade",
  venue: "hl",
  coin,
  ts,
  px,
  sz,
  side,
});

describe("MarketPipeline configuration", () => {
  it("refuses a bad config with the field and the reason", () => {
    const c = btcConfig();
    c.liquidity.liquidSpreadBps = 20;
    c.leadLag = { lead: "BTC", lag: "BTC", windowMs: 500, leadThresholdBps: 1, reflectedFraction: 0.5 };
    c.ofi.windowsMs = [];
    const r = MarketPipeline.create(c);
    expect(r.ok ? [] : r.error.map((e) => e.path)).toEqual(["ofi.windowsMs", "liquidity", "leadLag"]);
    const d = btcConfig();
    d.leadLag = { lead: "BTC", lag: "ETH", windowMs: 250, leadThresholdBps: 1, reflectedFraction: 0.5 };
    const s = MarketPipeline.create(d);
    expect(s.ok ? [] : s.error.map((e) => e.path)).toEqual(["leadLag.lag"]);
  });
});

describe("MarketPipeline events", () => {
  it("runs a snapshot through book, market state, OFI, regimes and alpha", () => {
    const p = pipeline();
    p.onEvent(book("BTC", 1000, [lv("42727.0", "0.5"), lv("42726.0", "1")], [lv("42728.0", "0.3"), lv("42730.0", "2")]));
    expect(p.bookValid).toBe(true);
    expect(p.market.view.mid).toBe(42727.5);
    expect(p.liquidity.state).toBe("liquid");
    expect(p.tradable()).toBe(true);
    p.onEvent(book("BTC", 1500, [lv("42727.0", "0.9"), lv("42726.0", "1")], [lv("42728.0", "0.3"), lv("42730.0", "2")]));
    // Only the bid queue grew by 0.4 BTC: e = +0.4 BTC = 40000 lots.
    expect(p.ofi.sum(0, 1500)).toBe(40_000);
    expect(p.signals.get("ofi", 1500)).toBeGreaterThan(0);
    expect(p.alpha).toBeGreaterThan(0);
    const snap = snapshotPipeline(p, 1);
    expect(snap.book.bids).toEqual([{ px: "42727", sz: "0.9" }]);
    expect(snap.ofi.sums[0]).toBeCloseTo(0.4, 12);
    expect(snap.alpha.contributions.find((c) => c.name === "ofi")?.contribution).toBeGreaterThan(0);
  });

  it("refuses a crossed book, counts it and keeps the previous one", () => {
    const p = pipeline();
    p.onEvent(book("BTC", 1000, [lv("42727.0", "0.5")], [lv("42728.0", "0.3")]));
    expect(p.onEvent(book("BTC", 1100, [lv("42729.0", "0.5")], [lv("42728.0", "0.3")]))).toBe(false);
    expect(p.book.refused.crossed).toBe(1);
    expect(p.counters.refused).toBe(1);
    expect(p.book.bestBidPx()).toBe(427270);
    expect(p.onEvent(bbo("BTC", 1200, lv("42727.0", "NaN"), lv("42728.0", "1")))).toBe(false);
    expect(p.onEvent(trade("BTC", 1300, "42728.0", "-1", "buy"))).toBe(false);
    expect(p.counters.refused).toBe(3);
  });

  it("feeds taker volume into its own signal and keeps trades out of OFI", () => {
    const p = pipeline();
    p.onEvent(book("BTC", 1000, [lv("42727.0", "0.5")], [lv("42728.0", "0.3")]));
    p.onEvent(trade("BTC", 1100, "42728.0", "0.2", "buy"));
    p.onEvent(trade("BTC", 1200, "42727.0", "0.1", "sell"));
    expect(p.signals.get("aggr", 1200)).toBeCloseTo(1 / 3, 12);
    expect(p.ofi.events).toBe(0);
  });

  it("counts late and foreign events, and stops being tradable on a resync", () => {
    const p = pipeline();
    p.onEvent(book("BTC", 1000, [lv("42727.0", "0.5")], [lv("42728.0", "0.3")]));
    p.onEvent(book("ETH", 1000, [lv("2000.0", "1")], [lv("2000.1", "1")]));
    p.onEvent(trade("BTC", 900, "42728.0", "0.1", "buy"));
    expect(p.counters).toMatchObject({ events: 3, ignored: 1, outOfOrder: 1 });
    expect(p.ts).toBe(1000);
    p.onEvent({ kind: "resyncing", venue: "hl", coin: "BTC", ts: 1100, reason: "gap" });
    expect(p.tradable()).toBe(false);
    expect(p.signals.get("ofi", 1100)).toBeUndefined();
    expect(p.onEvent({ kind: "bookDelta", venue: "hl", coin: "BTC", ts: 1150, changes: [{ side: "bid", px: "42727.0", sz: "1" }] })).toBe(
      false,
    );
    p.onEvent(book("BTC", 1200, [lv("42727.0", "0.5")], [lv("42728.0", "0.3")]));
    expect(p.bookValid).toBe(true);
    expect(p.tradable()).toBe(false); // $12.8k on the thin side: under the $20k needed to turn liquid
    p.onEvent(book("BTC", 1300, [lv("42727.0", "1")], [lv("42728.0", "1")]));
    expect(p.tradable()).toBe(true);
  });

  it("turns the lead-lag signal on at the lead's move, before the lag market moves", () => {
    const c = defaultPipelineConfig("ETH", { pxDecimals: 2, szDecimals: 4 });
    c.leadLag = { lead: "BTC", lag: "ETH", windowMs: 250, leadThresholdBps: 1, reflectedFraction: 0.5 };
    const p = pipeline(c);
    p.onEvent(book("BTC", 1000, [lv("100000.0", "1")], [lv("100001.0", "1")]));
    p.onEvent(book("ETH", 1000, [lv("4000.00", "10")], [lv("4000.10", "10")]));
    expect(p.signals.get("leadlag", 1000)).toBe(0);
    expect(p.onEvent(bbo("BTC", 1100, lv("100030.0", "1"), lv("100031.0", "1")))).toBe(true); // +3 bp
    expect(p.signals.get("leadlag", 1100)).toBe(1);
    expect(p.ts).toBe(1100);
    p.onEvent(bbo("ETH", 1200, lv("4001.50", "10"), lv("4001.60", "10"))); // ETH follows
    expect(p.signals.get("leadlag", 1200)).toBe(0);
    expect(p.onEvent({ kind: "resyncing", venue: "hl", coin: "BTC", ts: 1300, reason: "gap" })).toBe(false);
    expect(p.counters.ignored).toBe(1);
  });

  it("starts a book from a bbo on a bbo-only feed", () => {
    const p = pipeline();
    expect(p.onEvent(bbo("BTC", 1000, lv("42727.0", "1"), lv("42728.0", "1")))).toBe(true);
    expect(p.bookValid).toBe(true);
    expect(p.market.view.mid).toBe(42727.5);
  });

  it("gives the same state for the same events, every time", () => {
    const events: (BookEvent | TradeEvent)[] = [];
    for (let i = 0; i < 400; i++) {
      const bidSz = ((i * 7919) % 97) / 10 + 0.1;
      const px = 42700 + ((i * 31) % 11);
      events.push(book("BTC", 1000 + i * 500, [lv(`${px}.0`, bidSz.toFixed(5))], [lv(`${px + 1}.0`, "0.5")]));
      if (i % 3 === 0) events.push(trade("BTC", 1000 + i * 500 + 1, `${px + 1}.0`, "0.01", i % 2 ? "buy" : "sell"));
    }
    const run = (): string => {
      const p = pipeline();
      for (const e of events) p.onEvent(e);
      return JSON.stringify(snapshotPipeline(p));
    };
    expect(run()).toBe(run());
  });
});

describe("MarketPipeline persistence", () => {
  it("restores vol, depth baselines, regime and trust after a restart", () => {
    const p = pipeline();
    for (let i = 0; i < 60; i++) {
      p.onEvent(book("BTC", i * 1000, [lv(`${42700 + (i % 5)}.0`, "0.5")], [lv(`${42701 + (i % 5)}.0`, "0.3")]));
    }
    p.setTrust({ ofi: 0.7 });
    const saved = JSON.parse(JSON.stringify(exportPipelineState(p))) as unknown;
    const q = pipeline();
    expect(restorePipelineState(q, saved)).toEqual({ ok: true, value: undefined });
    const again = exportPipelineState(q);
    expect({ ...again, savedAt: null }).toEqual({ ...exportPipelineState(p), savedAt: null });
    expect(q.market.vol.sigmaPerSqrtSec(0)).toBe(p.market.vol.sigmaPerSqrtSec(60_000));
  });

  it("refuses a state for another coin or with bad fields", () => {
    const p = pipeline();
    const state = exportPipelineState(p);
    expect(restorePipelineState(p, { ...state, coin: "ETH" }).ok).toBe(false);
    expect(restorePipelineState(p, { ...state, vol: { variancePerSec: -1, warm: true, samples: 1 } }).ok).toBe(false);
    expect(restorePipelineState(p, "garbage").ok).toBe(false);
  });
});

