/** Small statistics used to judge signals on replays: OLS, correlation, running moments. */

export interface Ols {
  slope: number;
  intercept: number;
  r2: number;
  n: number;
}

/** Ordinary least squares of y on x with an intercept. */
export function ols(x: readonly number[], y: readonly number[]): Ols {
  const n = Math.min(x.length, y.length);
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] as number;
    sy += y[i] as number;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: (sxy * sxy) / (sxx * syy), n };
}

/** Pearson correlation of a[i] with b[i + lag] over the overlap. */
export function laggedCorrelation(a: readonly number[], b: readonly number[], lag: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
    xs.push(a[i] as number);
    ys.push(b[i + lag] as number);
  }
  const r = ols(xs, ys);
  return Math.sign(r.slope) * Math.sqrt(r.r2);
}

/** Count, mean, standard deviation, min and max of a stream (Welford). */
export class RunningStats {
  n = 0;
  mean = 0;
  private m2 = 0;
  min = Infinity;
  max = -Infinity;

  add(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  std(): number {
    return this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : NaN;
  }
}
