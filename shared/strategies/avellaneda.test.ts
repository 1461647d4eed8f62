import { describe, expect, it } from "vitest";
import { asQuote, liquidityTerm } from "./avellaneda";

// peers.md §5.4, s = 100, σ = 2, T = 1, k = 1.5 (hand-derived from the paper's closed form).
const TABLE = [
  { gamma: 0.1, t: 0, q: 0, r: 100.0, spread: 1.69077, bid: 99.154615, ask: 100.845385 },
  { gamma: 0.1, t: 0, q: 3, r: 98.8, spread: 1.69077, bid: 97.954615, ask: 99.645385 },
  { gamma: 0.1, t: 0, q: -2, r: 100.8, spread: 1.69077, bid: 99.954615, ask: 101.645385 },
  { gamma: 0.1, t: 0.5, q: 3, r: 99.4, spread: 1.49077, bid: 98.654615, ask: 100.145385 },
  { gamma: 0.01, t: 0, q: 0, r: 100.0, spread: 1.368909, bid: 99.315546, ask: 100.684454 },
  { gamma: 0.5, t: 0, q: 3, r: 94.0, spread: 3.150728, bid: 92.424636, ask: 95.575364 },
  { gamma: 0.5, t: 0.5, q: -2, r: 102.0, spread: 2.150728, bid: 100.924636, ask: 103.075364 },
];

describe("Avellaneda-Stoikov in the paper's form", () => {
  it("reproduces the peers.md §5.4 table to 6 decimals", () => {
    for (const row of TABLE) {
      const a = asQuote(100, row.q, 2, 1 - row.t, { gamma: row.gamma, kappa: 1.5 });
      expect(a.reservation).toBeCloseTo(row.r, 6);
      expect(2 * a.halfSpread).toBeCloseTo(row.spread, 6);
      expect(a.bid).toBeCloseTo(row.bid, 6);
      expect(a.ask).toBeCloseTo(row.ask, 6);
    }
  });

  it("has the ½ on the inventory-risk term of the half-spread", () => {
    const a = asQuote(100, 0, 2, 1, { gamma: 0.1, kappa: 1.5 });
    expect(a.halfSpread - liquidityTerm(0.1, 1.5)).toBeCloseTo(0.5 * 0.1 * 4 * 1, 12);
  });

  it("gives the paper's liquidity terms 1.2908 / 1.3289 / 1.1507 for 2/γ·ln(1+γ/k)", () => {
    expect(2 * liquidityTerm(0.1, 1.5)).toBeCloseTo(1.2908, 4);
    expect(2 * liquidityTerm(0.01, 1.5)).toBeCloseTo(1.3289, 4);
    expect(2 * liquidityTerm(0.5, 1.5)).toBeCloseTo(1.1507, 4);
  });
});
