/** Dense square-matrix helpers for the micro-price estimator's few dozen states. Row-major. */

export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = (b[0] ?? []).length;
  const k = b.length;
  const out = zeros(n, m);
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number[];
    const oi = out[i] as number[];
    for (let p = 0; p < k; p++) {
      const aip = ai[p] as number;
      if (aip === 0) continue;
      const bp = b[p] as number[];
      for (let j = 0; j < m; j++) oi[j] = (oi[j] as number) + aip * (bp[j] as number);
    }
  }
  return out;
}

export function matVec(a: Matrix, v: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, x, j) => s + x * (v[j] as number), 0));
}

/** Inverse by Gauss-Jordan elimination with partial pivoting; null when (near) singular. */
export function inverse(a: Matrix): Matrix | null {
  const n = a.length;
  const w = a.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs((w[r] as number[])[col] as number) > Math.abs((w[pivot] as number[])[col] as number)) pivot = r;
    }
    const p = (w[pivot] as number[])[col] as number;
    if (Math.abs(p) < 1e-12) return null;
    [w[col], w[pivot]] = [w[pivot] as number[], w[col] as number[]];
    const pr = w[col] as number[];
    for (let j = 0; j < 2 * n; j++) pr[j] = (pr[j] as number) / p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = w[r] as number[];
      const f = row[col] as number;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
  }
  return w.map((row) => row.slice(n));
}
