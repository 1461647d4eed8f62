/**
 * What a capture turns into for replay and backtest: books (shared/events BookEvent), price
 * samples (PriceEvent: allMids, price history) and candles (CandleEvent). Candles stay candles:
 * no trade is ever made up from one.
 */
import { countSkip, type LoadStats } from "../data/load-stats";
import type { BookEvent, CandleEvent, LevelStr, PriceEvent } from "../events";
import { decimalPlaces, parseScaled } from "../core/decimal";
import type { CaptureRecord } from "./record";

export interface CaptureEvents {
  books: BookEvent[];
  prices: PriceEvent[];
  candles: CandleEvent[];
}

export function emptyEvents(): CaptureEvents {
  return { books: [], prices: [], candles: [] };
}

/** Turns one record of its venue into events; a record it cannot read is counted in `stats`, never thrown. */
export type RecordReader = (rec: CaptureRecord, out: CaptureEvents, stats: LoadStats) => void;

export function skip(stats: LoadStats, rec: CaptureRecord, why: string): void {
  countSkip(stats, `${rec.venue} ${rec.type}: ${why}`);
}

/**
 * Levels sorted best first (bids high to low, asks low to high), compared exactly as decimals.
 * Polymarket and Kalshi print their ladders best-last [polymarket-kalshi.md §1.2, §2.3], so every
 * non-Hyperliquid ladder goes through here. null when a price is not a plain decimal.
 */
export function bestFirst(levels: LevelStr[], side: "bid" | "ask"): LevelStr[] | null {
  const dp = levels.reduce((m, l) => Math.max(m, decimalPlaces(l.px)), 0);
  if (dp > 15) return null;
  const keyed: { l: LevelStr; k: number }[] = [];
  for (const l of levels) {
    const k = parseScaled(l.px, dp);
    if (k === null) return null;
    keyed.push({ l, k });
  }
  keyed.sort((a, b) => (side === "bid" ? b.k - a.k : a.k - b.k));
  return keyed.map((x) => x.l);
}
