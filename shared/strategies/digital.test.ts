import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cashOrNothing, erfc, normCdf } from "./digital";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe("normal distribution", () => {
  it("matches reference values of erfc and N to ~1e-14 relative, in the tails too", () => {
    expect(rel(erfc(3), 2.2090496998585445e-5)).toBeLessThan(1e-13);
    expect(rel(erfc(0.5), 0.4795001221869535)).toBeLessThan(1e-14);
    // Both sides of the series / continued-fraction switch.
    expect(rel(erfc(2.4999), 0.0004071699003334512)).toBeLessThan(1e-12);
    expect(rel(erfc(2.5001), 0.0004067342434706796)).toBeLessThan(1e-13);
    expect(rel(normCdf(-8), 6.22096057427174e-16)).toBeLessThan(1e-12);
    expect(normCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normCdf(0)).toBe(0.5);
  });

  it("is monotone and symmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, dx) => {
        expect(normCdf(x + dx)).toBeGreaterThanOrEqual(normCdf(x));
        expect(normCdf(x) + normCdf(-x)).toBeCloseTo(1, 14);
      }),
    );
  });
});

describe("cash-or-nothing digitals (peers.md §5.7)", () => {
  it("prices Haug's cash-or-nothing put at 2.6710 (S 100, K 80, cash 10, T 0.75, r 0.06, b 0, σ 0.35)", () => {
    const d = cashOrNothing({ S: 100, K: 80, cash: 10, T: 0.75, r: 0.06, b: 0, sigma: 0.35 });
    expect(d.put).toBeCloseTo(2.671, 4);
    expect(d.d2).toBeCloseTo(0.584628, 6);
    expect(d.deltaPut).toBeCloseTo(-0.106059, 6);
    expect(d.call + d.put).toBeCloseTo(10 * Math.exp(-0.06 * 0.75), 12);
  });

  const BTC = [
    { S: 100_000, K: 101_000, T: 1 / 365, price: 0.347054, delta: 1.41091e-4 },
    { S: 100_000, K: 100_000, T: 1 / 365, price: 0.49478, delta: 1.52423e-4 },
    { S: 100_000, K: 99_000, T: 0.25 / 365, price: 0.776822, delta: 2.28137e-4 },
    { S: 100_000, K: 101_000, T: 1 / (365 * 24), price: 0.031072, delta: 1.31125e-4 },
  ];

  it("reproduces the BTC digital table (r = 0, σ = 0.5): price to 6 dp, Δ to 6 significant digits", () => {
    for (const row of BTC) {
      const d = cashOrNothing({ S: row.S, K: row.K, sigma: 0.5, T: row.T });
      expect(d.call).toBeCloseTo(row.price, 6);
      expect(rel(d.deltaCall, row.delta)).toBeLessThan(5e-6);
    }
    // Δ per 1% move on the first market: 0.141091 per contract.
    const d = cashOrNothing({ S: 100_000, K: 101_000, sigma: 0.5, T: 1 / 365 });
    expect(d.deltaCall * 1000).toBeCloseTo(0.141091, 6);
  });

  it("is the SPEC's fair value Φ((ln(S/K) − ½σ²τ)/(σ√τ)) at r = 0, with N(d₂) not N(−d₂)", () => {
    const S = 100_000;
    const K = 101_000;
    const sigma = 0.5;
    const tau = 1 / 365;
    const spec = normCdf((Math.log(S / K) - 0.5 * sigma * sigma * tau) / (sigma * Math.sqrt(tau)));
    expect(cashOrNothing({ S, K, sigma, T: tau }).call).toBeCloseTo(spec, 15);
    expect(cashOrNothing({ S: 120_000, K, sigma, T: tau }).call).toBeGreaterThan(0.99);
  });

  it("satisfies call + put = cash·e^(−rT) and Δ_call > 0 everywhere", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 200, noNaN: true }),
        fc.double({ min: 50, max: 200, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 1e-4, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (S, K, sigma, T, r) => {
          const d = cashOrNothing({ S, K, sigma, T, r });
          expect(d.call + d.put).toBeCloseTo(Math.exp(-r * T), 12);
          expect(d.deltaCall).toBeGreaterThanOrEqual(0);
          // Δ is ∂call/∂S: check against a central difference.
          const h = S * 1e-5;
          const fd = (cashOrNothing({ S: S + h, K, sigma, T, r }).call - cashOrNothing({ S: S - h, K, sigma, T, r }).call) / (2 * h);
          expect(Math.abs(fd - d.deltaCall)).toBeLessThan(1e-6 + 1e-4 * d.deltaCall);
        },
      ),
    );
  });

  it("pays the intrinsic value at expiry", () => {
    expect(cashOrNothing({ S: 101, K: 100, sigma: 0.5, T: 0 }).call).toBe(1);
    expect(cashOrNothing({ S: 100, K: 100, sigma: 0.5, T: 0 }).call).toBe(1);
    expect(cashOrNothing({ S: 99, K: 100, sigma: 0.5, T: 0 })).toMatchObject({ call: 0, put: 1, deltaCall: 0 });
  });
});
