import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EwmaVol, SECONDS_PER_YEAR } from "./ewma-vol";

const cfg = { halfLifeSec: 10, priorAnnualised: 0.5, warmupMs: 10_000, minDtMs: 500 };

describe("EwmaVol", () => {
  it("reports the prior for the first 10 seconds even after a jump", () => {
    const v = new EwmaVol(cfg);
    v.update(0, 100);
    v.update(1000, 110); // a 10 % jump one second in
    expect(v.annualised(1000)).toBeCloseTo(0.5, 12);
    expect(v.annualised(9_999)).toBeCloseTo(0.5, 12);
    expect(v.annualised(10_000)).toBeGreaterThan(100);
  });

  it("weights one observation by 1 - 2^(-dt/halfLife)", () => {
    const v = new EwmaVol(cfg);
    const prior = (0.5 / Math.sqrt(SECONDS_PER_YEAR)) ** 2;
    v.update(0, 100);
    v.update(10_000, 101); // exactly one half-life
    const r = Math.log(1.01);
    const expected = prior + 0.5 * ((r * r) / 10 - prior);
    expect(v.sigmaPerSqrtSec(10_000) ** 2).toBeCloseTo(expected, 15);
  });

  it("merges samples closer than minDtMs into the next accepted one", () => {
    const merged = new EwmaVol(cfg);
    merged.update(0, 100);
    merged.update(200, 105);
    merged.update(1000, 101);
    const direct = new EwmaVol(cfg);
    direct.update(0, 100);
    direct.update(1000, 101);
    expect(merged.exportState()).toEqual(direct.exportState());
  });

  it("converges to the variance of a steady random walk", () => {
    // Alternating ±1e-4 log steps every second: squared return per second is 1e-8.
    const v = new EwmaVol(cfg);
    let logPx = Math.log(100);
    for (let t = 0; t <= 600; t++) {
      v.update(t * 1000, Math.exp(logPx));
      logPx += t % 2 === 0 ? 1e-4 : -1e-4;
    }
    expect(v.sigmaPerSqrtSec(600_000)).toBeCloseTo(1e-4, 8);
  });

  it("survives a restart through its exported state", () => {
    const v = new EwmaVol(cfg);
    for (let t = 0; t < 30; t++) v.update(t * 1000, 100 + (t % 3));
    const restored = new EwmaVol(cfg);
    restored.restoreState(v.exportState());
    expect(restored.sigmaPerSqrtSec(0)).toBe(v.sigmaPerSqrtSec(30_000));
    expect(restored.isWarm()).toBe(true);
  });

  it("stays finite and non-negative for any positive price path", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          maxLength: 100,
        }),
        (steps) => {
          const v = new EwmaVol(cfg);
          let t = 0;
          for (const [dt, px] of steps) v.update((t += dt), px);
          const s = v.sigmaPerSqrtSec(t);
          expect(Number.isFinite(s) && s >= 0).toBe(true);
        },
      ),
    );
  });
});
