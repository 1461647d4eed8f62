/**
 * One side of an order book: price levels held as exact integers (ticks, lots).
 *
 * Why this structure: Hyperliquid shows at most 20 levels per side, and nearly every change
 * lands at or next to the touch. Levels sit in two parallel typed arrays sorted worst -> best,
 * so the best level is the last slot: reading it is one array access, O(1). A change looks for
 * its price by walking down from the best end and, to insert or remove, shifts only the levels
 * between that price and the touch (a `copyWithin`). The work per change is bounded by the
 * number of levels above the changed one, a small constant for a top-of-book feed, hence O(1)
 * amortised; there is no per-level allocation, no hashing and no rebuild. Capacity doubles
 * when a deeper book (Polymarket, Kalshi deltas) needs it.
 *
 * Prices are stored as keys that grow toward the best level: `px` for bids, `-px` for asks.
 */

export type Side = "bid" | "ask";

export class BookSide {
  private keys: Float64Array;
  private sizes: Float64Array;
  private n = 0;
  private readonly dir: 1 | -1;

  constructor(
    readonly side: Side,
    capacity = 32,
  ) {
    this.dir = side === "bid" ? 1 : -1;
    this.keys = new Float64Array(capacity);
    this.sizes = new Float64Array(capacity);
  }

  get count(): number {
    return this.n;
  }

  /** Best price in ticks, NaN when the side is empty. */
  bestPx(): number {
    return this.n === 0 ? NaN : this.dir * (this.keys[this.n - 1] as number);
  }

  /** Size at the best price in lots, 0 when the side is empty. */
  bestSz(): number {
    return this.n === 0 ? 0 : (this.sizes[this.n - 1] as number);
  }

  /** Price of the i-th best level (0 = best), NaN past the last level. */
  pxAt(i: number): number {
    return i < this.n ? this.dir * (this.keys[this.n - 1 - i] as number) : NaN;
  }

  /** Size of the i-th best level (0 = best), 0 past the last level. */
  szAt(i: number): number {
    return i < this.n ? (this.sizes[this.n - 1 - i] as number) : 0;
  }

  /** Size resting at `px`, 0 when there is no level there. */
  sizeAt(px: number): number {
    const key = this.dir * px;
    for (let i = this.n - 1; i >= 0; i--) {
      const k = this.keys[i] as number;
      if (k === key) return this.sizes[i] as number;
      if (k < key) return 0;
    }
    return 0;
  }

  /** Sum of the sizes of the best `levels` levels. */
  depth(levels: number): number {
    const stop = Math.max(0, this.n - levels);
    let sum = 0;
    for (let i = this.n - 1; i >= stop; i--) sum += this.sizes[i] as number;
    return sum;
  }

  /** Sets the size at `px`; size 0 removes the level. Inputs are validated by the caller. */
  set(px: number, sz: number): void {
    const key = this.dir * px;
    let i = this.n - 1;
    while (i >= 0 && (this.keys[i] as number) > key) i--;
    if (i >= 0 && this.keys[i] === key) {
      if (sz === 0) {
        this.keys.copyWithin(i, i + 1, this.n);
        this.sizes.copyWithin(i, i + 1, this.n);
        this.n--;
      } else {
        this.sizes[i] = sz;
      }
      return;
    }
    if (sz === 0) return;
    if (this.n === this.keys.length) this.grow();
    const at = i + 1;
    this.keys.copyWithin(at + 1, at, this.n);
    this.sizes.copyWithin(at + 1, at, this.n);
    this.keys[at] = key;
    this.sizes[at] = sz;
    this.n++;
  }

  /** Drops every level strictly better than `px` (a bbo says the touch is at `px`). */
  dropBetterThan(px: number): number {
    const key = this.dir * px;
    let dropped = 0;
    while (this.n > 0 && (this.keys[this.n - 1] as number) > key) {
      this.n--;
      dropped++;
    }
    return dropped;
  }

  /**
   * Replaces the whole side with `count` levels given best first (already validated: strictly
   * ordered away from the touch, positive sizes).
   */
  replace(px: ArrayLike<number>, sz: ArrayLike<number>, count: number): void {
    while (this.keys.length < count) this.grow();
    for (let j = 0; j < count; j++) {
      const slot = count - 1 - j;
      this.keys[slot] = this.dir * (px[j] as number);
      this.sizes[slot] = sz[j] as number;
    }
    this.n = count;
  }

  clear(): void {
    this.n = 0;
  }

  /** True when `a` is a better price than `b` on this side. */
  better(a: number, b: number): boolean {
    return this.dir * a > this.dir * b;
  }

  private grow(): void {
    const keys = new Float64Array(Math.max(4, this.keys.length * 2));
    const sizes = new Float64Array(keys.length);
    keys.set(this.keys.subarray(0, this.n));
    sizes.set(this.sizes.subarray(0, this.n));
    this.keys = keys;
    this.sizes = sizes;
  }
}
