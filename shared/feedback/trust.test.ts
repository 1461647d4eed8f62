import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trustWeights, updateTrust, type TrustConfig, type TrustState } from "./trust";

const CFG: TrustConfig = { prior: 1, min_weight: 0.2, max_weight: 2, sensitivity: 1, learning_rate: 0.1, half_life_ms: 60_000, return_scale: 0.001 };

describe("trust score per signal", () => {
  it("raises the weight of a signal that predicts well and lowers one that predicts badly", () => {
    let s: TrustState = {};
    for (let i = 0; i < 50; i++) {
      const move = i % 2 === 0 ? 0.001 : -0.001;
      s = updateTrust(s, "ofi", Math.sign(move), move, i * 100, CFG);
      s = updateTrust(s, "leadlag", -Math.sign(move), move, i * 100, CFG);
    }
    const w = trustWeights(s, ["ofi", "leadlag", "aggvol"], 5_000, CFG);
    expect(w.ofi).toBeGreaterThan(1.9);
    expect(w.leadlag).toBeLessThan(0.1 + CFG.min_weight);
    expect(w.leadlag).toBeGreaterThanOrEqual(CFG.min_weight);
    expect(w.aggvol).toBe(CFG.prior);
  });

  it("decays back toward the prior without new evidence (half-life)", () => {
    let s: TrustState = {};
    for (let i = 0; i < 30; i++) s = updateTrust(s, "ofi", 1, 0.001, 0, CFG);
    const now = trustWeights(s, ["ofi"], 0, CFG).ofi!;
    const later = trustWeights(s, ["ofi"], 60_000, CFG).ofi!;
    expect(later - 1).toBeCloseTo((now - 1) / 2, 9);
    expect(trustWeights(s, ["ofi"], 6_000_000, CFG).ofi).toBeCloseTo(1, 6);
  });

  it("stays within [min_weight, max_weight] for any history (property)", () => {
    const obs = fc.record({ p: fc.double({ min: -5, max: 5, noNaN: true }), r: fc.double({ min: -1, max: 1, noNaN: true }), dt: fc.nat(100_000) });
    fc.assert(
      fc.property(fc.array(obs, { maxLength: 100 }), (xs) => {
        let s: TrustState = {};
        let t = 0;
        for (const x of xs) {
          t += x.dt;
          s = updateTrust(s, "sig", x.p, x.r, t, CFG);
          const w = trustWeights(s, ["sig"], t, CFG).sig!;
          expect(w).toBeGreaterThanOrEqual(CFG.min_weight);
          expect(w).toBeLessThanOrEqual(CFG.max_weight);
        }
      }),
    );
  });

  it("ignores non-finite observations", () => {
    const s = updateTrust({}, "ofi", 1, 0.001, 0, CFG);
    expect(updateTrust(s, "ofi", NaN, 1, 10, CFG)).toBe(s);
  });
});
