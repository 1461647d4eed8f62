import { describe, expect, it } from "vitest";
import { imbalance, mid, weightedMid } from "./microprice";

describe("weighted micro-price", () => {
  // Stoikov's published notebook (sstoikov/microprice, "Microprice - Big Data Conference",
  // BAC 2011-03-01, row 0): bid 14.33 x 20, ask 14.34 x 471 -> imb 0.040733, wmid 14.330407.
  it("matches the paper's BAC check row", () => {
    expect(imbalance(20, 471)).toBeCloseTo(0.040733, 6);
    expect(weightedMid(14.33, 20, 14.34, 471)).toBeCloseTo(14.330407, 6);
    expect(mid(14.33, 14.34)).toBeCloseTo(14.335, 12);
  });

  it("gives the same answer in integer ticks as in prices", () => {
    expect(weightedMid(1433, 20, 1434, 471) / 100).toBeCloseTo(14.330407, 6);
  });

  it("sits at the bid when the bid queue is empty and at the ask when the ask queue is", () => {
    expect(weightedMid(100, 0, 101, 5)).toBe(100);
    expect(weightedMid(100, 5, 101, 0)).toBe(101);
    expect(imbalance(0, 0)).toBe(0.5);
  });
});
