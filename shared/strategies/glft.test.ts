import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liquidityTerm } from "./avellaneda";
import { GlftCache, GlftSolver, glftAsymptotic, type GlftParams } from "./glft";

// peers.md §5.5: σ = 0.3 tick/√s, A = 0.9/s, k = 0.3/tick, γ = 0.01/tick, Q = 30, T − t = 600 s.
const TICKS: GlftParams = { sigma: 0.3, A: 0.9, k: 0.3, gamma: 0.01, Q: 30 };
const TABLE: { q: number; bid: number | null; ask: number | null; aBid: number; aAsk: number }[] = [
  { q: -30, bid: 0.4271, ask: null, aBid: 1.2769, aAsk: 5.3489 },
  { q: -29, bid: 1.1338, ask: 6.1309, aBid: 1.3448, aAsk: 5.281 },
  { q: -10, bid: 2.6328, ask: 3.9929, aBid: 2.6343, aAsk: 3.9916 },
  { q: -1, bid: 3.2449, ask: 3.3812, aBid: 3.245, aAsk: 3.3808 },
  { q: 0, bid: 3.313, ask: 3.313, aBid: 3.3129, aAsk: 3.3129 },
  { q: 10, bid: 3.9929, ask: 2.6328, aBid: 3.9916, aAsk: 2.6343 },
  { q: 30, bid: null, ask: 0.4271, aBid: 5.3489, aAsk: 1.2769 },
];

// Outcome-flavoured example (price units): σ = 0.0005/√s, A = 0.05/s, k = 200, γ = 5, Q = 50, 1 h.
const OUTCOME: GlftParams = { sigma: 0.0005, A: 0.05, k: 200, gamma: 5, Q: 50 };

const at4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

describe("GLFT exact solution of the ODE system", () => {
  const solver = new GlftSolver(TICKS);

  it("matches the exact columns of the §5.5 table to 4 decimals, and is converged by 7200 s", () => {
    for (const row of TABLE) {
      for (const tau of [600, 7200]) {
        const d = solver.depths(tau, row.q);
        expect(at4(d.bid), `q=${row.q} bid τ=${tau}`).toBe(row.bid);
        expect(at4(d.ask), `q=${row.q} ask τ=${tau}`).toBe(row.ask);
      }
    }
  });

  it("shows the time effect: the q = 0 half-spread is 3.3015 at 60 s", () => {
    expect(solver.depths(60, 0).bid).toBeCloseTo(3.3015, 4);
  });

  it("is the liquidity term alone at the horizon (v(T) = 1)", () => {
    const d = solver.depths(0, 7);
    expect(d.bid).toBeCloseTo(liquidityTerm(TICKS.gamma, TICKS.k), 12);
    expect(d.ask).toBeCloseTo(liquidityTerm(TICKS.gamma, TICKS.k), 12);
  });

  it("quotes no bid at +Q and no ask at −Q, nor beyond the bounds", () => {
    expect(solver.depths(600, 30).bid).toBeNull();
    expect(solver.depths(600, -30).ask).toBeNull();
    expect(solver.depths(600, 31).bid).toBeNull();
    expect(solver.depths(600, 31).ask).toBeCloseTo(solver.depths(600, 30).ask!, 12);
  });

  it("is symmetric (δᵇ(q) = δᵃ(−q)) and skews monotonically with inventory", () => {
    fc.assert(
      fc.property(fc.integer({ min: -29, max: 28 }), fc.double({ min: 0, max: 3000, noNaN: true }), (q, tau) => {
        const d = solver.depths(tau, q);
        const m = solver.depths(tau, -q);
        const up = solver.depths(tau, q + 1);
        expect(d.bid!).toBeCloseTo(m.ask!, 9);
        expect(up.bid!).toBeGreaterThanOrEqual(d.bid! - 1e-12);
        expect(up.ask!).toBeLessThanOrEqual(d.ask! + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("is continuous in τ across its cached grid points", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 2000, noNaN: true }), fc.integer({ min: -30, max: 29 }), (tau, q) => {
        const a = solver.depths(tau, q).bid!;
        const b = solver.depths(tau + 1e-7, q).bid!;
        expect(Math.abs(a - b)).toBeLessThan(1e-6);
      }),
      { numRuns: 200 },
    );
  });
});

describe("GLFT asymptotic approximation", () => {
  const solver = new GlftSolver(TICKS);

  it("matches the approximate columns of the §5.5 table", () => {
    for (const row of TABLE) {
      const a = glftAsymptotic(TICKS, row.q);
      expect(a.bid).toBeCloseTo(row.aBid, 4);
      expect(a.ask).toBeCloseTo(row.aAsk, 4);
    }
  });

  it("is excellent for |q| ≤ 10 and visibly wrong near the bounds (q = ±30, ±29)", () => {
    for (let q = -10; q <= 10; q++) {
      const e = solver.depths(600, q);
      const a = glftAsymptotic(TICKS, q);
      expect(Math.abs(e.bid! - a.bid)).toBeLessThan(0.002);
      expect(Math.abs(e.ask! - a.ask)).toBeLessThan(0.002);
    }
    const wrong = (exact: number | null, approx: number): void => {
      expect(exact).not.toBeNull();
      expect(Math.abs(exact! - approx)).toBeGreaterThan(0.2);
    };
    wrong(solver.depths(600, -30).bid, glftAsymptotic(TICKS, -30).bid);
    wrong(solver.depths(600, 30).ask, glftAsymptotic(TICKS, 30).ask);
    wrong(solver.depths(600, -29).bid, glftAsymptotic(TICKS, -29).bid);
    wrong(solver.depths(600, -29).ask, glftAsymptotic(TICKS, -29).ask);
    wrong(solver.depths(600, 29).ask, glftAsymptotic(TICKS, 29).ask);
    // The asymptote quotes a side the bounded solution refuses to quote at all.
    expect(solver.depths(600, 30).bid).toBeNull();
  });
});

describe("GLFT on an outcome market (price units)", () => {
  const solver = new GlftSolver(OUTCOME);

  it("has a q = 0 half-spread of 0.00515 (5 ticks of 0.001)", () => {
    const d = solver.depths(3600, 0);
    expect(d.bid).toBeCloseTo(0.00515, 5);
    expect(d.ask).toBeCloseTo(0.00515, 5);
  });

  it("quotes the reducing side at a negative depth −0.00981 at q = ±50: a crossing quote", () => {
    const long = solver.depths(3600, 50);
    const short = solver.depths(3600, -50);
    expect(long.bid).toBeNull();
    expect(short.ask).toBeNull();
    expect(long.ask).toBeCloseTo(-0.00981, 5);
    expect(short.bid).toBeCloseTo(-0.00981, 5);
  });
});

describe("GlftCache", () => {
  it("keeps one solver per parameter set and evicts the least recently used", () => {
    const cache = new GlftCache(2);
    const a = cache.get(TICKS);
    expect(cache.get({ ...TICKS })).toBe(a);
    const o = cache.get(OUTCOME);
    cache.get(TICKS);
    cache.get({ ...OUTCOME, Q: 10 });
    expect(cache.size).toBe(2);
    expect(cache.get(TICKS)).toBe(a);
    expect(cache.get(OUTCOME)).not.toBe(o);
  });
});
