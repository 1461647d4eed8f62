import { describe, expect, it } from "vitest";
import { chargeAddress, exchangeWeight, infoWeight, IpBudget, requestCap } from "./rate-limits";

describe("IP weight", () => {
  it("weighs requests as the docs list them", () => {
    expect(infoWeight("l2Book")).toBe(2);
    expect(infoWeight("meta")).toBe(20);
    expect(infoWeight("userRole")).toBe(60);
    expect(infoWeight("userFills", 45)).toBe(22);
    expect(exchangeWeight(1)).toBe(1);
    expect(exchangeWeight(40)).toBe(2);
    expect(exchangeWeight(79)).toBe(2);
  });

  it("allows 1200 per sliding minute", () => {
    const b = new IpBudget();
    for (let i = 0; i < 60; i++) expect(b.charge("ip", 20, 1000 + i)).toBe(true);
    expect(b.charge("ip", 2, 2000)).toBe(false);
    expect(b.charge("other", 2, 2000)).toBe(true);
    expect(b.charge("ip", 20, 61_000)).toBe(true);
  });
});

describe("address budget", () => {
  it("prints nRequestsCap as userRateLimit does", () => {
    // python SDK cassette: cumVlm "170043721737.450012207" -> nRequestsCap 170043731737 (10000 + floor).
    expect(requestCap(4_295_520_000)).toBe(14_295);
    expect(requestCap(999_999)).toBe(10_000);
  });

  it("refuses with the venue's text once used + n reaches the cap", () => {
    // The quoted production refusal: 14295 > 14294 at $4295.52 traded.
    const s = { used: 14_294, lastExhaustedAt: 0 };
    expect(chargeAddress(s, 1, false, 4_295_520_000, 5_000)).toBe(
      "Too many cumulative requests sent (14295 > 14294) for cumulative volume traded $4295.52. " +
        "Place taker orders to free up 1 request per USDC traded.",
    );
    // One request per 10 s still passes once the budget is spent.
    expect(chargeAddress(s, 1, false, 4_295_520_000, 10_000)).toBeNull();
    expect(chargeAddress(s, 1, false, 4_295_520_000, 12_000)).not.toBeNull();
  });

  it("gives cancels the larger cap", () => {
    const s = { used: 10_500, lastExhaustedAt: 0 };
    expect(chargeAddress(s, 1, true, 0, 1)).toBeNull();
    expect(chargeAddress({ used: 10_500, lastExhaustedAt: 0 }, 1, false, 0, 1)).not.toBeNull();
  });
});
