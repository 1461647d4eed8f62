/** Small, order-stable statistics for the backtest report. */

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1). */
export function std(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** Linear-interpolated quantile of an unsorted sample. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Rounds for the report: fixed decimals, no -0, and null for what is not a finite number. */
export function r(x: number, digits = 6): number | null {
  if (!Number.isFinite(x)) return null;
  const v = Number(x.toFixed(digits));
  return Object.is(v, -0) ? 0 : v;
}

/** Differences of a series sampled every `every` points (e.g. 1-minute PnL from 1-second equity). */
export function stepDiffs(xs: readonly number[], every: number): number[] {
  const out: number[] = [];
  for (let i = every; i < xs.length; i += every) out.push(xs[i]! - xs[i - every]!);
  return out;
}

/** Counts of values per bucket of width `width`, keyed by the bucket's lower edge, in order. */
export function histogram(xs: readonly number[], width: number): { from: number; count: number }[] {
  const m = new Map<number, number>();
  for (const x of xs) {
    const k = Math.floor(x / width);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].sort((a, b) => a[0] - b[0]).map(([k, count]) => ({ from: Number((k * width).toFixed(10)), count }));
}
