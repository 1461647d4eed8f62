import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SignalState } from "../signals/signal-state";
import { AlphaCombiner, type AlphaConfig } from "./combiner";

const config: AlphaConfig = {
  signals: ["ofi", "aggr", "leadlag"],
  weights: {
    low: { ofi: 1, aggr: 0.5, leadlag: 0.2 },
    normal: { ofi: 0.8, aggr: 0.4, leadlag: 0.3 },
    high: { ofi: 0.4, aggr: 0.2 },
    extreme: {},
  },
};

function state(values: Record<string, number>, ts = 0): SignalState {
  const s = new SignalState({}, 1000);
  for (const [k, v] of Object.entries(values)) s.set(k, v, ts);
  return s;
}

describe("AlphaCombiner", () => {
  it("is tanh of the regime's weighted, trust-scaled sum", () => {
    const a = new AlphaCombiner(config);
    const s = state({ ofi: 0.5, aggr: -0.4, leadlag: 1 });
    expect(a.compute(s, 0, "normal", {})).toBeCloseTo(Math.tanh(0.8 * 0.5 - 0.4 * 0.4 + 0.3), 15);
    expect(a.compute(s, 0, "normal", { leadlag: 0, ofi: 2 })).toBeCloseTo(Math.tanh(0.8 - 0.16), 15);
    expect(a.compute(s, 0, "high", {})).toBeCloseTo(Math.tanh(0.2 - 0.08), 15);
    expect(a.compute(s, 0, "extreme", {})).toBe(0);
  });

  it("drops stale signals and reads bad trust as neutral", () => {
    const a = new AlphaCombiner(config);
    const s = state({ ofi: 0.5, aggr: 0.5 });
    s.set("leadlag", -1, 1500);
    expect(a.compute(s, 1500, "low", { ofi: Number.NaN, aggr: -3 })).toBeCloseTo(Math.tanh(-0.2), 15);
    const b = a.breakdown({ ofi: Number.NaN });
    expect(b.contributions.map((c) => [c.name, c.value, c.trust])).toEqual([
      ["ofi", undefined, 1],
      ["aggr", undefined, 1],
      ["leadlag", -1, 1],
    ]);
    expect(b.regime).toBe("low");
  });

  it("always lands in [-1, 1] and has the sign of the raw sum", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (ofi, aggr, trust) => {
          const a = new AlphaCombiner(config);
          const x = a.compute(state({ ofi, aggr }), 0, "low", { ofi: trust });
          expect(x).toBeGreaterThanOrEqual(-1);
          expect(x).toBeLessThanOrEqual(1);
          const raw = a.breakdown({ ofi: trust }).raw;
          if (Math.abs(raw) > 1e-9) expect(Math.sign(x)).toBe(Math.sign(raw));
        },
      ),
    );
  });
});
