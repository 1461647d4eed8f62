/**
 * The risk gate's vocabulary (SPEC §10). The whole state is one plain JSON value so the RiskDO
 * can persist it in SQLite and restore it after an eviction with the peak, the kill switch and
 * every reservation intact; every change goes through the pure transitions in this folder.
 */
import type { Sz } from "../core/units";
import type { Venue } from "../events";
import type { Instrument, Side } from "../execution/types";

/** Limits, in the config's own names (shared/config/risk.ts validates them). */
export interface RiskLimits {
  max_open_orders_per_market: number;
  /** Worst-case |position + pending| per market (or per outcome group), in contract units. */
  max_per_market_qty: number;
  /** Per market/group overrides of max_per_market_qty, keyed by instrument market or group. */
  per_market_qty: Record<string, number>;
  max_order_notional_usd: number;
  max_gross_notional_usd: number;
  /** Equity drop from its peak (not from the start) that sets the kill switch. */
  max_drawdown_usd: number;
  max_submits_per_min: number;
  /** A limit price further than this from the mark is refused as a fat finger. */
  max_px_deviation_bps: number;
  latency_anomaly_ms: number;
  min_depth_usd: number;
  slippage_limit_bps: number;
  max_consecutive_slippage: number;
  max_consecutive_signer_errors: number;
  max_consecutive_venue_errors: number;
  stale_feed_ms: number;
  private_stream_silence_ms: number;
  stop_on_disconnect: boolean;
  flatten_on_disconnect: boolean;
}

export type Mode = "active" | "reducing" | "halted";

/** Automatic and manual conditions that slow trading down or stop it. */
export type TriggerKind =
  | "latency_anomaly"
  | "depth_vanished"
  | "slippage_streak"
  | "signer_errors"
  | "venue_errors"
  | "stale_feed"
  | "private_stream_silent"
  | "venue_disconnected"
  | "naked_leg"
  | "manual_reducing";

export interface ActiveTrigger {
  kind: TriggerKind;
  /** "*" for everything, a market or group key, or "venue:<venue>". */
  scope: string;
  sinceMs: number;
  detail: string;
}

/** Names of what a decision can run into; every Resize and Reject carries one. */
export type LimitName =
  | "kill_switch"
  | "unknown_instrument"
  | "invalid_order"
  | "max_open_orders_per_market"
  | "max_per_market_qty"
  | "max_order_notional_usd"
  | "max_gross_notional_usd"
  | "max_drawdown_usd"
  | "max_submits_per_min"
  | "max_px_deviation_bps"
  | "min_notional_usd"
  | "reducing"
  | TriggerKind;

export type Decision =
  | { kind: "pass"; sz: Sz }
  | { kind: "resize"; sz: Sz; requested: Sz; limit: LimitName; reason: string }
  | { kind: "reject"; limit: LimitName; reason: string };

/** Exposure of one market or outcome group, in lots, in the group's direction (+1 = long YES). */
export interface Exposure {
  /** The instrument this key is priced through (for a group, its first registered member). */
  ref: string;
  posLots: number;
  /** Reserved and resting buys (group direction), counted as if they all fill. */
  pendingLongLots: number;
  pendingShortLots: number;
  openOrders: number;
}

/** An order holding a reservation: from the moment risk passes it until it is terminal. */
export interface RiskOrder {
  cloid: string;
  market: string;
  side: Side;
  /** Remaining lots still able to fill. */
  lots: number;
  /** Lots filled so far (applied to the position). */
  filled: number;
  /** Limit price, ticks. */
  px: number;
  /** `reserved`: passed, signer or venue answer pending (includes unknown outcomes). */
  state: "reserved" | "resting";
  sinceMs: number;
}

export interface RiskState {
  version: 1;
  killed: boolean;
  killReason: string | null;
  killedMs: number | null;
  triggers: Record<string, ActiveTrigger>;
  instruments: Record<string, Instrument>;
  /** Signed lots per market (per coin: YES and NO of one outcome are separate markets). */
  positions: Record<string, number>;
  /** USD per unit per market. */
  marks: Record<string, number>;
  /** Keyed by group when the instrument has one, else by market. */
  exposures: Record<string, Exposure>;
  orders: Record<string, RiskOrder>;
  cashUsd: number;
  equityUsd: number;
  equityPeakUsd: number;
  streaks: { slippage: number; signerErrors: number; venueErrors: number };
  /** Token bucket for max_submits_per_min. */
  submitBucket: { tokens: number; lastMs: number };
}

/** What the runtime must do after a transition (the RiskDO forwards these to the signer). */
export type RiskAction =
  | { kind: "cancel_all"; venue: Venue | "*"; reason: string }
  | { kind: "flatten"; venue: Venue | "*"; reason: string }
  | { kind: "cancel_market"; market: string; reason: string };

export interface Transition {
  state: RiskState;
  actions: RiskAction[];
}
