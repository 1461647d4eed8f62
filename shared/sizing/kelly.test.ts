import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { takerFeePerShare } from "../venues/polymarket/fees";
import { binaryTarget, kellyArb, kellyBinary, kellyContinuous, marketMakingFraction, safeFraction, snapQty, stakeQty, type KellyConfig } from "./kelly";

const cfg: KellyConfig = { fraction: 0.25, max_fraction: 0.1, min_qty: 1, size_decimals: 0 };

describe("binary Kelly against peers.md §5.6", () => {
  it("q=0.60 p=0.50 -> f*_YES = 0.2; q=0.55 -> 0.1; q=0.90 p=0.85 -> 1/3", () => {
    expect(kellyBinary({ yesPx: 0.5, belief: 0.6 })).toMatchObject({ side: "yes" });
    expect(kellyBinary({ yesPx: 0.5, belief: 0.6 }).fStar).toBeCloseTo(0.2, 12);
    expect(kellyBinary({ yesPx: 0.5, belief: 0.55 }).fStar).toBeCloseTo(0.1, 12);
    expect(kellyBinary({ yesPx: 0.85, belief: 0.9 }).fStar).toBeCloseTo(0.333333, 6);
  });

  it("q=0.30 p=0.40 -> no YES edge; f*_NO = (p − q)/p = 0.25", () => {
    const k = kellyBinary({ yesPx: 0.4, belief: 0.3 });
    expect(k.side).toBe("no");
    expect(k.fStar).toBeCloseTo(0.25, 12);
  });

  it("Polymarket crypto taker fee 0.072 raises p to 0.518 -> f*_YES = 0.170124", () => {
    const fee = takerFeePerShare(0.5, 0.072, 1);
    const k = kellyBinary({ yesPx: 0.5, belief: 0.6, yesFeePerShare: fee });
    expect(k.costYes).toBeCloseTo(0.518, 12);
    expect(k.fStar).toBeCloseTo(0.170124, 6);
  });

  it("is the exact form, not the 1/p-overstaking approximation (q − p)/(p(1 − p))", () => {
    const k = kellyBinary({ yesPx: 0.2, belief: 0.3 });
    expect(k.fStar).toBeCloseTo(0.1 / 0.8, 12);
    expect(k.fStar).not.toBeCloseTo(0.1 / (0.2 * 0.8), 3);
  });

  it("never stakes without an edge, never more than the whole bankroll", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, q) => {
        const k = kellyBinary({ yesPx: p, belief: q });
        expect(k.fStar).toBeGreaterThanOrEqual(0);
        expect(k.fStar).toBeLessThanOrEqual(1);
        if (k.side === "yes") expect(q).toBeGreaterThan(p);
        if (k.side === "no") expect(q).toBeLessThan(p);
        if (q === p) expect(k.side).toBeNull();
      }),
    );
  });

  it("fees only ever shrink the stake", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        (p, q, fee) => {
          const bare = kellyBinary({ yesPx: p, belief: q });
          const fed = kellyBinary({ yesPx: p, belief: q, yesFeePerShare: fee, noFeePerShare: fee });
          expect(fed.fStar).toBeLessThanOrEqual(bare.fStar + 1e-12);
        },
      ),
    );
  });
});

describe("continuous and arbitrage Kelly", () => {
  it("f* = μ/σ²", () => {
    expect(kellyContinuous(0.001, 0.0004)).toBeCloseTo(2.5, 12);
    expect(kellyContinuous(0.001, 0)).toBe(0);
  });

  it("f* = ((edge − cost)/1e4)/(var/1e4)², zero when the net edge is not positive", () => {
    expect(kellyArb(150, 50, 1000)).toBeCloseTo(0.01 / 0.01, 12);
    expect(kellyArb(50, 50, 1000)).toBe(0);
    expect(kellyArb(40, 50, 1000)).toBe(0);
  });
});

describe("market-making stake", () => {
  it("is μ/σ² on returns: δ·p/(σ²h), scaled, capped by max_fraction and by kelly_cap", () => {
    // δ 0.005 at p 0.5, σ 0.0005/√s over 600 s: f* = 0.0025/0.00015 = 16.7 -> 0.25·16.7 capped at 0.1.
    const r = { halfSpread: 0.005, price: 0.5, sigma: 0.0005, horizonSecs: 600 };
    expect(marketMakingFraction(r, 1, cfg)).toBe(0.1);
    expect(marketMakingFraction(r, 0.03, cfg)).toBe(0.03);
    // A thin edge over a long horizon: f* = 0.0001·0.5/(2.5e-7·3600) = 0.0556 -> 0.0139.
    expect(marketMakingFraction({ ...r, halfSpread: 0.0001, horizonSecs: 3600 }, 1, cfg)).toBeCloseTo((0.25 * 0.00005) / 0.0009, 12);
    expect(stakeQty(0.03, 10_000, 0.5, cfg)).toEqual({ lots: 600, qty: 600 });
  });
});

describe("safeguards and total exposure", () => {
  it("scales by fraction and caps at max_fraction", () => {
    expect(safeFraction(0.2, cfg)).toBeCloseTo(0.05, 12);
    expect(safeFraction(0.8, cfg)).toBe(0.1);
    expect(safeFraction(-0.3, cfg)).toBe(0);
  });

  it("snaps down to the lot and drops what is under min_qty", () => {
    expect(snapQty(12.99, cfg)).toEqual({ lots: 12, qty: 12 });
    expect(snapQty(0.7, cfg)).toBeNull();
    expect(snapQty(0.3, { ...cfg, size_decimals: 1, min_qty: 0.1 })).toEqual({ lots: 3, qty: 0.3 });
  });

  it("orders only the gap between the target exposure and what the outcome already holds", () => {
    // q = 0.6 at p = 0.5: f* = 0.2, 0.25 Kelly = 0.05 of 10 000 = 500 USD = 1000 YES.
    const base = { yesPx: 0.5, belief: 0.6, bankrollUsd: 10_000 };
    expect(binaryTarget({ ...base, currentNet: 0 }, cfg).order?.lots).toBe(1000);
    expect(binaryTarget({ ...base, currentNet: 400 }, cfg).order?.lots).toBe(600);
    expect(binaryTarget({ ...base, currentNet: 1000 }, cfg).order).toBeNull();
    expect(binaryTarget({ ...base, currentNet: 1500 }, cfg).order).toBeNull();
    // Holding NO is negative YES exposure: the YES target must first cover it.
    expect(binaryTarget({ ...base, currentNet: -200 }, cfg).order?.lots).toBe(1200);
  });

  it("targets negative exposure when NO has the edge", () => {
    const t = binaryTarget({ yesPx: 0.4, belief: 0.3, bankrollUsd: 6000, currentNet: 0 }, cfg);
    expect(t.side).toBe("no");
    // 0.25 Kelly of f* = 0.25 is 0.0625 of 6000 = 375 USD; at 0.60 per NO that is 625 NO.
    expect(t.targetNet).toBeCloseTo(-625, 9);
    expect(t.order?.lots).toBe(625);
  });
});
