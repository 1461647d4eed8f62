/**
 * Cash-or-nothing digitals under Black-Scholes (Reiner & Rubinstein 1991; Haug, "The Complete
 * Guide to Option Pricing Formulas", 2nd ed.; peers.md §5.7), with cost of carry b = r − q:
 *   d₁ = [ln(S/K) + (b + σ²/2)T]/(σ√T),  d₂ = d₁ − σ√T
 *   call = cash·e^(−rT)·N(d₂),  put = cash·e^(−rT)·N(−d₂),  call + put = cash·e^(−rT)
 *   Δ_call = cash·e^(−rT)·n(d₂)/(S·σ·√T) = −Δ_put,  Γ_call = −cash·e^(−rT)·n(d₂)·d₁/(S²σ²T)
 * A HIP-4 BTC up/down outcome pays 1 if the mark settles at or above the strike: a digital call
 * with r = 0, and its YES delta is the perp hedge per token.
 */

const SQRT2 = Math.SQRT2;
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * erfc to near double precision without tabulated coefficients: the all-positive series
 * erf(z) = (2/√π)·e^(−z²)·Σ 2ⁿz^(2n+1)/(1·3·…·(2n+1)) below 2.5, and the Laplace continued
 * fraction erfc(z) = e^(−z²)/√π · 1/(z + ½/(z + 1/(z + 3/2/(z + …)))) above (Lentz's method).
 */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < 0) return 2 - erfc(-z);
  if (z < 2.5) {
    let term = z;
    let sum = z;
    const z2 = z * z;
    for (let n = 1; n < 200; n++) {
      term *= (2 * z2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - 2 * INV_SQRT_PI * Math.exp(-z2) * sum;
  }
  if (z > 27) return 0;
  // Lentz: f = z + a1/(z + a2/(z + ...)), a_j = j/2.
  const tiny = 1e-300;
  let f = z;
  let C = z;
  let D = 0;
  for (let j = 1; j < 500; j++) {
    const a = j / 2;
    D = z + a * D;
    D = D === 0 ? 1 / tiny : 1 / D;
    C = z + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (Math.exp(-z * z) * INV_SQRT_PI) / f;
}

/** Standard normal CDF N(x). */
export function normCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT2);
}

/** Standard normal density n(x). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

export interface DigitalInputs {
  /** Underlying price. */
  S: number;
  /** Strike. */
  K: number;
  /** Annualised volatility. */
  sigma: number;
  /** Years to expiry. */
  T: number;
  /** Risk-free rate (0 for an outcome paying in a stablecoin at expiry). */
  r?: number;
  /** Cost of carry b (defaults to r; b = 0 is Haug's futures-style case). */
  b?: number;
  /** Cash paid (1 for an outcome token). */
  cash?: number;
}

export interface Digital {
  call: number;
  put: number;
  d1: number;
  d2: number;
  deltaCall: number;
  deltaPut: number;
  gammaCall: number;
}

/** Prices and Greeks; at or past expiry (or σ = 0) the intrinsic payoff with zero Greeks. */
export function cashOrNothing(x: DigitalInputs): Digital {
  const r = x.r ?? 0;
  const b = x.b ?? r;
  const cash = x.cash ?? 1;
  const disc = cash * Math.exp(-r * Math.max(0, x.T));
  if (!(x.T > 0) || !(x.sigma > 0)) {
    const itm = x.S >= x.K ? 1 : 0;
    const inf = x.S >= x.K ? Infinity : -Infinity;
    return { call: disc * itm, put: disc * (1 - itm), d1: inf, d2: inf, deltaCall: 0, deltaPut: 0, gammaCall: 0 };
  }
  const vt = x.sigma * Math.sqrt(x.T);
  const d1 = (Math.log(x.S / x.K) + (b + 0.5 * x.sigma * x.sigma) * x.T) / vt;
  const d2 = d1 - vt;
  const nd2 = normPdf(d2);
  const deltaCall = (disc * nd2) / (x.S * vt);
  return {
    call: disc * normCdf(d2),
    put: disc * normCdf(-d2),
    d1,
    d2,
    deltaCall,
    deltaPut: -deltaCall,
    gammaCall: (-disc * nd2 * d1) / (x.S * x.S * vt * vt),
  };
}
