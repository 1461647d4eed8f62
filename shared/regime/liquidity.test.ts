import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiquidityRegime, checkLiquidityConfig, type LiquidityConfig } from "./liquidity";

const cfg: LiquidityConfig = { depthLevels: 5, illiquidSpreadBps: 10, liquidSpreadBps: 5, illiquidDepth: 1000, liquidDepth: 5000 };

describe("LiquidityRegime", () => {
  it("starts untradable and switches only past the far threshold", () => {
    const r = new LiquidityRegime(cfg);
    expect(r.tradable()).toBe(false);
    expect(r.update(0, 7, 10_000)).toBe("illiquid"); // spread between the thresholds: stays
    expect(r.update(1, 5, 10_000)).toBe("liquid");
    expect(r.tradable()).toBe(true);
    expect(r.update(2, 9.9, 2000)).toBe("liquid"); // inside the band on both measures: stays
    expect(r.update(3, 10.1, 10_000)).toBe("illiquid");
    expect(r.update(4, 4, 4999)).toBe("illiquid");
    expect(r.update(5, 4, 5000)).toBe("liquid");
    expect(r.update(6, 4, 999)).toBe("illiquid");
    expect(r.switches).toBe(4);
    expect(r.since).toBe(6);
  });

  it("is untradable after a resync until a book arrives", () => {
    const r = new LiquidityRegime(cfg);
    r.update(0, 1, 1e6);
    r.markUnknown(1);
    expect(r.tradable()).toBe(false);
    r.update(2, 1, 1e6);
    expect(r.tradable()).toBe(true);
  });

  it("never flaps while the inputs stay inside the hysteresis band", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 5.001, max: 10, noNaN: true }), fc.double({ min: 1000, max: 4999, noNaN: true }))),
        fc.boolean(),
        (steps, startLiquid) => {
          const r = new LiquidityRegime(cfg);
          if (startLiquid) r.update(0, 1, 1e9);
          const before = r.state;
          steps.forEach(([s, d], i) => r.update(i + 1, s, d));
          expect(r.state).toBe(before);
        },
      ),
    );
  });

  it("refuses thresholds without a hysteresis band", () => {
    expect(checkLiquidityConfig(cfg).ok).toBe(true);
    expect(checkLiquidityConfig({ ...cfg, liquidSpreadBps: 10 }).ok).toBe(false);
    expect(checkLiquidityConfig({ ...cfg, liquidDepth: 1000 }).ok).toBe(false);
    expect(checkLiquidityConfig({ ...cfg, depthLevels: 0 }).ok).toBe(false);
  });
});
