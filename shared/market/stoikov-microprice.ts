/**
 * Stoikov's micro-price (Quantitative Finance 18(12), 2018): P_micro = M + g*(I, S), the limit
 * of the expected mid after the next mid moves, under a Markov chain on the discretised state
 * x = (imbalance bucket, spread in ticks). Estimation as in the paper's §3 / published notebook:
 *   - count transitions x -> y between consecutive samples, split by whether the mid moved;
 *   - symmetrise by adding every observation mirrored (I -> 1 − I, ΔM -> −ΔM), which makes the
 *     series below converge;
 *   - Q[x][y] = P(next = y, ΔM = 0 | x), T[x][y] = P(next = y, ΔM ≠ 0 | x),
 *     R·K[x] = E[ΔM · 1{ΔM ≠ 0} | x];
 *   - G¹ = (1 − Q)⁻¹ R K,  B = (1 − Q)⁻¹ T,  g* = Σ_{i≥0} Bⁱ G¹ (truncated after `iterations`).
 * Prices come in the book's integer units; `tickUnits` of them make one price step of the
 * venue (BTC on Hyperliquid: book unit 0.1, step 1 -> 10), and the states and g* are in steps.
 */
import { err, ok, type Result } from "../core/result";
import { inverse, matMul, matVec, zeros } from "./small-matrix";

export interface TopOfBook {
  bidPx: number;
  bidSz: number;
  askPx: number;
  askSz: number;
}

export interface StoikovConfig {
  imbalanceBuckets: number;
  /** Book units per venue price step (1 when the book's unit is the step). */
  tickUnits: number;
  /** States cover spreads of 1..maxSpreadTicks ticks; samples outside are skipped. */
  maxSpreadTicks: number;
  iterations: number;
}

export interface StoikovTable {
  imbalanceBuckets: number;
  tickUnits: number;
  maxSpreadTicks: number;
  /** g* in price steps, indexed [spread − 1][bucket]. */
  adjustment: number[][];
  transitions: number;
}

export class StoikovFitter {
  private readonly n: number;
  private readonly q: number[][];
  private readonly t: number[][];
  private readonly moveSum: number[];
  private readonly total: number[];
  transitions = 0;
  skipped = 0;

  constructor(readonly config: StoikovConfig) {
    this.n = config.imbalanceBuckets * config.maxSpreadTicks;
    this.q = zeros(this.n, this.n);
    this.t = zeros(this.n, this.n);
    this.moveSum = new Array<number>(this.n).fill(0);
    this.total = new Array<number>(this.n).fill(0);
  }

  /** Adds one transition between consecutive samples taken at a fixed interval (book units). */
  add(from: TopOfBook, to: TopOfBook): void {
    const a = this.state(from, false);
    const b = this.state(to, false);
    if (a < 0 || b < 0) {
      this.skipped++;
      return;
    }
    const dMid = (to.bidPx + to.askPx - from.bidPx - from.askPx) / 2 / this.config.tickUnits;
    this.count(a, b, dMid);
    this.count(this.state(from, true), this.state(to, true), -dMid);
    this.transitions++;
  }

  fit(): Result<StoikovTable, string> {
    const { n } = this;
    const qn = zeros(n, n);
    const tn = zeros(n, n);
    const rk = new Array<number>(n).fill(0);
    for (let x = 0; x < n; x++) {
      const tot = this.total[x] as number;
      if (tot === 0) return err(`state ${x} was never observed; use fewer buckets or more data`);
      for (let y = 0; y < n; y++) {
        (qn[x] as number[])[y] = ((this.q[x] as number[])[y] as number) / tot;
        (tn[x] as number[])[y] = ((this.t[x] as number[])[y] as number) / tot;
      }
      rk[x] = (this.moveSum[x] as number) / tot;
    }
    const iMinusQ = qn.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
    const inv = inverse(iMinusQ);
    if (inv === null) return err("1 − Q is singular: some state never sees the mid move");
    const b = matMul(inv, tn);
    let term = matVec(inv, rk);
    const g = [...term];
    for (let i = 0; i < this.config.iterations; i++) {
      term = matVec(b, term);
      for (let x = 0; x < n; x++) g[x] = (g[x] as number) + (term[x] as number);
    }
    const { imbalanceBuckets: k, maxSpreadTicks, tickUnits } = this.config;
    const adjustment = Array.from({ length: maxSpreadTicks }, (_, s) => g.slice(s * k, s * k + k));
    return ok({ imbalanceBuckets: k, tickUnits, maxSpreadTicks, adjustment, transitions: this.transitions });
  }

  private count(a: number, b: number, dMid: number): void {
    this.total[a] = (this.total[a] as number) + 1;
    if (dMid === 0) (this.q[a] as number[])[b] = ((this.q[a] as number[])[b] as number) + 1;
    else {
      (this.t[a] as number[])[b] = ((this.t[a] as number[])[b] as number) + 1;
      this.moveSum[a] = (this.moveSum[a] as number) + dMid;
    }
  }

  private state(top: TopOfBook, mirrored: boolean): number {
    const spread = (top.askPx - top.bidPx) / this.config.tickUnits;
    if (!(spread >= 1 && spread <= this.config.maxSpreadTicks) || !Number.isInteger(spread)) return -1;
    const k = this.config.imbalanceBuckets;
    const bucket = imbalanceBucket(top.bidSz, top.askSz, k);
    return (spread - 1) * k + (mirrored ? k - 1 - bucket : bucket);
  }
}

function imbalanceBucket(bidSz: number, askSz: number, buckets: number): number {
  const total = bidSz + askSz;
  const i = total > 0 ? bidSz / total : 0.5;
  return Math.min(buckets - 1, Math.floor(i * buckets));
}

/** g*(I, S) in book units for a book top, or undefined when its spread is outside the table. */
export function stoikovAdjustment(table: StoikovTable, top: TopOfBook): number | undefined {
  const spread = (top.askPx - top.bidPx) / table.tickUnits;
  const row = Number.isInteger(spread) ? table.adjustment[spread - 1] : undefined;
  if (row === undefined) return undefined;
  const g = row[imbalanceBucket(top.bidSz, top.askSz, table.imbalanceBuckets)];
  return g === undefined ? undefined : g * table.tickUnits;
}

/** Stoikov's micro-price in book units: mid + g*(I, S); the mid outside the table. */
export function stoikovMicroprice(table: StoikovTable, top: TopOfBook): number {
  const midTicks = (top.bidPx + top.askPx) / 2;
  return midTicks + (stoikovAdjustment(table, top) ?? 0);
}
