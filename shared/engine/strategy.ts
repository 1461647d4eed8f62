/**
 * What a MarketEngine's strategy sees and returns. A strategy reads the pipelines and the
 * account slice and says which quotes it wants resting and which one-shot orders it wants sent;
 * it never touches the order book or the risk state (SPEC §1 principle 2).
 */
import type { MarketConfig } from "../config/bot";
import type { RouterThresholds } from "../execution/router";
import type { Instrument, OrderDraft, QuoteTarget } from "../execution/types";
import type { MarketPipeline } from "../pipeline/market-pipeline";
import type { AccountSlice, EngineStrategyKind, MarketHolding } from "./types";

export interface StrategyInput {
  nowMs: number;
  /** The venue's clock (VenueClock): what an outcome's time to expiry is measured on. */
  venueNowMs: number;
  own: MarketPipeline;
  /** Every pipeline of the engine by its coin. */
  byCoin: ReadonlyMap<string, MarketPipeline>;
  slice: AccountSlice;
  params: MarketConfig;
  router: RouterThresholds;
}

export type Inputs = Record<string, number | string | boolean | null>;

export interface StrategyOutput {
  quotes: QuoteTarget[];
  orders: OrderDraft[];
  fair: number | null;
  inputs: Inputs;
  notes: string[];
}

export interface EngineStrategy {
  readonly kind: EngineStrategyKind;
  /** Slots of resting quotes (prefixed with the engine id); a quote slot without a target is pulled. */
  readonly quoteSlots: string[];
  /** Slots of one-shot orders (IOC): never requoted or pulled, only kept from doubling up. */
  readonly orderSlots: string[];
  readonly instruments: Instrument[];
  /** Coins whose feed must be live for the strategy to act (own first). */
  readonly requiredCoins: string[];
  /** Multiplier from the strategy's quoting grid to instrument ticks (requote tolerances). */
  readonly gridRatio: number;
  run(x: StrategyInput): StrategyOutput;
}

/** The wire coin of an instrument keyed "<venue>:<coin>". */
export const coinOf = (inst: Instrument): string => inst.market.slice(inst.venue.length + 1);

const NONE: MarketHolding = { posLots: 0, openBuyLots: 0, openSellLots: 0 };
export const holding = (s: AccountSlice, market: string): MarketHolding => s.holdings[market] ?? NONE;

/** Position plus every open order, as if all of them fill (the exposure a one-shot order sizes against). */
export const netWithOpen = (h: MarketHolding): number => h.posLots + h.openBuyLots - h.openSellLots;

export const emptyOutput = (notes: string[], inputs: Inputs = {}): StrategyOutput => ({ quotes: [], orders: [], fair: null, inputs, notes });
