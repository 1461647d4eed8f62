import { describe, expect, it } from "vitest";
import type { KellyConfig } from "../sizing/kelly";
import { parityDecision, type ParityParams, type ParityView } from "./btc-parity";

const P: ParityParams = { min_edge: 0.02, delta_rebalance_thresh: 0.05, max_hedge_btc: 5, outcome_fee_per_share: 0 };
const K: KellyConfig = { fraction: 0.25, max_fraction: 0.1, min_qty: 1, size_decimals: 0 };

// First BTC row of peers.md §5.7: fair 0.347054, Δ 1.41091e-4 BTC per YES.
const base: ParityView = {
  spot: 100_000,
  strike: 101_000,
  sigma: 0.5,
  tauYears: 1 / 365,
  yesBid: 0.34,
  yesAsk: 0.355,
  netYes: 0,
  perpBtc: 0,
  bankrollUsd: 10_000,
};

describe("BTC parity", () => {
  it("does nothing when the mid is within min_edge of fair", () => {
    const d = parityDecision(base, P, K);
    expect(d.fair).toBeCloseTo(0.347054, 6);
    expect(d.signal).toBeNull();
    expect(d.outcomeOrder).toBeNull();
    expect(d.hedgeTrade).toBeNull();
  });

  it("buys YES when it is cheap, sized by Kelly on the ask", () => {
    const d = parityDecision({ ...base, yesBid: 0.3, yesAsk: 0.31 }, P, K);
    expect(d.signal).toBe("buy_yes");
    // f* = (0.347054 − 0.31)/(0.69) = 0.0537; 0.25 Kelly = 0.01343 of 10 000 = 134.3 USD = 433 YES.
    expect(d.outcomeOrder).toMatchObject({ contract: "yes", px: 0.31 });
    expect(d.outcomeOrder!.qty).toBe(Math.floor((0.25 * ((0.347054 - 0.31) / 0.69) * 10_000) / 0.31));
  });

  it("sells YES by buying NO at 1 − bid when YES is rich", () => {
    const d = parityDecision({ ...base, yesBid: 0.4, yesAsk: 0.41 }, P, K);
    expect(d.signal).toBe("sell_yes");
    expect(d.outcomeOrder?.contract).toBe("no");
    expect(d.outcomeOrder?.px).toBeCloseTo(0.6, 12);
  });

  it("hedges 10 000 YES with about 1.41 BTC short, and only past the rebalance threshold", () => {
    const d = parityDecision({ ...base, netYes: 10_000 }, P, K);
    expect(d.hedgeTarget).toBeCloseTo(-1.41091, 4);
    expect(d.hedgeTrade).toBeCloseTo(-1.41091, 4);
    const near = parityDecision({ ...base, netYes: 10_000, perpBtc: -1.38 }, P, K);
    expect(near.hedgeTrade).toBeNull();
    const far = parityDecision({ ...base, netYes: 10_000, perpBtc: -1.3 }, P, K);
    expect(far.hedgeTrade).toBeCloseTo(-0.11091, 4);
  });

  it("goes long the perp against a short YES (long NO) position", () => {
    const d = parityDecision({ ...base, netYes: -5000 }, P, K);
    expect(d.hedgeTarget).toBeCloseTo(0.705455, 5);
  });

  it("caps the hedge where Δ explodes at the strike near expiry", () => {
    const d = parityDecision({ ...base, strike: 100_000, tauYears: 1 / (365 * 24 * 60), netYes: 100_000 }, P, K);
    expect(d.hedgeTarget).toBe(-5);
  });

  it("refuses to trade the outcome when Kelly on the executable price disagrees with the mid", () => {
    // Mid 0.32 is 0.027 under fair, but the 0.36 ask is above fair: no edge to take.
    const d = parityDecision({ ...base, yesBid: 0.28, yesAsk: 0.36 }, P, K);
    expect(d.signal).toBe("buy_yes");
    expect(d.outcomeOrder).toBeNull();
  });
});
