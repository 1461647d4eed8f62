import { describe, expect, it } from "vitest";
import { recordSlippage, slippageBps } from "./slippage";

describe("slippage against the decision-time reference", () => {
  it("is positive when the fill is worse for us, on either side", () => {
    expect(slippageBps("buy", 100.1, 100)).toBeCloseTo(10, 9);
    expect(slippageBps("sell", 99.9, 100)).toBeCloseTo(10, 9);
    expect(slippageBps("buy", 99.95, 100)).toBeCloseTo(-5, 9);
    expect(slippageBps("buy", 5_010, 5_000)).toBeCloseTo(20, 9);
  });

  it("keeps size-weighted mean, EWMA and worst per tactic", () => {
    let b = recordSlippage({}, "ioc", 10, 1, 0.5);
    b = recordSlippage(b, "ioc", 30, 3, 0.5);
    b = recordSlippage(b, "post_only", -2, 5, 0.5);
    expect(b.ioc).toMatchObject({ fills: 2, worstBps: 30, sizeTotal: 4 });
    expect(b.ioc!.meanBps).toBeCloseTo(25, 12);
    expect(b.ioc!.ewmaBps).toBeCloseTo(20, 12);
    expect(b.post_only!.meanBps).toBe(-2);
    expect(recordSlippage(b, "ioc", NaN, 1, 0.5)).toBe(b);
  });
});
