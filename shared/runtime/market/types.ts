/**
 * What the MarketDO is asked to run and what it reports, as plain structured-clonable data (it
 * crosses Durable Object RPC and goes into SQLite as JSON). The RPC surface is described in
 * durable-objects/README.md.
 */
import type { MarketConfig } from "../../config";
import type { MarketEngineSnapshot, MarketEngineStatus } from "../../engine/types";
import type { MarketLive } from "./live-view";
import type { OutcomeTrack } from "./outcome-roll";

/** Which strategy a market runs; the rest (instruments, expiry, strike) comes from venue metadata. */
export type StrategyRequest =
  /** Avellaneda-Stoikov / GLFT on a HIP-4 outcome's YES/NO books (market = the side-0 coin). */
  | { kind: "mm" }
  /** The symmetric fixed-spread baseline on an outcome; half-spread in price units. */
  | { kind: "fixed"; halfSpread: number }
  /** The outcome against the perp of its underlying (`perp` = that perp's wire coin, e.g. "BTC"). */
  | { kind: "parity"; perp: string }
  /** OFI + lead-lag on a perp; `lead` defaults to ofi.lead_symbol on the lag's own dex. */
  | { kind: "ofi"; lead?: string };

export interface MarketRequest {
  /** Engine id = the MarketDO name; prefixes every slot (e.g. "hl:#150", "hl:#150~parity"). */
  id: string;
  /** The engine's own market, "<venue>:<coin>" (e.g. "hl:#150", "hl:rpl:ETH"). */
  market: string;
  strategy: StrategyRequest;
  enabled?: boolean;
  /** A recurring outcome: after it settles, trade the next instance of its series (outcome-roll.ts). */
  roll?: boolean;
  /** Set by a roll: the market first configured, after which the engine id stays named. */
  origin?: string;
}

/** A refusal naming the field (config paths, request fields, venue facts). */
export interface SetupIssue {
  path: string;
  message: string;
}

export interface FeedStatus {
  /** Socket phase: down (backing off or disabled), connecting, up. */
  phase: "down" | "connecting" | "up";
  /** Every watched book delivered since the last (re)connect: the view is whole. */
  synced: boolean;
  since: number;
  attempt: number;
  /** Times the view was lost (socket dropped or a feed stalled). */
  resyncs: number;
  lastResyncReason: string | null;
  lastFrameAt: number | null;
  lastError: string | null;
  frames: { ok: number; bad: number };
  coins: string[];
}

export interface SubmitStatus {
  sent: number;
  /** Decisions replaced by a newer one while a submit was in flight (latest wins). */
  superseded: number;
  failed: number;
  inFlight: boolean;
  lastError: string | null;
}

export interface MarketStatus extends MarketEngineStatus {
  market: string;
  enabled: boolean;
  feed: FeedStatus;
  submits: SubmitStatus;
  /** Decisions emitted by the engine since it was built. */
  decisions: number;
  /** Top of book, signals, regimes and strategy inputs (live-view.ts), rebuilt at most every 200 ms. */
  live: MarketLive;
  /** An outcome market: the instance it trades (coin, expiry), settled or rolled; null otherwise. */
  outcome?: OutcomeTrack | null;
}

/** Stage times of one emitted decision (local ms; workerd's clock only advances across I/O). */
export interface DecisionTiming {
  seq: number;
  /** Coin of the frame that led to the decision, and that frame's exchange time (null: alarm). */
  coin: string | null;
  frameTs: number | null;
  frameAt: number;
  decidedAt: number;
  submittedAt: number | null;
  answeredAt: number | null;
  quotes: number;
  orders: number;
}

export interface MarketSnapshot {
  request: MarketRequest;
  status: MarketStatus;
  /** The knobs the engine runs with: the bot config resolved for this market. */
  params: MarketConfig;
  engine: MarketEngineSnapshot;
  timings: DecisionTiming[];
}
