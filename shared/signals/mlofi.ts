/**
 * Multi-level OFI (Xu, Gould & Howison, "Multi-Level Order-Flow Imbalance in a Limit Order
 * Book", Market Microstructure and Liquidity 4, 2018/2020): the CKS event formula applied to
 * each level m = 1..M separately, giving a vector MLOFI^m summed over a window; M = 1 is CKS.
 *
 * How levels are indexed, and why: level m is the m-th best *non-empty* price level on each
 * side, i.e. the m-th entry of the venue's own level list. Hyperliquid's l2Book (like the
 * LOBSTER data the paper uses) lists only non-empty levels, so this is the indexing the feed
 * gives without inventing zero-size levels; indexing by ticks from the touch would leave most
 * levels empty on sparse books (HIP-4: 0.00001 tick, levels dozens of ticks apart) and make
 * MLOFI^m for m > 1 mostly zero. A level missing in either state (a side shallower than m)
 * contributes nothing for that side.
 */
import type { OrderBook } from "../book/order-book";
import { RollingSum } from "./rolling-sum";

export class MlofiTracker {
  private readonly bidPx: Float64Array;
  private readonly bidSz: Float64Array;
  private readonly askPx: Float64Array;
  private readonly askSz: Float64Array;
  private readonly sums: RollingSum[];
  private readonly e: Float64Array;
  private primed = false;
  events = 0;

  constructor(
    readonly levels: number,
    readonly windowMs: number,
  ) {
    this.bidPx = new Float64Array(levels).fill(NaN);
    this.bidSz = new Float64Array(levels);
    this.askPx = new Float64Array(levels).fill(NaN);
    this.askSz = new Float64Array(levels);
    this.e = new Float64Array(levels);
    this.sums = Array.from({ length: levels }, () => new RollingSum(windowMs));
  }

  /** Reads the top M levels; records one event (a vector e^m) when any of them changed. */
  onBook(ts: number, book: OrderBook): boolean {
    const bids = book.bids;
    const asks = book.asks;
    let changed = false;
    for (let m = 0; m < this.levels; m++) {
      const bp = bids.pxAt(m);
      const bs = bids.szAt(m);
      const ap = asks.pxAt(m);
      const as = asks.szAt(m);
      const pbp = this.bidPx[m] as number;
      const pbs = this.bidSz[m] as number;
      const pap = this.askPx[m] as number;
      const pas = this.askSz[m] as number;
      let e = 0;
      if (bp === bp && pbp === pbp) {
        if (bp >= pbp) e += bs;
        if (bp <= pbp) e -= pbs;
      }
      if (ap === ap && pap === pap) {
        if (ap <= pap) e -= as;
        if (ap >= pap) e += pas;
      }
      if (!sameLevel(bp, bs, pbp, pbs) || !sameLevel(ap, as, pap, pas)) changed = true;
      this.e[m] = e;
      this.bidPx[m] = bp;
      this.bidSz[m] = bs;
      this.askPx[m] = ap;
      this.askSz[m] = as;
    }
    if (!changed) return false;
    if (!this.primed) {
      this.primed = true;
      return false;
    }
    this.events++;
    for (let m = 0; m < this.levels; m++) (this.sums[m] as RollingSum).add(ts, this.e[m] as number);
    return true;
  }

  /** MLOFI^m over the window ending at `now`, m = 0-based level. */
  level(m: number, now: number): number {
    const s = this.sums[m];
    return s === undefined ? NaN : s.sum(now);
  }

  /** Σ_m w_m · MLOFI^m (the scalar the alpha layer uses; weights default to 1). */
  weighted(now: number, weights?: readonly number[]): number {
    let total = 0;
    for (let m = 0; m < this.levels; m++) total += (weights?.[m] ?? 1) * this.level(m, now);
    return total;
  }

  reset(): void {
    this.bidPx.fill(NaN);
    this.askPx.fill(NaN);
    this.bidSz.fill(0);
    this.askSz.fill(0);
    this.primed = false;
    for (const s of this.sums) s.clear();
  }
}

function sameLevel(px: number, sz: number, prevPx: number, prevSz: number): boolean {
  return (px === prevPx || (px !== px && prevPx !== prevPx)) && sz === prevSz;
}
