import { describe, expect, it } from "vitest";
import { MidGrid, OfiRegression, SignalHitRate, crossCorrelation } from "./evaluation";
import { RunningStats, ols } from "./stats";

describe("ols", () => {
  it("recovers an exact line and reports R² = 1", () => {
    const r = ols([1, 2, 3, 4], [3, 5, 7, 9]);
    expect(r.slope).toBeCloseTo(2, 12);
    expect(r.intercept).toBeCloseTo(1, 12);
    expect(r.r2).toBeCloseTo(1, 12);
  });

  it("matches a hand-computed fit", () => {
    // x̄ = 2, ȳ = 2; Sxy = 3, Sxx = 2, Syy = 6 -> slope 1.5, R² = 9/12.
    const r = ols([1, 2, 3], [1, 1, 4]);
    expect(r.slope).toBeCloseTo(1.5, 12);
    expect(r.r2).toBeCloseTo(9 / 12, 12);
  });
});

describe("OfiRegression", () => {
  it("differences cumulative OFI and mid over fixed buckets, using the state at each bucket's end", () => {
    const reg = new OfiRegression(10_000);
    reg.onState(0, 0, 100);
    reg.onState(4_000, 5, 101);
    reg.onState(12_000, 7, 99); // closes [0, 10 s) with the state at 4 s
    reg.onState(35_000, 9, 98); // closes [10, 20) and [20, 30): nothing happened in the second
    expect(reg.ofi).toEqual([5, 2, 0]);
    expect(reg.dMid).toEqual([1, -2, 0]);
  });
});

describe("MidGrid and crossCorrelation", () => {
  it("samples the last mid at each grid time and finds which series leads", () => {
    const lead = new MidGrid(100, 0);
    const lag = new MidGrid(100, 0);
    // The lag series repeats the lead's moves 200 ms later.
    const moves = [0, 1, -1, 2, 0, -2, 1, 1, -1, 0, 2, -1, 0, 1, -2, 1, 0, -1, 2, -1];
    let a = 100;
    let b = 100;
    for (let t = 0; t < 2000; t += 100) {
      a += moves[t / 100] as number;
      lead.onMid(t, a);
      b += t >= 200 ? (moves[t / 100 - 2] as number) : 0;
      lag.onMid(t, b);
    }
    lead.onMid(2000, a);
    lag.onMid(2000, b);
    const xc = crossCorrelation(lead.returns(), lag.returns(), 3);
    const best = xc.reduce((m, x) => (x.corr > m.corr ? x : m));
    expect(best.steps).toBe(2);
    expect(best.corr).toBeGreaterThan(0.95);
  });
});

describe("SignalHitRate", () => {
  it("scores each onset against the next mid move", () => {
    const h = new SignalHitRate();
    h.onMid(100);
    h.onSignal(1);
    h.onMid(100);
    h.onMid(101); // hit
    h.onSignal(1); // still on: no new onset
    h.onSignal(-1);
    h.onSignal(1); // onset while the -1 is open: counted, not scored
    h.onMid(102); // miss for the -1
    expect([h.onsets, h.hits, h.misses]).toEqual([3, 1, 1]);
    expect(h.rate()).toBe(0.5);
  });
});

describe("RunningStats", () => {
  it("gives the sample mean and standard deviation", () => {
    const s = new RunningStats();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) s.add(x);
    expect(s.mean).toBe(5);
    expect(s.std()).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect([s.min, s.max, s.n]).toEqual([2, 9, 8]);
  });
});
