import { describe, expect, it } from "vitest";
import { MarketEngine } from "../../engine/market-engine";
import { BOOK0, BOOK1, BTC, BTC_BBO, EXPIRY, OUTCOME, T0, btcPipeline, mmConfig, outcomePipeline } from "../../engine/fixtures.test-util";
import type { AccountSlice, MarketEngineConfig } from "../../engine/types";
import { marketLive, rebuildInputs } from "./live-view";

const slice = (over: Partial<AccountSlice> = {}): AccountSlice => ({ asOfMs: T0, equityUsd: 10_000, mode: "active", holdings: {}, liveOrders: {}, ...over });
const PARITY = mmConfig({ strategy: { kind: "parity", outcome: OUTCOME, perp: BTC, strike: 80354 }, pipelines: [outcomePipeline(), btcPipeline()] });

/** An engine fed the recorded #150 books (and the BTC bbo), with `account` as its slice. */
function warmed(c: MarketEngineConfig, account: AccountSlice): MarketEngine {
  const r = MarketEngine.create(c);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const e = r.value;
  e.onAccount(account);
  if (c.pipelines.length > 1) e.onEvent(BTC_BBO, BTC_BBO.ts + 150);
  e.onEvent(BOOK0, T0 + 150);
  e.onEvent(BOOK1, BOOK1.ts + 150);
  return e;
}

const live = (e: MarketEngine, account: AccountSlice | null, now: number) => marketLive({ snapshot: e.snapshot(), strategy: e.config.strategy, params: e.config.params, slice: account }, now, e.venueClock.now(now));

describe("market live view (the stream's MarketStatus.live)", () => {
  it("carries the recorded top of book as exact strings, mid, micro-price and spread", () => {
    const e = warmed(mmConfig(), slice());
    e.decide(BOOK1.ts + 150);
    const v = live(e, slice(), BOOK1.ts + 150);
    const p = v.pipelines[0]!;
    expect(p.coin).toBe("#150");
    expect(p.ts).toBe(BOOK1.ts);
    expect(p.book).toEqual({ bids: [{ px: "0.95234", sz: "29" }], asks: [{ px: "0.9555", sz: "13" }] });
    expect(p.market.mid).toBeCloseTo((0.95234 + 0.9555) / 2, 12);
    expect(p.market.spread).toBeCloseTo(0.9555 - 0.95234, 12);
    expect(p.market.micro).toBeGreaterThan(0.95234);
    expect(p.market.micro).toBeLessThan(0.9555);
    expect(p.signals.every((s) => typeof s.ts === "number" && typeof s.fresh === "boolean")).toBe(true);
    expect(p.regime.liquidity).toEqual(expect.any(String));
    expect(v.outcome).toEqual({ expiryMs: EXPIRY, strike: null });
  });

  it("rebuilds the AS inputs exactly as the quoter computed them (σ, q, T−t, γ, κ, δ) and adds the reservation", () => {
    const held = slice({ holdings: { "hl:#150": { posLots: 40, openBuyLots: 0, openSellLots: 0 }, "hl:#151": { posLots: 10, openBuyLots: 0, openSellLots: 0 } } });
    const e = warmed(mmConfig(), held);
    const now = BOOK1.ts + 150;
    const d = e.decide(now)!;
    const v = live(e, held, now);
    expect(v.inputsSource).toBe("strategy");
    const own = d.context.inputs;
    const re = rebuildInputs(e.config.strategy, e.config.params, v.pipelines, held, e.venueClock.now(now));
    expect(re.q).toBe(30);
    expect(re.q).toBe(own.q);
    expect(re.sigma as number).toBeCloseTo(own.sigma as number, 12);
    expect(re.tauSecs).toBe(own.tauSecs);
    expect(re.halfSpread as number).toBeCloseTo(own.halfSpread as number, 12);
    expect(v.context!.inputs.reservation).toBe(re.reservation);
    // Long YES: the reservation sits below the micro-price (r = s − q·γ·σ²·τ).
    expect(re.reservation as number).toBeLessThan(v.pipelines[0]!.market.micro!);
  });

  it("rebuilds the parity inputs as the strategy computed them (S, K, σ, τ, P(YES), Δ, edge)", () => {
    const e = warmed(PARITY, slice());
    const now = BOOK1.ts + 150;
    const d = e.decide(now)!;
    const v = live(e, slice(), now);
    const re = rebuildInputs(e.config.strategy, e.config.params, v.pipelines, slice(), e.venueClock.now(now));
    for (const k of ["S", "K", "sigma", "tauYears", "fair", "delta", "yesMid"]) expect(re[k] as number).toBeCloseTo(d.context.inputs[k] as number, 12);
    expect(re.edge as number).toBeCloseTo(d.context.inputs.edge as number, 12);
    expect(v.outcome).toEqual({ expiryMs: EXPIRY, strike: 80354 });
    expect(v.params).toEqual({ mm: { gamma: e.config.params.mm.gamma, kappa: e.config.params.mm.kappa, order_size: e.config.params.mm.order_size, max_inventory: e.config.params.mm.max_inventory }, parity: { min_edge: e.config.params.parity.min_edge } });
    expect(v.pipelines.map((p) => p.coin)).toEqual(["#150", "BTC"]);
    expect(v.pipelines[1]!.book.bids).toEqual([{ px: "80742", sz: "6.18459" }]);
  });

  it("shows the inputs while the strategy is pulled (stale feed): rebuilt, with T−t from the time passed in", () => {
    const e = warmed(mmConfig(), slice());
    const late = BOOK1.ts + 150 + e.config.staleFeedMs + 1_000;
    e.decide(late);
    expect(e.lastContext()!.tradable).toBe(false);
    expect(e.lastContext()!.inputs).toEqual({});
    const v = live(e, slice(), late);
    expect(v.inputsSource).toBe("rebuilt");
    expect(v.context!.tradable).toBe(false);
    expect(v.context!.inputs).toMatchObject({ q: 0, tauSecs: (EXPIRY - e.venueClock.now(late)) / 1000, gamma: e.config.params.mm.gamma, kappa: e.config.params.mm.kappa });
    expect(v.context!.inputs.sigma).toEqual(expect.any(Number));
    expect(v.context!.inputs.reservation).toEqual(v.pipelines[0]!.market.micro);
  });

  it("before any decision and without an account it still says what it can (q unknown, no reservation)", () => {
    const e = warmed(mmConfig(), slice());
    const v = live(e, null, BOOK1.ts);
    expect(v.inputsSource).toBe("rebuilt");
    expect(v.context!.inputs.q).toBeNull();
    expect(v.context!.inputs.reservation).toBeNull();
  });

  it("stays small: a parity market (two books) under 3 KB of JSON", () => {
    const e = warmed(PARITY, slice());
    e.decide(BOOK1.ts + 150);
    const bytes = JSON.stringify(live(e, slice(), BOOK1.ts + 150)).length;
    expect(bytes).toBeLessThan(3_072);
  });
});
