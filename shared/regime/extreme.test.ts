import { describe, expect, it } from "vitest";
import { ExtremeDetector, type ExtremeConfig } from "./extreme";

const cfg: ExtremeConfig = {
  burstWindowMs: 5000,
  burstMultiple: 8,
  burstMinNotional: 1000,
  baselineHalfLifeSec: 60,
  jumpSigmas: 8,
  jumpMinDtMs: 1000,
  depthCollapseFraction: 0.2,
  depthHalfLifeSec: 30,
  cooldownMs: 30_000,
};

describe("ExtremeDetector", () => {
  it("flags a burst of taker volume against the long-run trade rate, then cools down", () => {
    const d = new ExtremeDetector(cfg);
    // 100 of notional every second for two minutes: 500 per 5 s window, the steady rate.
    for (let t = 0; t <= 120; t++) d.onTrade(t * 1000, 100);
    expect(d.active(120_000)).toBe(false);
    d.onTrade(120_500, 5000); // ~11x the expected 5-second volume
    expect(d.active(120_500)).toBe(true);
    expect(d.reason).toBe("burst");
    expect(d.active(150_499)).toBe(true);
    expect(d.active(150_500)).toBe(false);
  });

  it("does not trust the baseline before one half-life of trading", () => {
    const d = new ExtremeDetector(cfg);
    d.onTrade(0, 10);
    d.onTrade(1000, 1e6);
    expect(d.active(1000)).toBe(false);
  });

  it("flags a jump of many sigmas, with Δt floored so close blocks are not over-read", () => {
    const d = new ExtremeDetector(cfg);
    const sigma = 1e-4; // per √s
    d.onMid(0, 100, sigma);
    d.onMid(100, 100.05, sigma); // 5 bp in 0.1 s: 5 sigma over the 1 s floor -> no
    expect(d.active(100)).toBe(false);
    d.onMid(200, 100.15, sigma); // 10 bp: > 8 sigma
    expect(d.active(200)).toBe(true);
    expect(d.triggers.jump).toBe(1);
    d.breakSeries();
    d.onMid(100_000, 200, sigma);
    expect(d.triggers.jump).toBe(1);
  });

  it("flags depth collapsing under a fifth of its average", () => {
    const d = new ExtremeDetector(cfg);
    for (let t = 0; t <= 60; t++) d.onDepth(t * 1000, 50_000);
    d.onDepth(61_000, 11_000);
    expect(d.active(61_000)).toBe(false);
    d.onDepth(62_000, 9_000);
    expect(d.active(62_000)).toBe(true);
    expect(d.reason).toBe("depth-collapse");
  });
});
