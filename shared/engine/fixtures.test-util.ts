/** Shared setup for the engine tests (not a test file): instruments, configs, events from the HIP-4 recording. */
import { BOT_DEFAULTS, resolveMarket, type MarketConfig } from "../config";
import type { BboEvent, BookEvent, LevelStr } from "../events";
import type { Instrument } from "../execution/types";
import { defaultPipelineConfig, type PipelineConfig } from "../pipeline/config";
import type { AccountEngineConfig, MarketEngineConfig, OutcomeSpec } from "./types";

export const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:out15", groupSign: 1, minNotionalUsd: 10 };
export const NO: Instrument = { market: "hl:#151", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:out15", groupSign: -1, minNotionalUsd: 10 };
export const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear", minNotionalUsd: 10 };
/** Outcome 15 of the recording settles 2026-05-10 06:00 UTC. */
export const EXPIRY = Date.UTC(2026, 4, 10, 6, 0, 0);
export const OUTCOME: OutcomeSpec = { yes: YES, no: NO, expiryMs: EXPIRY };

export function params(over: { mm?: Partial<MarketConfig["mm"]> } = {}): MarketConfig {
  const r = resolveMarket(BOT_DEFAULTS, "hl:#150");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { ...r.value, mm: { ...r.value.mm, tick: "0.0001", ...over.mm } };
}

export function outcomePipeline(coin = "#150"): PipelineConfig {
  const c = defaultPipelineConfig(coin, { pxDecimals: 5, szDecimals: 0 });
  c.payout = 1;
  c.vol.priorAnnualised = 1;
  c.volRegime = { lowBelow: 0.5, highAbove: 3, hysteresis: 0.1 };
  c.liquidity = { depthLevels: 5, illiquidSpreadBps: 150, liquidSpreadBps: 60, illiquidDepth: 100, liquidDepth: 200 };
  return c;
}

export function btcPipeline(): PipelineConfig {
  const c = defaultPipelineConfig("BTC", { pxDecimals: 1, szDecimals: 5 });
  c.liquidity = { ...c.liquidity, depthLevels: 1, illiquidDepth: 5_000, liquidDepth: 10_000 };
  c.extreme = { ...c.extreme, depthCollapseFraction: 0 };
  return c;
}

export function mmConfig(over: Partial<MarketEngineConfig> = {}): MarketEngineConfig {
  return {
    id: "hl:#150",
    strategy: { kind: "mm", outcome: OUTCOME },
    params: params(),
    router: BOT_DEFAULTS.execution.router,
    feedback: BOT_DEFAULTS.feedback,
    pipelines: [outcomePipeline()],
    staleFeedMs: 10_000,
    ...over,
  };
}

export function accountConfig(over: Partial<AccountEngineConfig> = {}): AccountEngineConfig {
  return {
    cloidPrefix: "00000000000000aa",
    startingCashUsd: 10_000,
    instruments: [YES, NO, BTC],
    limits: { ...BOT_DEFAULTS.risk, max_per_market_qty: 250 },
    execution: BOT_DEFAULTS.execution,
    feedback: BOT_DEFAULTS.feedback,
    flattenSlippageBps: 100,
    retainFinishedMs: 60_000,
    ...over,
  };
}

const lv = (px: string, sz: string): LevelStr => ({ px, sz });

/** #150 books as recorded at 2026-05-10 04:00:08.135 and 04:00:08.681 UTC (top five levels each side). */
export const T0 = 1778385608135;
export const BOOK0: BookEvent = {
  kind: "book",
  venue: "hl",
  coin: "#150",
  ts: T0,
  bids: [lv("0.95236", "22"), lv("0.95234", "105"), lv("0.95205", "17"), lv("0.9515", "18"), lv("0.95139", "60")],
  asks: [lv("0.9555", "13"), lv("0.957", "1338"), lv("0.959", "125"), lv("0.96236", "103"), lv("0.96239", "2658")],
};
export const BOOK1: BookEvent = {
  ...BOOK0,
  ts: 1778385608681,
  bids: [lv("0.95234", "29"), lv("0.95205", "17"), lv("0.95139", "60"), lv("0.95109", "17"), lv("0.95012", "17")],
  asks: [lv("0.9555", "13"), lv("0.9565", "230"), lv("0.957", "1338"), lv("0.959", "125"), lv("0.96233", "103")],
};
/** BTC perp bbo of the same recording at 04:00:07.935 (prices are whole dollars there). */
export const BTC_BBO: BboEvent = { kind: "bbo", venue: "hl", coin: "BTC", ts: 1778385607935, bid: lv("80742", "6.18459"), ask: lv("80743", "8.46889") };
