import { describe, expect, it } from "vitest";
import { ExtremeDetector, type ExtremeConfig } from "./extreme";

const cfg: ExtremeConfig = {
  burstWindowMs: 5000,
  burstMultiple: 8,
  burstMinNotional: 1000,
  baselineHalfLifeSec: 60,
  baselineMinSec: 60,
  jumpSigmas: 8,
  jumpMinDtMs: 1000,
  depthLevels: 20,
  depthCollapseFraction: 0.2,
  depthCollapseMinMs: 2000,
  depthHalfLifeSec: 30,
  cooldownMs: 30_000,
};

describe("ExtremeDetector", () => {
  it("flags a burst of taker volume against the long-run trade rate, then cools down", () => {
    const d = new ExtremeDetector(cfg);
    // 100 of notional every second for two minutes: 500 per 5 s window, the steady rate.
    for (let t = 0; t <= 120; t++) d.onTrade(t * 1000, 100);
    expect(d.active(120_000)).toBe(false);
    d.onTrade(120_500, 3000); // 3,500 in the window: under 8 x ~470 expected
    expect(d.active(120_500)).toBe(false);
    d.onTrade(120_600, 1000); // 4,500: over, the 3,000 before it not counted in the bar
    expect(d.active(120_500)).toBe(true);
    expect(d.reason).toBe("burst");
    expect(d.active(150_599)).toBe(true);
    expect(d.active(150_600)).toBe(false);
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

  it("flags depth staying under a fifth of its average, not a dip that refills", () => {
    const d = new ExtremeDetector(cfg);
    for (let t = 0; t <= 60; t++) d.onDepth(t * 1000, 50_000);
    d.onDepth(61_000, 11_000);
    expect(d.active(61_000)).toBe(false);
    d.onDepth(62_000, 9_000);
    d.onDepth(63_000, 50_000); // refilled after 1 s
    d.onDepth(64_000, 9_000);
    d.onDepth(65_500, 9_000);
    expect(d.active(65_500)).toBe(false);
    d.onDepth(66_000, 9_000); // under for 2 s
    expect(d.active(66_000)).toBe(true);
    expect(d.reason).toBe("depth-collapse");
  });

  it("can have the depth check turned off", () => {
    const d = new ExtremeDetector({ ...cfg, depthCollapseFraction: 0 });
    for (let t = 0; t <= 60; t++) d.onDepth(t * 1000, 50_000);
    for (let t = 61; t <= 70; t++) d.onDepth(t * 1000, 0);
    expect(d.active(70_000)).toBe(false);
  });
});
