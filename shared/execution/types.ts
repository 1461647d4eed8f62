/**
 * The vocabulary of order entry shared by strategies, the risk gate, the order manager, the
 * runtime (MarketDO/RiskDO) and the backtest. Prices are integer ticks and sizes integer lots
 * of the order's instrument (see `Instrument`), so nothing drifts between decision and wire.
 */
import type { Px, Sz } from "../core/units";
import type { Venue } from "../events";

export type Side = "buy" | "sell";

/** Hyperliquid time in force: Alo = post-only (cancelled instead of matching), Ioc, Gtc. */
export type Tif = "Alo" | "Ioc" | "Gtc";

/**
 * How an order is meant to trade (SPEC §9 tactics). `reduce_only` is a strategy-level promise:
 * HIP-4 has no venue reduce-only flag, so it means "this order only shrinks exposure".
 */
export type Tactic = "post_only" | "ioc" | "reduce_only" | "gtc";

export type StrategyId = "mm" | "arb" | "parity" | "ofi" | "hedge" | "manual" | "adopted";

/** Static description of a tradable contract, registered with risk and execution once. */
export interface Instrument {
  /** Instrument key used everywhere, e.g. "hl:BTC", "hl:#20", "pm:<token id>", "ks:<ticker>". */
  market: string;
  venue: Venue;
  /** Price of one tick is 10^-pxDecimals (USD per unit). */
  pxDecimals: number;
  /** Size of one lot is 10^-szDecimals units (HIP-4 outcomes: 0, whole shares). */
  szDecimals: number;
  /** `binary`: pays 1 or 0 per unit (HIP-4, Polymarket, Kalshi); `linear`: perps and spot. */
  payoff: "linear" | "binary";
  /**
   * Contracts whose exposures net: the YES and NO coins of one HIP-4 outcome share a group,
   * YES with sign +1 and NO with sign -1 (long NO is short the outcome). Caps apply per group.
   */
  group?: string;
  groupSign?: 1 | -1;
  /** Smallest order value the venue accepts (HIP-4: 10 in the quote token). */
  minNotionalUsd?: number;
}

/** One order a strategy wants, after sizing and before risk. The cloid is allocated by the order book. */
export interface OrderDraft {
  market: string;
  venue: Venue;
  side: Side;
  px: Px;
  sz: Sz;
  tif: Tif;
  /** Venue reduce-only flag (always false on HIP-4, where the venue refuses it). */
  reduceOnly: boolean;
  tactic: Tactic;
  strategy: StrategyId;
  /**
   * The strategy's stable place for this order, e.g. "mm:hl:#20:bid". At most one live order
   * per slot, and never a new one while the slot's previous order is in an unknown state.
   */
  slot: string;
  /** Decision-time reference price (mid or micro-price, ticks) that slippage is measured against. */
  refPx: Px;
  createdMs: number;
}

/** A draft with its client order id: what risk decides on and the signer sends. */
export interface OrderIntent extends OrderDraft {
  /** 0x + 32 lowercase hex digits; allocated once by the order book and never reused. */
  cloid: string;
}

export type CancelReason = "requote" | "target_gone" | "stale" | "zombie" | "unknown_at_venue" | "cancel_all" | "risk";

/** Cancel by cloid (requotes never use Hyperliquid `modify`, a cancel-replace with known races). */
export interface CancelRequest {
  cloid: string;
  market: string;
  reason: CancelReason;
}

/** Venue order cancelled by oid when we hold no cloid for it (an order placed outside the system). */
export interface CancelByOid {
  oid: number;
  market: string;
  reason: CancelReason;
}

/** One requote step: cancels are sent before creates, so the book never carries both by design. */
export interface RequoteBatch {
  cancels: CancelRequest[];
  places: OrderDraft[];
}

/** A quote a strategy would like resting in a slot right now. */
export interface QuoteTarget {
  slot: string;
  market: string;
  venue: Venue;
  side: Side;
  px: Px;
  sz: Sz;
  tif: Tif;
  tactic: Tactic;
  strategy: StrategyId;
  refPx: Px;
}
