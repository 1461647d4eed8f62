import { describe, expect, it } from "vitest";
import { RISK_DEFAULTS } from "../config/risk";
import { sz } from "../core/units";
import type { Instrument } from "../execution/types";
import { decide, globalMode, modeFor } from "./decide";
import { BTC, freshState, intent, LIMITS } from "./fixtures.test-util";
import { createRiskState, grossNotional, registerInstrument } from "./state";
import { applyFill, gate, kill, markToMarket, reserve } from "./transitions";
import { setReducing, trigger } from "./triggers";
import type { RiskState } from "./types";

const NOW = 1_000;
const pass = (s: RiskState, o: ReturnType<typeof intent>): RiskState => gate(s, o, LIMITS, NOW).state;

describe("decide: Pass | Resize | Reject naming the limit", () => {
  it("passes an order inside every limit", () => {
    expect(decide(freshState(), intent("hl:BTC", "buy", 5, 1_000_000), LIMITS, NOW)).toEqual({ kind: "pass", sz: 5 });
  });

  it("rejects everything with the kill switch on", () => {
    const s = kill(freshState(), "manual", NOW).state;
    expect(decide(s, intent("hl:BTC", "sell", 1, 1_000_000), LIMITS, NOW)).toMatchObject({ kind: "reject", limit: "kill_switch" });
    expect(globalMode(s)).toBe("halted");
  });

  it("rejects unknown instruments and non-positive sizes or prices", () => {
    expect(decide(freshState(), intent("hl:SOL", "buy", 1, 100), LIMITS, NOW)).toMatchObject({ limit: "unknown_instrument" });
    expect(decide(freshState(), intent("hl:BTC", "buy", 0, 1_000_000), LIMITS, NOW)).toMatchObject({ limit: "invalid_order" });
    expect(decide(freshState(), intent("hl:BTC", "buy", 1.5, 1_000_000), LIMITS, NOW)).toMatchObject({ limit: "invalid_order" });
  });

  it("rejects past max_open_orders_per_market", () => {
    let s = freshState();
    for (let i = 0; i < 4; i++) s = pass(s, intent("hl:BTC", "buy", 1, 999_000));
    expect(decide(s, intent("hl:BTC", "buy", 1, 999_000), LIMITS, NOW)).toMatchObject({ kind: "reject", limit: "max_open_orders_per_market" });
  });

  it("resizes to max_per_market_qty counting pending orders (worst case), per side", () => {
    // 10 BTC cap = 10 000 lots; a 6 BTC bid is already resting.
    const big = { ...LIMITS, max_order_notional_usd: 1e9, max_gross_notional_usd: 1e9 };
    let s = gate(freshState(), intent("hl:BTC", "buy", 6_000, 1_000_000), big, NOW).state;
    expect(decide(s, intent("hl:BTC", "buy", 6_000, 1_000_000), big, NOW)).toEqual({
      kind: "resize",
      sz: 4_000,
      requested: 6_000,
      limit: "max_per_market_qty",
      reason: "cap 10000 lots in hl:BTC",
    });
    // Selling down from flat is its own worst case: up to 10 BTC short regardless of the bid.
    expect(decide(s, intent("hl:BTC", "sell", 12_000, 1_000_000), big, NOW)).toMatchObject({ kind: "resize", sz: 10_000 });
    s = gate(s, intent("hl:BTC", "buy", 4_000, 1_000_000), big, NOW).state;
    expect(decide(s, intent("hl:BTC", "buy", 1, 1_000_000), big, NOW)).toMatchObject({ kind: "reject", limit: "max_per_market_qty" });
  });

  it("caps the order notional, then the gross notional across markets", () => {
    // 1 lot of BTC = 0.001 BTC = 100 USD at the mark: 1 000 USD per order is 10 lots.
    expect(decide(freshState(), intent("hl:BTC", "buy", 50, 1_000_000), LIMITS, NOW)).toMatchObject({ kind: "resize", sz: 10, limit: "max_order_notional_usd" });
    let s = freshState();
    s = pass(s, intent("hl:BTC", "buy", 10, 1_000_000)); // 1 000 USD
    s = pass(s, intent("hl:ETH", "sell", 30, 300_000)); // 0.3 ETH · 3 000 = 900 USD
    expect(grossNotional(s)).toBeCloseTo(1_900, 9);
    expect(decide(s, intent("hl:BTC", "buy", 5, 1_000_000), LIMITS, NOW)).toMatchObject({ kind: "resize", sz: 1, limit: "max_gross_notional_usd" });
    // The other side of BTC only reaches the key's existing worst case: it passes.
    expect(decide(s, intent("hl:BTC", "sell", 8, 1_000_000), LIMITS, NOW)).toEqual({ kind: "pass", sz: 8 });
  });

  it("nets YES and NO of one outcome: buying NO shrinks a YES position", () => {
    let s = freshState(100_000);
    const f = applyFill(s, { market: "hl:#20", side: "buy", lots: 80, px: 5_000, feeUsd: 0 }, LIMITS, NOW);
    if (!f.ok) throw new Error("fill");
    s = f.value.state;
    // Cap 100 shares on the group: 20 more YES, or 180 NO (80 to flat, 100 short).
    expect(decide(s, intent("hl:#20", "buy", 50, 5_000), LIMITS, NOW)).toMatchObject({ kind: "resize", sz: 20 });
    expect(decide(s, intent("hl:#21", "buy", 50, 5_000), LIMITS, NOW)).toEqual({ kind: "pass", sz: 50 });
    const reducing = setReducing(s, "operator", NOW).state;
    expect(decide(reducing, intent("hl:#20", "buy", 30, 5_000), LIMITS, NOW)).toMatchObject({ kind: "reject", limit: "reducing" });
    expect(decide(reducing, intent("hl:#21", "buy", 100, 5_000), LIMITS, NOW)).toMatchObject({ kind: "resize", sz: 80, limit: "reducing" });
    expect(modeFor(reducing, "hl:#21").mode).toBe("reducing");
  });

  it("halts only the scope of a trigger", () => {
    const s = trigger(freshState(), "stale_feed", "hl:ETH", "no frame for 9 s", NOW).state;
    expect(decide(s, intent("hl:ETH", "buy", 1, 300_000), LIMITS, NOW)).toMatchObject({ kind: "reject", limit: "stale_feed" });
    expect(decide(s, intent("hl:BTC", "buy", 1, 1_000_000), LIMITS, NOW).kind).toBe("pass");
    const venue = trigger(freshState(), "private_stream_silent", "venue:hl", "blind", NOW).state;
    expect(decide(venue, intent("hl:BTC", "buy", 1, 1_000_000), LIMITS, NOW)).toMatchObject({ limit: "private_stream_silent" });
  });

  it("refuses a limit price far from the mark (fat finger), in bps of the payout for binaries", () => {
    expect(decide(freshState(), intent("hl:BTC", "buy", 1, 1_060_000), LIMITS, NOW)).toMatchObject({ limit: "max_px_deviation_bps" });
    expect(decide(freshState(), intent("hl:BTC", "buy", 1, 1_040_000), LIMITS, NOW).kind).toBe("pass");
    expect(decide(freshState(), intent("hl:#20", "buy", 30, 5_600), LIMITS, NOW)).toMatchObject({ limit: "max_px_deviation_bps" });
  });

  it("refuses orders under the venue minimum notional (HIP-4: 10)", () => {
    expect(decide(freshState(), intent("hl:#20", "buy", 19, 5_000), LIMITS, NOW)).toMatchObject({ kind: "reject", limit: "min_notional_usd" });
    expect(decide(freshState(), intent("hl:#20", "buy", 20, 5_000), LIMITS, NOW).kind).toBe("pass");
  });

  it("spends a token bucket of max_submits_per_min", () => {
    const slow = { ...LIMITS, max_submits_per_min: 2, max_open_orders_per_market: 100 };
    let s = freshState();
    s = { ...s, submitBucket: { tokens: 2, lastMs: NOW } };
    s = reserve(s, intent("hl:BTC", "buy", 1, 1_000_000), { kind: "pass", sz: 1 as never }, slow, NOW);
    s = reserve(s, intent("hl:BTC", "buy", 1, 1_000_000), { kind: "pass", sz: 1 as never }, slow, NOW);
    expect(decide(s, intent("hl:BTC", "buy", 1, 1_000_000), slow, NOW)).toMatchObject({ limit: "max_submits_per_min" });
    expect(decide(s, intent("hl:BTC", "buy", 1, 1_000_000), slow, NOW + 30_000).kind).toBe("pass");
  });

  it("kills on a drawdown from the peak and names the limit", () => {
    let s = freshState(10_000);
    const f = applyFill(s, { market: "hl:BTC", side: "buy", lots: 10, px: 1_000_000, feeUsd: 0 }, LIMITS, NOW);
    if (!f.ok) throw new Error("fill");
    s = f.value.state;
    s = markToMarket(s, { "hl:BTC": 105_000 }, LIMITS, NOW).state; // peak 10 050
    expect(s.equityPeakUsd).toBeCloseTo(10_050, 9);
    const down = markToMarket(s, { "hl:BTC": 95_000 }, LIMITS, NOW); // equity 9 950: 100 down, not beyond
    expect(down.state.killed).toBe(false);
    const beyond = markToMarket(down.state, { "hl:BTC": 94_900 }, LIMITS, NOW);
    expect(beyond.state.killed).toBe(true);
    expect(beyond.state.killReason).toMatch(/^max_drawdown_usd/);
    expect(beyond.actions).toEqual([{ kind: "cancel_all", venue: "*", reason: expect.stringMatching(/^kill: max_drawdown_usd/) }]);
  });

  it("groups must share lot sizes", () => {
    const r = registerInstrument(freshState(), { ...BTC, market: "hl:#22", group: "hl:out2", payoff: "binary" });
    expect(r.ok).toBe(false);
  });
});

// The instruments `npm start` trades, as the venue's meta gives them (rpl:ETH szDecimals 4 ->
// 6 − 4 = 2 price decimals; BTC szDecimals 5 -> 1), under the default limits. The figures are
// from an `npm start` run: the parity hedge held 0.12382 BTC at 80 757.5 (9 999.39 USD of the
// 10 000 gross budget) when OFI asked for 30 lots (0.003 ETH) of rpl:ETH at 4 270.80.
describe("a HIP-3 perp under a nearly spent gross budget", () => {
  const RPL_ETH: Instrument = { market: "hl:rpl:ETH", venue: "hl", pxDecimals: 2, szDecimals: 4, payoff: "linear", minNotionalUsd: 10 };
  const HL_BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear", minNotionalUsd: 10 };
  const withBtc = (btcLots: number): RiskState => {
    let s = createRiskState(200_000, 0, RISK_DEFAULTS);
    for (const inst of [HL_BTC, RPL_ETH]) {
      const r = registerInstrument(s, inst);
      if (!r.ok) throw new Error(r.error.reason);
      s = r.value;
    }
    s = markToMarket(s, { "hl:BTC": 80_757.5, "hl:rpl:ETH": 4_270.8 }, RISK_DEFAULTS, NOW).state;
    if (btcLots === 0) return s;
    const f = applyFill(s, { market: "hl:BTC", side: "buy", lots: btcLots, px: 807_575, feeUsd: 0 }, RISK_DEFAULTS, NOW);
    if (!f.ok) throw new Error("fill");
    return f.value.state;
  };
  const eth30 = (): ReturnType<typeof intent> => ({ ...intent("hl:rpl:ETH", "buy", 30, 427_080), tif: "Alo" });

  it("passes 30 lots (0.003 ETH, 12.81 USD) while the budget has room", () => {
    expect(decide(withBtc(0), eth30(), RISK_DEFAULTS, NOW)).toEqual({ kind: "pass", sz: 30 });
    // 12.72 USD of budget left: 29 lots (12.39 USD) still clear the venue minimum.
    expect(decide(withBtc(12_367), eth30(), RISK_DEFAULTS, NOW)).toMatchObject({ kind: "resize", sz: 29, limit: "max_gross_notional_usd" });
  });

  it("names the gross budget, with the minimum, when it leaves one lot (0.43 USD)", () => {
    const s = withBtc(12_382);
    expect(RISK_DEFAULTS.max_gross_notional_usd - grossNotional(s)).toBeCloseTo(0.61, 2);
    expect(decide(s, eth30(), RISK_DEFAULTS, NOW)).toEqual({
      kind: "reject",
      limit: "max_gross_notional_usd",
      reason: "gross budget 10000: 1 of 30 lots left (0.43 USD), under venue minimum 10",
    });
  });

  it("still names the venue minimum when no limit cut the order", () => {
    expect(decide(withBtc(0), { ...eth30(), sz: sz(20) }, RISK_DEFAULTS, NOW)).toEqual({ kind: "reject", limit: "min_notional_usd", reason: "8.54 under venue minimum 10" });
  });
});
