/**
 * The book as the venue serves it (l2Book REST and WS, bbo): the replayed levels left after our
 * takes plus our resting orders, both legs of an outcome (the side-1 book mirrored), at most 20
 * levels per side, optionally aggregated to `nSigFigs` significant figures (bids rounded down,
 * asks up; `mantissa` only with 5 figures) [docs info-endpoint §L2 book snapshot].
 * `n` is the recorded order count when the recording has it, else 1 for a non-empty recorded
 * level (the djienne and HIP-4 recorders dropped it), plus one per order of ours.
 */
import type { LevelView } from "../../shared/matching/types";
import type { Markets } from "./markets";
import { hlDecimal } from "./wire-format";

export interface WireLevel {
  px: string;
  sz: string;
  n: number;
}

export interface WireBook {
  coin: string;
  time: number;
  levels: [WireLevel[], WireLevel[]];
}

export interface Aggregation {
  nSigFigs?: number | null;
  mantissa?: number | null;
}

export function bookView(markets: Markets, coin: string, depth: number, time: number, agg: Aggregation = {}): WireBook | null {
  const m = markets.market(coin);
  if (m === undefined) return null;
  const full = m.engine.levels(coin, agg.nSigFigs == null ? depth : 1_000);
  const side = (levels: LevelView[], up: boolean): WireLevel[] =>
    aggregate(levels, agg, up)
      .slice(0, depth)
      .map((l) => ({ px: hlDecimal(l.px, m.pxDecimals), sz: hlDecimal(l.sz, m.szDecimals), n: l.n }));
  return { coin, time, levels: [side(full.bids, false), side(full.asks, true)] };
}

export function bboView(markets: Markets, coin: string, time: number): { coin: string; time: number; bbo: [WireLevel | null, WireLevel | null] } | null {
  const b = bookView(markets, coin, 1, time);
  if (b === null) return null;
  return { coin, time, bbo: [b.levels[0][0] ?? null, b.levels[1][0] ?? null] };
}

/** Groups levels into buckets of `nSigFigs` significant figures (× mantissa); asks round up. */
export function aggregate(levels: readonly LevelView[], agg: Aggregation, roundUp: boolean): LevelView[] {
  const k = agg.nSigFigs;
  if (k === null || k === undefined) return [...levels];
  const out: LevelView[] = [];
  for (const l of levels) {
    const digits = String(l.px).length;
    const bucket = Math.max(1, 10 ** Math.max(0, digits - k) * (k === 5 ? (agg.mantissa ?? 1) : 1));
    const px = (roundUp ? Math.ceil(l.px / bucket) : Math.floor(l.px / bucket)) * bucket;
    const last = out[out.length - 1];
    if (last !== undefined && last.px === px) out[out.length - 1] = { px: last.px, sz: (last.sz + l.sz) as LevelView["sz"], n: last.n + l.n };
    else out.push({ px: px as LevelView["px"], sz: l.sz, n: l.n });
  }
  return out;
}
