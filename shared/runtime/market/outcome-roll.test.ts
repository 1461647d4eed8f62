import { describe, expect, it } from "vitest";
import type { OutcomeMetaResponse, OutcomeSpec } from "../../venues/hyperliquid/info-schemas";
import recordedMeta from "../../../data/hyperliquid/api-samples/hl_python_sdk_cassettes/response_meta.json";
import { BOT_DEFAULTS } from "../../config";
import { MarketEngine } from "../../engine";
import { MetaResponse } from "../../venues/hyperliquid/info-schemas";
import { carryEngineState, SETTLEMENT_FILL_WAIT_MS, settlementStep, successorOutcome, trackOf, type OutcomeTrack } from "./outcome-roll";
import { buildMarketSetup, type VenueMetadata } from "./setup";

// Outcome 15 as the HIP-4 recording's market metadata describes it (data/hyperliquid/hip4-2026-05-10),
// and the shapes the simulator serves after the settlement of pass 0: outcome 15 gone, outcome 16
// listed with the same fields and a later expiry (scripts/sim/outcomes.ts).
const recurring = (outcome: number, body: string): OutcomeSpec => ({ outcome, name: "Recurring", description: body, sideSpecs: [{ name: "Yes" }, { name: "No" }], quoteToken: "USDC" });
const OUT15 = recurring(15, "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d");
const OUT16 = recurring(16, "class:priceBinary|underlying:BTC|expiry:20260511-0600|targetPrice:80657|period:1d");
const OUT17 = recurring(17, "class:priceBinary|underlying:BTC|expiry:20260512-0600|targetPrice:81002|period:1d");
// Other series a mainnet outcomeMeta lists beside it (reference/hyperliquid.md §5.2: periods 1d,
// 15m, 3m; bucket series with three outcomes; sports questions with team sides).
const BTC15M = recurring(40, "class:priceBinary|underlying:BTC|expiry:20260510-0615|targetPrice:80411|period:15m");
const ETH1D = recurring(41, "class:priceBinary|underlying:ETH|expiry:20260510-0700|targetPrice:2950|period:1d");
const BUCKET = [42, 43, 44].map((o) => recurring(o, "class:priceBucket|underlying:BTC|expiry:20260510-0615|priceThresholds:80000,81000|period:15m"));
const SPORTS: OutcomeSpec = { outcome: 45, name: "NBA: Spurs vs Knicks", description: "class:sports|game:1234", sideSpecs: [{ name: "San Antonio" }, { name: "New York" }] };
const meta = (...outcomes: OutcomeSpec[]): OutcomeMetaResponse => ({ outcomes });
// The real 2023 mainnet meta (BTC perp) beside outcome 15.
const VENUE: VenueMetadata = { meta: MetaResponse.parse(recordedMeta.response), perpDexs: [null], dexMetas: {}, outcomeMeta: meta(OUT15) };

describe("successorOutcome", () => {
  it("is the next instance of the same series: outcome 16 after 15, whether or not 15 is still listed", () => {
    expect(successorOutcome(OUT15, meta(OUT16))).toEqual({ ok: true, value: OUT16 });
    expect(successorOutcome(OUT15, meta(OUT15, OUT16))).toEqual({ ok: true, value: OUT16 });
  });

  it("ignores other underlyings, periods and classes, and takes the earliest later expiry", () => {
    const all = meta(SPORTS, ETH1D, BTC15M, ...BUCKET, OUT17, OUT16, OUT15);
    expect(successorOutcome(OUT15, all)).toEqual({ ok: true, value: OUT16 });
    expect(successorOutcome(OUT16, all)).toEqual({ ok: true, value: OUT17 });
    expect(successorOutcome(BTC15M, meta(BTC15M, recurring(50, BTC15M.description.replace("0615", "0630")), OUT16))).toMatchObject({ ok: true, value: { outcome: 50 } });
  });

  it("names what is missing: no later instance, a series that does not roll, two candidates", () => {
    expect(successorOutcome(OUT17, meta(OUT15, OUT16, OUT17, ETH1D))).toEqual({ ok: false, error: "no BTC 1d priceBinary outcome after 20260512-0600 is listed yet" });
    expect(successorOutcome(BUCKET[0]!, meta(...BUCKET))).toEqual({ ok: false, error: "outcome 42 is a priceBucket series; only priceBinary series roll" });
    expect(successorOutcome(SPORTS, meta(SPORTS))).toEqual({ ok: false, error: 'outcome 45 is not a recurring series ("class:sports|game:1234")' });
    const twin = recurring(60, OUT16.description);
    expect(successorOutcome(OUT15, meta(OUT16, twin))).toEqual({ ok: false, error: "outcomes 16, 60 all continue the series" });
  });
});

describe("settlementStep", () => {
  const track = trackOf(OUT15) as OutcomeTrack;
  const EXPIRY = Date.UTC(2026, 4, 10, 6, 0);
  const base = { track, roll: true, legsFlat: true };

  it("tracks outcome 15 from its description", () => {
    expect(track).toEqual({ outcome: 15, coin: "#150", description: OUT15.description, expiryMs: EXPIRY, state: "live", successor: null, rolls: [], note: null });
    expect(trackOf(SPORTS)).toBeNull();
  });

  it("trades before the expiry and waits while the venue still lists the outcome", () => {
    expect(settlementStep({ ...base, venueNowMs: EXPIRY - 1, meta: null })).toEqual({ kind: "trading" });
    expect(settlementStep({ ...base, venueNowMs: EXPIRY, meta: null })).toEqual({ kind: "waiting", why: "outcomeMeta not read" });
    expect(settlementStep({ ...base, venueNowMs: EXPIRY + 5, meta: meta(OUT15, OUT16) })).toEqual({ kind: "waiting", why: "#150 expired and is not settled yet" });
  });

  it("rolls to the successor once the settlement fills are in, noting it", () => {
    const step = settlementStep({ ...base, venueNowMs: EXPIRY + 1_000, meta: meta(OUT16, ETH1D) });
    expect(step).toEqual({
      kind: "roll",
      to: OUT16,
      track: { outcome: 16, coin: "#160", description: OUT16.description, expiryMs: EXPIRY + 86_400_000, state: "live", successor: null, rolls: [{ from: "#150", to: "#160", atMs: EXPIRY + 1_000 }], note: "rolled #150 -> #160" },
    });
  });

  it("waits for the settlement fills (legs not flat yet), at most SETTLEMENT_FILL_WAIT_MS", () => {
    const x = { ...base, legsFlat: false, meta: meta(OUT16) };
    expect(settlementStep({ ...x, venueNowMs: EXPIRY + 1_000 })).toEqual({ kind: "waiting", why: "settled #150: waiting for the settlement fills" });
    expect(settlementStep({ ...x, venueNowMs: EXPIRY + SETTLEMENT_FILL_WAIT_MS }).kind).toBe("roll");
  });

  it("waits for a successor to be listed when it rolls, and stops naming it when it does not", () => {
    expect(settlementStep({ ...base, venueNowMs: EXPIRY + 1_000, meta: meta(ETH1D) })).toEqual({ kind: "waiting", why: "settled #150: no BTC 1d priceBinary outcome after 20260510-0600 is listed yet" });
    expect(settlementStep({ ...base, roll: false, legsFlat: false, venueNowMs: EXPIRY + 1_000, meta: meta(OUT16) })).toEqual({
      kind: "stop",
      track: { ...track, state: "settled", successor: "#160", note: "settled #150; successor #160 (roll off)" },
    });
    expect(settlementStep({ ...base, roll: false, venueNowMs: EXPIRY + 1_000, meta: meta(ETH1D) })).toMatchObject({ kind: "stop", track: { successor: null, note: "settled #150" } });
  });
});

describe("carryEngineState", () => {
  it("keeps the counter, trust and the perp's pipeline across a parity roll, drops the settled outcome's book", () => {
    const r = buildMarketSetup({ id: "hl:#150~parity", market: "hl:#150", strategy: { kind: "parity", perp: "BTC" } }, VENUE, BOT_DEFAULTS);
    const next = buildMarketSetup({ id: "hl:#150~parity", market: "hl:#160", origin: "hl:#150", strategy: { kind: "parity", perp: "BTC" }, roll: true }, { ...VENUE, outcomeMeta: meta(OUT16) }, BOT_DEFAULTS);
    if (!r.ok || !next.ok) throw new Error("setup");
    const old = MarketEngine.create(r.value.engine);
    if (!old.ok) throw new Error("engine");
    const state = { ...old.value.exportState(), seq: 41 };
    const carried = carryEngineState(state, next.value.engine);
    expect(carried.seq).toBe(41);
    expect(carried.trust).toEqual(state.trust);
    expect(state.pipelines.map((p) => p.coin)).toEqual(["#150", "BTC"]);
    expect(carried.pipelines.map((p) => p.coin)).toEqual(["BTC"]);
    // The rolled engine takes it (the full old state it refuses: #150 is not one of its pipelines).
    expect(MarketEngine.create(next.value.engine, carried).ok).toBe(true);
    expect(MarketEngine.create(next.value.engine, state).ok).toBe(false);
  });
});
