/**
 * The symmetric fixed-spread quoter: the baseline Avellaneda & Stoikov (2008, §4) compare their
 * inventory strategy against. It quotes s ± h around the same reference price s (the YES
 * micro-price), with no inventory skew and no volatility term, so its quotes never depend on
 * what it holds. Everything else is the outcome quoter's: the tick grid, the post-only clamp at
 * the touch, the coupled YES/NO legs, the order size, the inventory bound (no quote that could
 * take |YES − NO| past it), the venue minimum and reduce-only near expiry. That is what makes
 * the comparison fair: same size, same bounds, same risk gate, only the pricing differs.
 *
 * It runs the outcome quoter's AS branch with σ = 0, where r = s and δ = (1/γ)·ln(1 + γ/κ);
 * κ is solved from the wanted half-spread, κ = γ / (e^(γh) − 1), so δ = h exactly.
 */
import type { GlftCache } from "./glft";
import { quoteOutcome, type MmParams, type OutcomeQuotes, type OutcomeView } from "./outcome-quoter";

export interface FixedSpreadParams extends MmParams {
  /** Half-spread h around the reference price, price units. */
  half_spread: number;
}

/** κ that makes the AS liquidity term (1/γ)·ln(1 + γ/κ) equal to `halfSpread`. */
export function kappaForHalfSpread(gamma: number, halfSpread: number): number {
  return gamma / Math.expm1(gamma * halfSpread);
}

export function quoteFixedSpread(view: OutcomeView, p: FixedSpreadParams, glft: GlftCache): OutcomeQuotes {
  if (!(p.half_spread > 0) || !(p.gamma > 0)) {
    return { bid: null, ask: null, model: "as", rawBid: null, rawAsk: null, reduceOnly: false, notes: ["half_spread and gamma must be > 0"] };
  }
  const params: MmParams = { ...p, model: "as", kappa: kappaForHalfSpread(p.gamma, p.half_spread) };
  return quoteOutcome({ ...view, sigma: 0 }, params, glft);
}
