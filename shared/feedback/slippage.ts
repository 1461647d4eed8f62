/**
 * Slippage (SPEC §11): each fill against the reference price recorded when the order was
 * decided (mid or micro-price), signed so that positive is worse for us, in bps. Statistics are
 * kept per tactic, because a post-only quote and an IOC sweep have different costs.
 */
import type { Side, Tactic } from "../execution/types";

export function slippageBps(side: Side, fillPx: number, refPx: number): number {
  if (!(refPx > 0)) return 0;
  const diff = side === "buy" ? fillPx - refPx : refPx - fillPx;
  return (diff / refPx) * 1e4;
}

export interface SlippageStats {
  fills: number;
  /** Size-weighted mean, bps. */
  meanBps: number;
  /** Exponentially weighted, for the recent regime, bps. */
  ewmaBps: number;
  worstBps: number;
  sizeTotal: number;
}

export type SlippageBook = Partial<Record<Tactic, SlippageStats>>;

const EMPTY: SlippageStats = { fills: 0, meanBps: 0, ewmaBps: 0, worstBps: 0, sizeTotal: 0 };

/** `weight` of the newest fill in the EWMA (0 < weight ≤ 1). */
export function recordSlippage(book: SlippageBook, tactic: Tactic, bps: number, size: number, weight: number): SlippageBook {
  if (!Number.isFinite(bps) || !(size > 0)) return book;
  const s = book[tactic] ?? EMPTY;
  const sizeTotal = s.sizeTotal + size;
  return {
    ...book,
    [tactic]: {
      fills: s.fills + 1,
      meanBps: s.meanBps + ((bps - s.meanBps) * size) / sizeTotal,
      ewmaBps: s.fills === 0 ? bps : s.ewmaBps + weight * (bps - s.ewmaBps),
      worstBps: s.fills === 0 ? bps : Math.max(s.worstBps, bps),
      sizeTotal,
    },
  };
}
