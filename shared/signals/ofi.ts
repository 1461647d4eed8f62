/**
 * Order-flow imbalance of Cont, Kukanov & Stoikov (2014), "The Price Impact of Order Book
 * Events", J. Financial Econometrics 12(1), eq. (2)/(3): for consecutive best-quote states
 * n−1 -> n (P bid/ask price, q size),
 *   e_n = 1{Pb_n ≥ Pb_{n−1}}·qb_n − 1{Pb_n ≤ Pb_{n−1}}·qb_{n−1}
 *       − 1{Pa_n ≤ Pa_{n−1}}·qa_n + 1{Pa_n ≥ Pa_{n−1}}·qa_{n−1},
 * and OFI over [t_{k−1}, t_k] is the sum of the e_n of the events in it. Only the best level
 * enters, an event is a change of the best level, and trades are never mixed in: a trade shows
 * up only through the size it removes from the touch.
 */
import { RollingSum } from "./rolling-sum";

export interface BestLevels {
  bidPx: number;
  bidSz: number;
  askPx: number;
  askSz: number;
}

/** e_n for the move from `prev` to `cur` (same units in, same units out: ticks and lots). */
export function ofiEvent(prev: BestLevels, cur: BestLevels): number {
  let e = 0;
  if (cur.bidPx >= prev.bidPx) e += cur.bidSz;
  if (cur.bidPx <= prev.bidPx) e -= prev.bidSz;
  if (cur.askPx <= prev.askPx) e -= cur.askSz;
  if (cur.askPx >= prev.askPx) e += prev.askSz;
  return e;
}

/**
 * Tracks the best level and sums e_n over rolling windows of exchange time. `onTop` is called
 * whenever the book may have changed; it records an event only when the best level did.
 */
export class OfiTracker {
  private readonly prev: BestLevels = { bidPx: NaN, bidSz: 0, askPx: NaN, askSz: 0 };
  private readonly cur: BestLevels = { bidPx: NaN, bidSz: 0, askPx: NaN, askSz: 0 };
  private readonly sums: RollingSum[];
  /** Best-level changes seen (each one an e_n). */
  events = 0;
  /** Sum of every e_n since the start, for regressions over arbitrary buckets. */
  cumulative = 0;

  constructor(readonly windowsMs: readonly number[]) {
    this.sums = windowsMs.map((w) => new RollingSum(w));
  }

  /** Returns e_n, or 0 when the best level has not changed (or there is no previous state). */
  onTop(ts: number, bidPx: number, bidSz: number, askPx: number, askSz: number): number {
    const p = this.prev;
    if (bidPx === p.bidPx && bidSz === p.bidSz && askPx === p.askPx && askSz === p.askSz) return 0;
    const c = this.cur;
    c.bidPx = bidPx;
    c.bidSz = bidSz;
    c.askPx = askPx;
    c.askSz = askSz;
    const first = Number.isNaN(p.bidPx);
    const e = first ? 0 : ofiEvent(p, c);
    p.bidPx = bidPx;
    p.bidSz = bidSz;
    p.askPx = askPx;
    p.askSz = askSz;
    if (first) return 0;
    this.events++;
    this.cumulative += e;
    for (const s of this.sums) s.add(ts, e);
    return e;
  }

  /** OFI over the i-th window ending at `now`. */
  sum(i: number, now: number): number {
    const s = this.sums[i];
    return s === undefined ? NaN : s.sum(now);
  }

  /** Forgets the last best level (after a resync the next state is a new reference). */
  reset(): void {
    this.prev.bidPx = NaN;
    this.prev.askPx = NaN;
    this.prev.bidSz = 0;
    this.prev.askSz = 0;
    for (const s of this.sums) s.clear();
  }
}
