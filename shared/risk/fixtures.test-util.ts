/** Shared test setup for the risk tests: limits, instruments and intents (not a test file). */
import { px, sz } from "../core/units";
import type { Instrument, OrderIntent } from "../execution/types";
import { createRiskState, registerInstrument } from "./state";
import type { RiskLimits, RiskState } from "./types";

export const LIMITS: RiskLimits = {
  max_open_orders_per_market: 4,
  max_per_market_qty: 10,
  per_market_qty: { "hl:out2": 100 },
  max_order_notional_usd: 1_000,
  max_gross_notional_usd: 2_000,
  max_drawdown_usd: 100,
  max_submits_per_min: 600,
  max_px_deviation_bps: 500,
  latency_anomaly_ms: 500,
  min_depth_usd: 50,
  slippage_limit_bps: 20,
  max_consecutive_slippage: 3,
  max_consecutive_signer_errors: 3,
  max_consecutive_venue_errors: 5,
  stale_feed_ms: 5_000,
  private_stream_silence_ms: 15_000,
  stop_on_disconnect: true,
  flatten_on_disconnect: false,
};

/** BTC perp: ticks of 0.1 USD, lots of 0.001 BTC. */
export const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 3, payoff: "linear" };
export const ETH: Instrument = { market: "hl:ETH", venue: "hl", pxDecimals: 2, szDecimals: 2, payoff: "linear" };
/** HIP-4 outcome 2: YES #20 and NO #21 net in one group; whole shares, 0.0001 ticks, 10 USD minimum. */
export const YES: Instrument = { market: "hl:#20", venue: "hl", pxDecimals: 4, szDecimals: 0, payoff: "binary", group: "hl:out2", groupSign: 1, minNotionalUsd: 10 };
export const NO: Instrument = { market: "hl:#21", venue: "hl", pxDecimals: 4, szDecimals: 0, payoff: "binary", group: "hl:out2", groupSign: -1, minNotionalUsd: 10 };

export function freshState(cash = 10_000, now = 0): RiskState {
  let s = createRiskState(cash, now, LIMITS);
  for (const inst of [BTC, ETH, YES, NO]) {
    const r = registerInstrument(s, inst);
    if (!r.ok) throw new Error(r.error.reason);
    s = r.value;
  }
  return { ...s, marks: { "hl:BTC": 100_000, "hl:ETH": 3_000, "hl:#20": 0.5, "hl:#21": 0.5 } };
}

let seq = 0;
export function intent(market: string, side: "buy" | "sell", lots: number, ticks: number): OrderIntent {
  seq++;
  return {
    cloid: `0x${seq.toString(16).padStart(32, "0")}`,
    market,
    venue: "hl",
    side,
    px: px(ticks),
    sz: sz(lots),
    tif: "Gtc",
    reduceOnly: false,
    tactic: "gtc",
    strategy: "manual",
    slot: `test:${seq}`,
    refPx: px(ticks),
    createdMs: 0,
  };
}
