/**
 * Types of the queue-aware matching model: our own orders against a replayed public book and
 * its recorded trades. Prices and sizes are integers on the market's grid (ticks of
 * 10^-pxDecimals, lots of 10^-szDecimals); every call carries its own time, so the model is
 * the same whether the local simulator or the backtest engine drives it.
 */
import type { Px, Sz } from "../core/units";

export type Side = "buy" | "sell";

/** Hyperliquid's time-in-force values (FrontendMarket is what the web app sends for market orders). */
export type Tif = "Gtc" | "Ioc" | "Alo" | "FrontendMarket";

export interface FeeRates {
  /** Parts per million of notional; 150 = 0.015 %. Negative = rebate. */
  makerPpm: number;
  takerPpm: number;
}

/**
 * One market of the model. A HIP-4 outcome is one merged book: its side-0 coin is primary and
 * its side-1 coin the dual, where buying the dual at q is selling the primary at 1 − q.
 */
export interface MarketSpec {
  coin: string;
  pxDecimals: number;
  szDecimals: number;
  fees: FeeRates;
  /** Coin of the mirrored leg (HIP-4 side 1); its prices are `10^pxDecimals − px`. */
  dualCoin?: string;
}

/** An order entering the model, in the coordinates of the coin it names (primary or dual). */
export interface OrderIn {
  oid: number;
  owner: string;
  coin: string;
  side: Side;
  px: Px;
  sz: Sz;
  tif: Tif;
}

/** Why a fill happened: we took liquidity, a recorded trade reached us, or the book crossed our price. */
export type FillSource = "take" | "trade" | "depletion";

export interface MatchFill {
  oid: number;
  owner: string;
  /** The coin and side the order was placed with (a dual order fills in dual coordinates). */
  coin: string;
  side: Side;
  px: Px;
  sz: Sz;
  /** True when this order was the taker. */
  crossed: boolean;
  source: FillSource;
  /** Fee in micro-units of the quote token (6 decimals); negative = rebate. */
  feeMicros: number;
  /** Size left open on the order after this fill. */
  remaining: Sz;
  ts: number;
  /** The recorded trade id behind a `trade` fill. */
  tid?: string;
}

/** An order leaving the book other than by filling completely. */
export interface Closed {
  oid: number;
  owner: string;
  status: "selfTradeCanceled";
}

export interface MatchOutput {
  fills: MatchFill[];
  closed: Closed[];
}

export type SubmitOutcome =
  | { kind: "rejected"; reason: "aloWouldCross"; bbo: { bid: Px | null; ask: Px | null } }
  /** `output` holds the self-trade cancels an IOC that met only our own orders caused. */
  | { kind: "rejected"; reason: "iocNoMatch"; output: MatchOutput }
  | { kind: "done"; rested: boolean; filled: Sz; output: MatchOutput };

export interface RestingView {
  oid: number;
  owner: string;
  coin: string;
  side: Side;
  px: Px;
  /** Size still open. */
  sz: Sz;
  origSz: Sz;
  tif: Tif;
  /** Recorded size queued ahead of this order at its price (Infinity: not yet seen on the book). */
  ahead: number;
}

export interface LevelView {
  px: Px;
  sz: Sz;
  /** Resting orders at the level: recorded count when known (else 1 for a non-empty recorded level) plus ours. */
  n: number;
}

export type MatchError =
  | { kind: "badNumber"; field: string; value: string }
  | { kind: "wrongCoin"; coin: string }
  | { kind: "unknownOrder"; oid: number };
