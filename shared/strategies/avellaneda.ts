/**
 * Avellaneda & Stoikov (2008), "High-frequency trading in a limit order book", in the paper's
 * form (SPEC §7.1, peers.md §5.4):
 *   reservation  r = s − q·γ·σ²·(T−t)
 *   half-spread  δ = ½·γ·σ²·(T−t) + (1/γ)·ln(1 + γ/κ)
 *   bid = r − δ, ask = r + δ
 * (An earlier design note dropped the ½ on the first term of δ; the paper has it. Hummingbot's
 * variant uses σ instead of σ² and a fractional q, and does not reproduce these numbers.)
 * Units must agree: σ in price/√time, T−t in the same time unit, γ in 1/price, κ in 1/price.
 */

export interface AsParams {
  /** Risk aversion γ (1/price). */
  gamma: number;
  /** Order-arrival decay κ of λ(δ) = A·e^(−κδ) (1/price). */
  kappa: number;
}

export interface AsQuote {
  reservation: number;
  halfSpread: number;
  bid: number;
  ask: number;
}

/** The paper's liquidity term (1/γ)·ln(1 + γ/κ), also GLFT's constant part of the depth. */
export function liquidityTerm(gamma: number, kappa: number): number {
  return Math.log1p(gamma / kappa) / gamma;
}

/**
 * Quotes for mid `s`, signed inventory `q`, volatility `sigma` and time to the horizon `tau`.
 * Pure arithmetic: snapping, clamping and inventory bounds are the quoter's job.
 */
export function asQuote(s: number, q: number, sigma: number, tau: number, p: AsParams): AsQuote {
  const risk = p.gamma * sigma * sigma * tau;
  const reservation = s - q * risk;
  const halfSpread = 0.5 * risk + liquidityTerm(p.gamma, p.kappa);
  return { reservation, halfSpread, bid: reservation - halfSpread, ask: reservation + halfSpread };
}
