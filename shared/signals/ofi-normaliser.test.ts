import { describe, expect, it } from "vitest";
import { OfiNormaliser, hyperliquidTick } from "./ofi-normaliser";

describe("OfiNormaliser", () => {
  it("divides the stylised impact OFI/(2·AD) by the window's expected move, both in ticks", () => {
    const n = new OfiNormaliser({ depthHalfLifeSec: 60 });
    n.onTop(0, 3, 5);
    expect(n.averageDepth()).toBe(4);
    // OFI 16 lots over 4 lots of depth -> 2 ticks; σ 1e-4/√s over 100 s at mid 1000, tick 0.5 -> 2 ticks.
    expect(n.normalise(16, 100_000, 1e-4, 1000, 0.5)).toBeCloseTo(1, 12);
    n.onTop(60_000, 8, 8); // one half-life later, halfway from 4 to 8
    expect(n.averageDepth()).toBeCloseTo(6, 12);
    expect(n.normalise(16, 1000, 0, 1000, 0.5)).toBeUndefined();
  });

  it("knows Hyperliquid's price grid: 5 significant figures, pxDecimals, integers always", () => {
    expect(hyperliquidTick(42727, 1)).toBe(1);
    expect(hyperliquidTick(109755, 1)).toBe(1);
    expect(hyperliquidTick(4268.9, 2)).toBeCloseTo(0.1, 15);
    expect(hyperliquidTick(0.95236, 5)).toBeCloseTo(1e-5, 18);
    expect(hyperliquidTick(0.0445, 5)).toBeCloseTo(1e-5, 18);
  });
});
