/**
 * What a MarketDO calls on the RiskDO (durable-objects/README.md, "What the MarketDO calls on the
 * RiskDO"): the contract between the two runtime halves, written down as a type so the market
 * side is checked against it.
 */
import type { BotConfig } from "../../config";
import type { AccountSlice, MarketDecision } from "../../engine/types";
import type { Instrument } from "../../execution/types";

export interface SubmitTiming {
  /** Local time the frame that led to the decision was received. */
  frameAt: number;
  decidedAt: number;
}

export interface RiskForMarkets {
  submit(decision: MarketDecision, timing: SubmitTiming): Promise<AccountSlice>;
  feedDown(market: string, reason: string): Promise<unknown>;
  feedUp(market: string): Promise<unknown>;
  registerMarket(spec: { market: string; instruments: Instrument[] }): Promise<unknown>;
  /** The account as the engines named (engine ids) see it; a market asks on start and on every alarm. */
  slice(markets: string[]): Promise<AccountSlice>;
  getConfig(): Promise<BotConfig>;
}
