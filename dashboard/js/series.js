/**
 * Bounded time series kept in the page (the stream sends state, not history): PnL since the
 * page opened, each venue's YES price for the inefficiency view, the replay's mids. Points are
 * (t ms, value); at most one point per `minGapMs` unless the value changed, and the oldest are
 * dropped past `max`.
 */
export class Series {
  constructor(max = 7_200, minGapMs = 1_000) {
    this.max = max;
    this.minGapMs = minGapMs;
    this.t = [];
    this.v = [];
  }

  get length() {
    return this.t.length;
  }

  last() {
    const n = this.t.length;
    return n === 0 ? null : { t: this.t[n - 1], v: this.v[n - 1] };
  }

  push(t, v) {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return;
    const n = this.t.length;
    if (n > 0) {
      const lt = this.t[n - 1];
      if (t < lt) return;
      if (t - lt < this.minGapMs && this.v[n - 1] === v) return;
    }
    this.t.push(t);
    this.v.push(v);
    if (this.t.length > this.max) {
      const drop = this.t.length - this.max;
      this.t.splice(0, drop);
      this.v.splice(0, drop);
    }
  }

  /**
   * Time-weighted mean over [now − windowMs, now]: each value holds until the next point (the
   * price stood there), the one before the window counts from the window's start. Null when
   * nothing is known in or before the window.
   */
  meanOver(now, windowMs) {
    const from = now - windowMs;
    let i = this.t.length - 1;
    if (i < 0) return null;
    let end = now;
    let area = 0;
    let span = 0;
    while (i >= 0) {
      const start = Math.max(this.t[i], from);
      if (end > start) {
        area += this.v[i] * (end - start);
        span += end - start;
      }
      if (this.t[i] <= from) break;
      end = this.t[i];
      i--;
    }
    if (span > 0) return area / span;
    const l = this.last();
    return l !== null && l.t <= now ? l.v : null;
  }

  clear() {
    this.t = [];
    this.v = [];
  }
}
