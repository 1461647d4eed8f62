import { describe, expect, it } from "vitest";
import { histogram, mean, quantile, r, std, stepDiffs } from "./stats";

describe("report statistics", () => {
  it("computes moments, quantiles, minute differences and buckets", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2], 0.25)).toBe(1.25);
    expect(stepDiffs([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([3, 3]);
    expect(histogram([-0.015, -0.001, 0.004, 0.019], 0.01)).toEqual([
      { from: -0.02, count: 1 },
      { from: -0.01, count: 1 },
      { from: 0, count: 1 },
      { from: 0.01, count: 1 },
    ]);
  });

  it("rounds for the report without -0, and turns what is not a number into null", () => {
    expect(r(1 / 3, 4)).toBe(0.3333);
    expect(Object.is(r(-1e-12), 0)).toBe(true);
    expect(r(NaN)).toBeNull();
    expect(r(Infinity)).toBeNull();
    expect(mean([])).toBeNaN();
  });
});
