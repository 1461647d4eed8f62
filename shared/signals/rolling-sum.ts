/**
 * Sum of values stamped within the last `windowMs` of exchange time, i.e. over (now − W, now].
 * A ring buffer of (ts, value) with a running total: adding and sliding are O(1) amortised.
 * Values are expected to be integers (lots), so the running total never drifts.
 */
export class RollingSum {
  private ts: Float64Array;
  private vs: Float64Array;
  private head = 0;
  private size = 0;
  private total = 0;

  constructor(
    readonly windowMs: number,
    capacity = 64,
  ) {
    this.ts = new Float64Array(capacity);
    this.vs = new Float64Array(capacity);
  }

  add(ts: number, value: number): void {
    if (this.size === this.ts.length) this.grow();
    const at = (this.head + this.size) % this.ts.length;
    this.ts[at] = ts;
    this.vs[at] = value;
    this.size++;
    this.total += value;
  }

  /** The sum over (now − windowMs, now]; drops entries that have left the window. */
  sum(now: number): number {
    const cutoff = now - this.windowMs;
    const cap = this.ts.length;
    while (this.size > 0 && (this.ts[this.head] as number) <= cutoff) {
      this.total -= this.vs[this.head] as number;
      this.head = (this.head + 1) % cap;
      this.size--;
    }
    if (this.size === 0) this.total = 0;
    return this.total;
  }

  /** Entries currently held (after the last slide). */
  get count(): number {
    return this.size;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
    this.total = 0;
  }

  private grow(): void {
    const cap = this.ts.length;
    const ts = new Float64Array(cap * 2);
    const vs = new Float64Array(cap * 2);
    for (let i = 0; i < this.size; i++) {
      ts[i] = this.ts[(this.head + i) % cap] as number;
      vs[i] = this.vs[(this.head + i) % cap] as number;
    }
    this.ts = ts;
    this.vs = vs;
    this.head = 0;
  }
}
