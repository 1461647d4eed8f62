/**
 * Guéant, Lehalle & Fernandez-Tapia (2013), "Dealing with the inventory risk", the
 * bounded-inventory market maker solved exactly from its linear ODE system (peers.md §5.5):
 *   α = (k/2)·γ·σ²,  η = A·(1 + γ/k)^−(1 + k/γ)
 *   M tridiagonal over q = −Q…Q with M_qq = α·q², M_q,q±1 = −η,  v(τ) = exp(−M·τ)·1
 *   δᵇ(τ,q) = (1/k)·ln(v_q/v_{q+1}) + (1/γ)·ln(1 + γ/k)   (no bid at q = Q)
 *   δᵃ(τ,q) = (1/k)·ln(v_q/v_{q−1}) + (1/γ)·ln(1 + γ/k)   (no ask at q = −Q)
 *
 * Why not an eigen-decomposition: v_q near the bounds is many orders of magnitude below v_0,
 * and summing signed eigen-terms cancels those digits away (a double-precision eigensolver
 * gives the wrong sign of the reducing depth at q = ±50 in the outcome example). Instead the
 * solver uses uniformisation: with λ = α·Q², P = λI − M is entrywise non-negative and
 * exp(−Mτ) = e^(−λτ)·exp(Pτ), so v is a sum of non-negative terms with no cancellation. The
 * common factor e^(−λτ) drops out of every ratio, and each grid vector is renormalised.
 *
 * The matrix work is cached per (σ, A, k, γ, Q): v on a uniform τ grid, built lazily up to the
 * largest τ asked for and stopped once the ratios no longer change (the stationary limit the
 * asymptotic formula approximates). A quote at any τ then propagates the nearest grid vector
 * by less than one step on a window of rows around q, which is exact to rounding.
 */
import { liquidityTerm } from "./avellaneda";

export interface GlftParams {
  /** Volatility, price/√time. */
  sigma: number;
  /** Arrival intensity scale A of λ(δ) = A·e^(−kδ), 1/time. */
  A: number;
  /** Arrival decay k, 1/price. */
  k: number;
  /** Risk aversion γ, 1/price. */
  gamma: number;
  /** Inventory bound in order-size units: q ∈ {−Q, …, Q}. */
  Q: number;
}

/** Optimal depths from the reference price; null = no quote on that side (it would breach ±Q). */
export interface GlftDepths {
  bid: number | null;
  ask: number | null;
}

const SERIES_TOL = 1e-17;
const MAX_TERMS = 200;
const CONVERGED_TOL = 1e-13;
const MAX_GRID = 16_384;
/** Entries below this (relative to the largest) are treated as lost to underflow. */
const TINY = 1e-290;

export class GlftSolver {
  readonly params: GlftParams;
  readonly alpha: number;
  readonly eta: number;
  private readonly n: number;
  private readonly diagP: Float64Array;
  private readonly h: number;
  private readonly c: number;
  private readonly grid: Float64Array[] = [];
  private converged = false;
  private terms = 1;
  private readonly bufA: Float64Array;
  private readonly bufB: Float64Array;

  constructor(p: GlftParams) {
    this.params = p;
    const { sigma, A, k, gamma, Q } = p;
    this.alpha = 0.5 * k * gamma * sigma * sigma;
    this.eta = A * Math.pow(1 + gamma / k, -(1 + k / gamma));
    this.n = 2 * Q + 1;
    const lambda = this.alpha * Q * Q;
    this.diagP = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const q = i - Q;
      this.diagP[i] = lambda - this.alpha * q * q;
    }
    // One grid step moves ‖P‖·h = 1, so a step's series converges in a few dozen terms.
    this.h = 1 / (lambda + 2 * this.eta);
    this.c = liquidityTerm(gamma, k);
    this.grid.push(new Float64Array(this.n).fill(1));
    this.bufA = new Float64Array(this.n);
    this.bufB = new Float64Array(this.n);
  }

  /** Depths at time-to-horizon `tau` and inventory `q` (integer units; clamped to ±Q for the reducing side). */
  depths(tau: number, q: number): GlftDepths {
    const Q = this.params.Q;
    const qc = Math.max(-Q, Math.min(Q, Math.round(q)));
    const i = qc + Q;
    const v = this.rows(Math.max(0, tau), i);
    const k = this.params.k;
    const ratio = (a: number, b: number): number | null =>
      a > TINY && b > TINY ? Math.log(a / b) / k + this.c : null;
    return {
      bid: qc < Q && q < Q ? ratio(v[1], v[2]) : null,
      ask: qc > -Q && q > -Q ? ratio(v[1], v[0]) : null,
    };
  }

  /** The stored grid length (for memory accounting and tests). */
  get gridPoints(): number {
    return this.grid.length;
  }

  /** [v_{i−1}, v_i, v_{i+1}] at τ (out-of-range rows are 0), up to a common factor. */
  private rows(tau: number, i: number): [number, number, number] {
    // At least one step is built so the series length for a partial step is known.
    this.extendTo(Math.max(tau, this.h));
    const last = this.grid.length - 1;
    const j = Math.min(last, Math.floor(tau / this.h));
    let rest = tau - j * this.h;
    if (this.converged && j === last) rest = 0;
    let base = this.grid[j]!;
    // Only when the grid hit its memory cap before converging: walk on from the last point.
    while (rest > this.h) {
      base = this.step(base, this.h).v;
      rest -= this.h;
    }
    if (rest <= 0) return [base[i - 1] ?? 0, base[i]!, base[i + 1] ?? 0];
    return this.windowStep(base, rest, i);
  }

  private extendTo(tau: number): void {
    while (!this.converged && (this.grid.length - 1) * this.h < tau && this.grid.length < MAX_GRID) {
      const prev = this.grid[this.grid.length - 1]!;
      const { v, terms } = this.step(prev, this.h);
      if (terms > this.terms) this.terms = terms;
      this.grid.push(v);
      if (this.sameRatios(prev, v)) this.converged = true;
    }
  }

  /** exp(P·dt)·x on the full vector, renormalised to max 1; stops when every row has converged. */
  private step(x: Float64Array, dt: number): { v: Float64Array; terms: number } {
    const n = this.n;
    const eta = this.eta;
    const sum = Float64Array.from(x);
    let t = Float64Array.from(x);
    let next = new Float64Array(n);
    let terms = 0;
    for (let m = 1; m <= MAX_TERMS; m++) {
      const f = dt / m;
      let worst = 0;
      for (let r = 0; r < n; r++) {
        const nb = (r > 0 ? t[r - 1]! : 0) + (r < n - 1 ? t[r + 1]! : 0);
        const val = f * (this.diagP[r]! * t[r]! + eta * nb);
        next[r] = val;
        sum[r] = sum[r]! + val;
        const rel = val / sum[r]!;
        if (rel > worst) worst = rel;
      }
      [t, next] = [next, t];
      terms = m;
      if (worst < SERIES_TOL) break;
    }
    let max = 0;
    for (let r = 0; r < n; r++) if (sum[r]! > max) max = sum[r]!;
    for (let r = 0; r < n; r++) sum[r] = sum[r]! / max;
    return { v: sum, terms };
  }

  /** exp(P·dt)·x at rows i−1, i, i+1 only: after m terms, rows further than m+1 away cannot matter. */
  private windowStep(x: Float64Array, dt: number, i: number): [number, number, number] {
    const n = this.n;
    const m = this.terms + 2;
    const eta = this.eta;
    let lo = Math.max(0, i - 1 - m);
    let hi = Math.min(n - 1, i + 1 + m);
    let t = this.bufA;
    let next = this.bufB;
    for (let r = lo; r <= hi; r++) t[r] = x[r]!;
    let s0 = i > 0 ? x[i - 1]! : 0;
    let s1 = x[i]!;
    let s2 = i < n - 1 ? x[i + 1]! : 0;
    for (let step = 1; step <= m; step++) {
      const f = dt / step;
      const nlo = lo === 0 ? 0 : lo + 1;
      const nhi = hi === n - 1 ? n - 1 : hi - 1;
      for (let r = nlo; r <= nhi; r++) {
        const left = r > 0 ? t[r - 1]! : 0;
        const right = r < n - 1 ? t[r + 1]! : 0;
        next[r] = f * (this.diagP[r]! * t[r]! + eta * (left + right));
      }
      lo = nlo;
      hi = nhi;
      if (i > 0) s0 += next[i - 1]!;
      s1 += next[i]!;
      if (i < n - 1) s2 += next[i + 1]!;
      [t, next] = [next, t];
    }
    return [s0, s1, s2];
  }

  private sameRatios(a: Float64Array, b: Float64Array): boolean {
    for (let r = 0; r + 1 < this.n; r++) {
      const ra = Math.log(a[r]! / a[r + 1]!);
      const rb = Math.log(b[r]! / b[r + 1]!);
      if (!(Math.abs(ra - rb) < CONVERGED_TOL * Math.max(1, Math.abs(rb)))) return false;
    }
    return true;
  }
}

/**
 * The T−t → ∞ closed-form approximation (Guéant 2017 eqs. 4.6/4.7 with Δ = 1, ξ = γ):
 *   c = sqrt(σ²γ/(2kA) · (1 + γ/k)^(1 + k/γ)),  δᵇ ≈ c₁ + ((2q+1)/2)·c,  δᵃ ≈ c₁ − ((2q−1)/2)·c.
 * Good in the middle of the inventory range, wrong near the bounds (see the tests).
 */
export function glftAsymptotic(p: GlftParams, q: number): { bid: number; ask: number } {
  const c1 = liquidityTerm(p.gamma, p.k);
  const c = Math.sqrt(((p.sigma * p.sigma * p.gamma) / (2 * p.k * p.A)) * Math.pow(1 + p.gamma / p.k, 1 + p.k / p.gamma));
  return { bid: c1 + ((2 * q + 1) / 2) * c, ask: c1 - ((2 * q - 1) / 2) * c };
}

const paramsKey = (p: GlftParams): string => `${p.sigma}|${p.A}|${p.k}|${p.gamma}|${p.Q}`;

/**
 * Solvers keyed by their parameters, least recently used evicted first. A MarketDO holds one;
 * σ is an input of the matrix, so callers should pass a σ that moves in steps (the EWMA
 * estimate rounded to a few significant digits) rather than a new float every frame.
 */
export class GlftCache {
  private readonly solvers = new Map<string, GlftSolver>();
  constructor(private readonly maxEntries = 16) {}

  get(p: GlftParams): GlftSolver {
    const key = paramsKey(p);
    const hit = this.solvers.get(key);
    if (hit !== undefined) {
      this.solvers.delete(key);
      this.solvers.set(key, hit);
      return hit;
    }
    const s = new GlftSolver(p);
    this.solvers.set(key, s);
    if (this.solvers.size > this.maxEntries) {
      const oldest = this.solvers.keys().next().value;
      if (oldest !== undefined) this.solvers.delete(oldest);
    }
    return s;
  }

  get size(): number {
    return this.solvers.size;
  }
}
