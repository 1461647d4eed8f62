import { describe, expect, it } from "vitest";
import { AggressiveVolume } from "./aggressive-volume";

describe("AggressiveVolume", () => {
  it("nets taker buys against taker sells over the window, in [-1, 1]", () => {
    const a = new AggressiveVolume(1000);
    expect(a.imbalance(0)).toBeUndefined();
    a.onTrade(0, "buy", 30);
    a.onTrade(500, "sell", 10);
    expect(a.imbalance(500)).toBe(0.5);
    expect(a.imbalance(1000)).toBe(-1);
    expect(a.imbalance(1500)).toBeUndefined();
    a.onTrade(1600, "buy", -5);
    expect(a.buyVolume(1600)).toBe(0);
  });
});
