/**
 * One side (bids or asks) of the replayed book on the merged grid: recorded levels from the
 * latest snapshot or bbo, plus the levels where our orders rest. Prices are kept sorted best
 * first only when asked for, because a snapshot replaces most of them at once.
 */
import { clearLevel, type Level, newLevel, showLevel, available } from "./level-queue";

/** Hyperliquid l2Book holds at most 20 levels per side; a full side may hide deeper levels. */
export const MAX_BOOK_DEPTH = 20;

export interface RecordedLevel {
  px: number;
  sz: number;
  n: number | null;
}

export class SideBook {
  private readonly levels = new Map<number, Level>();
  private sorted: number[] | null = null;
  /** What the recording covers: every price (a side shorter than 20 levels) or down to `edge`. */
  private coverAll = false;
  private coverEdge: number | null = null;
  private snapshots = 0;

  constructor(readonly isBid: boolean) {}

  /** True when `a` is a better price than `b` on this side. */
  better(a: number, b: number): boolean {
    return this.isBid ? a > b : a < b;
  }

  get(px: number): Level | undefined {
    return this.levels.get(px);
  }

  getOrCreate(px: number): Level {
    let l = this.levels.get(px);
    if (l === undefined) {
      l = newLevel(px);
      this.levels.set(px, l);
      this.sorted = null;
    }
    return l;
  }

  /** Level prices, best first. */
  prices(): readonly number[] {
    if (this.sorted === null) {
      const keys = [...this.levels.keys()];
      keys.sort(this.isBid ? (a, b) => b - a : (a, b) => a - b);
      this.sorted = keys;
    }
    return this.sorted;
  }

  /** True when the recording shows this price, so an absent level there is truly empty. */
  covers(px: number): boolean {
    return this.coverAll || (this.coverEdge !== null && !this.better(this.coverEdge, px));
  }

  /** Levels that hold recorded size or orders of ours, best first. */
  *live(): Generator<Level> {
    for (const px of this.prices()) {
      const l = this.levels.get(px);
      if (l !== undefined && (available(l) > 0 || l.orders.length > 0)) yield l;
    }
  }

  /** Best recorded price with size still available (our own orders not counted). */
  bestRecorded(): Level | undefined {
    for (const px of this.prices()) {
      const l = this.levels.get(px);
      if (l !== undefined && available(l) > 0) return l;
    }
    return undefined;
  }

  /**
   * Replaces the recorded side with a snapshot (best first). A level missing from a snapshot
   * vanished if its price lies within the range the snapshot covers; beyond the 20th level we
   * cannot tell, so queue positions there are left alone.
   */
  applySnapshot(side: readonly RecordedLevel[]): void {
    const complete = side.length < MAX_BOOK_DEPTH;
    const worst = side.length > 0 ? side[side.length - 1]!.px : null;
    this.snapshots++;
    this.coverAll = complete;
    this.coverEdge = worst;
    const covered = (px: number): boolean => this.covers(px);
    const seen = new Set<number>();
    for (const r of side) {
      seen.add(r.px);
      showLevel(this.getOrCreate(r.px), r.sz, r.n);
    }
    for (const [px, l] of this.levels) {
      if (seen.has(px)) continue;
      if (covered(px)) clearLevel(l);
      else {
        l.shown = 0;
        l.n = null;
        l.traded = 0;
      }
      if (l.orders.length === 0) this.drop(px);
    }
  }

  /** A bbo update: `top` is the new best recorded level (null = side empty). */
  applyTop(top: RecordedLevel | null): void {
    // A feed with bbo but no book (the HIP-4 recording's BTC perp) covers only its top level.
    if (this.snapshots === 0) {
      this.coverAll = top === null;
      this.coverEdge = top === null ? null : top.px;
    }
    for (const [px, l] of this.levels) {
      if (top !== null && !this.better(px, top.px)) continue;
      clearLevel(l);
      if (l.orders.length === 0) this.drop(px);
    }
    if (top !== null) showLevel(this.getOrCreate(top.px), top.sz, top.n);
  }

  /** Removes a level that holds nothing of ours and nothing recorded. */
  dropIfEmpty(px: number): void {
    const l = this.levels.get(px);
    if (l !== undefined && l.orders.length === 0 && l.shown === 0) this.drop(px);
  }

  private drop(px: number): void {
    this.levels.delete(px);
    this.sorted = null;
  }
}
