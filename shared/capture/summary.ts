/**
 * What a replay can say about a capture's price samples and candles, exactly (decimal strings
 * compared and summed as integers at their common scale): per coin the count, the span, first
 * and last price; for candles the first open, last close, high, low and traded volume. Candles
 * are history without an order book: signals, regimes and OFI need books, and no trade is made
 * up from a candle.
 */
import { decimalPlaces, formatScaled, parseScaled } from "../core/decimal";
import type { CandleEvent, PriceEvent } from "../events";

export interface PriceSummary {
  venue: string;
  coin: string;
  basis: PriceEvent["basis"];
  count: number;
  first: { ts: number; px: string };
  last: { ts: number; px: string };
}

export interface CandleSummary {
  venue: string;
  coin: string;
  interval: string;
  count: number;
  /** Open of the first candle and end of the last. */
  from: number;
  to: number;
  open: string;
  close: string;
  high: string;
  low: string;
  /** Sum of the candles' volumes; null when one is not a plain decimal. */
  volume: string | null;
}

function groups<T>(items: readonly T[], key: (x: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const g = m.get(k);
    if (g === undefined) m.set(k, [x]);
    else g.push(x);
  }
  return [...m.values()];
}

/** Events in time order (as the loader returns them). */
export function summarizePrices(prices: readonly PriceEvent[]): PriceSummary[] {
  return groups(prices, (p) => `${p.venue}\u0000${p.coin}\u0000${p.basis}`).map((g) => {
    const a = g[0] as PriceEvent;
    const z = g[g.length - 1] as PriceEvent;
    return { venue: a.venue, coin: a.coin, basis: a.basis, count: g.length, first: { ts: a.ts, px: a.px }, last: { ts: z.ts, px: z.px } };
  });
}

/** The extreme of decimal strings (max when `sign` is 1, min when -1), compared exactly. */
function extreme(values: readonly string[], sign: 1 | -1): string {
  const dp = Math.min(15, values.reduce((m, v) => Math.max(m, decimalPlaces(v)), 0));
  let best = values[0] as string;
  let bestK = parseScaled(best, dp) ?? 0;
  for (const v of values) {
    const k = parseScaled(v, dp);
    if (k !== null && sign * (k - bestK) > 0) [best, bestK] = [v, k];
  }
  return best;
}

function sum(values: readonly string[]): string | null {
  const dp = values.reduce((m, v) => Math.max(m, decimalPlaces(v)), 0);
  if (dp > 15) return null;
  let total = 0;
  for (const v of values) {
    const k = parseScaled(v, dp);
    if (k === null || !Number.isSafeInteger(total + k)) return null;
    total += k;
  }
  return formatScaled(total, dp);
}

export function summarizeCandles(candles: readonly CandleEvent[]): CandleSummary[] {
  return groups(candles, (c) => `${c.venue}\u0000${c.coin}\u0000${c.interval}`).map((g) => {
    const a = g[0] as CandleEvent;
    const z = g[g.length - 1] as CandleEvent;
    return {
      venue: a.venue,
      coin: a.coin,
      interval: a.interval,
      count: g.length,
      from: a.openTs,
      to: z.ts,
      open: a.o,
      close: z.c,
      high: extreme(g.map((c) => c.h), 1),
      low: extreme(g.map((c) => c.l), -1),
      volume: sum(g.map((c) => c.v)),
    };
  });
}
