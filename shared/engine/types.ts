/**
 * The engine API: what a MarketDO (MarketEngine) and the RiskDO (AccountEngine) exchange, and
 * what the backtest drives in their place. Every value here is plain structured-clonable data
 * (no class instances, no Maps, no functions), so it crosses a Durable Object RPC boundary and
 * a JSON column unchanged. Prices are integer ticks and sizes integer lots of the instrument
 * named next to them (shared/execution/types.ts), unless a field says USD or price units.
 */
import type { ExecutionConfig, FeedbackConfig } from "../config/execution";
import type { MarketConfig } from "../config/bot";
import type { TrustState } from "../feedback/trust";
import type { FillRateBook } from "../feedback/fill-rate";
import type { SlippageBook } from "../feedback/slippage";
import type { ManagedOrder, OrderBookState, UnknownCause } from "../execution/order-manager";
import type { ChurnBudget, RequotePolicy } from "../execution/requote";
import type { RouterThresholds } from "../execution/router";
import type { CancelByOid, CancelRequest, Instrument, OrderDraft, OrderIntent, QuoteTarget, Side } from "../execution/types";
import type { PipelineConfig } from "../pipeline/config";
import type { PersistedPipelineState } from "../pipeline/persistence";
import type { PipelineSnapshot } from "../pipeline/snapshot";
import type { ActiveTrigger, Decision, Mode, RiskLimits, RiskState } from "../risk/types";
import type { LedgerState } from "./ledger";

// ---------------------------------------------------------------------------------------------
// MarketEngine (one per market; the MarketDO)
// ---------------------------------------------------------------------------------------------

export type EngineStrategyKind = "mm" | "fixed" | "parity" | "ofi";

/**
 * A HIP-4 outcome: its YES (side 0) and NO (side 1) coins as instruments (markets "hl:#150",
 * "hl:#151"; one exposure group, YES sign +1, NO −1) and what outcomeMeta says about it.
 */
export interface OutcomeSpec {
  yes: Instrument;
  no: Instrument;
  /** Settlement time, exchange ms (outcomeMeta expiry). */
  expiryMs: number;
}

export type StrategySpec =
  /** Avellaneda-Stoikov / GLFT two-sided quotes on the merged YES/NO book (params.mm.model picks). */
  | { kind: "mm"; outcome: OutcomeSpec }
  /** The symmetric fixed-spread baseline: same size, same bounds, no inventory or volatility term. */
  | { kind: "fixed"; outcome: OutcomeSpec; halfSpread: number }
  /** BTC up/down outcome against the perp: IOC on the outcome when mispriced, delta hedge on the perp. */
  | { kind: "parity"; outcome: OutcomeSpec; perp: Instrument; strike: number }
  /** OFI + lead-lag on a perp; the lead's coin must be the lag pipeline's leadLag.lead. */
  | { kind: "ofi"; perp: Instrument };

export interface MarketEngineConfig {
  /** The engine's id (the MarketDO name), e.g. "hl:#150"; it prefixes every slot. */
  id: string;
  strategy: StrategySpec;
  /** This market's strategy knobs: `resolveMarket(botConfig, id)`. */
  params: MarketConfig;
  /** `execution.router` (OFI order type). */
  router: RouterThresholds;
  /** `feedback.trust`: trust scores learned online and fed to the alpha combiner. */
  feedback: FeedbackConfig;
  /**
   * One pipeline per coin the engine listens to; the first is the engine's own market (the YES
   * coin of an outcome, the traded perp). Parity adds the BTC perp; OFI's lead needs no pipeline
   * of its own (the lag pipeline's leadLag reads it).
   */
  pipelines: PipelineConfig[];
  /** A coin silent for longer than this pulls every quote (risk.stale_feed_ms). */
  staleFeedMs: number;
}

/** Why the engine wants what it wants, for the audit log (SPEC §1 principle 4). */
export interface DecisionContext {
  strategy: EngineStrategyKind;
  tradable: boolean;
  alpha: number;
  /** Fresh signal values of the engine's own market (null = absent or stale). */
  signals: Record<string, number | null>;
  regime: { liquidity: string; vol: string; extreme: boolean };
  /** The strategy's reference price, price units: micro-price (mm, fixed), fair P(YES) (parity), mid (ofi). */
  fair: number | null;
  /** Own market's mid, price units. */
  mid: number | null;
  /** Strategy inputs and outputs by name (σ, τ, q, γ, κ, reservation, Δ, edge, route ...). */
  inputs: Record<string, number | string | boolean | null>;
  notes: string[];
}

/** What one MarketEngine wants now. Sent to the RiskDO once per requote batch. */
export interface MarketDecision {
  engine: string;
  /** Counts up per engine; survives restarts. */
  seq: number;
  ts: number;
  /** The engine's quote slots: one without a quote in `quotes` gets its order pulled (one-shot orders' slots are not listed). */
  slots: string[];
  /** Quotes wanted resting now (requoted with hysteresis by the AccountEngine). */
  quotes: QuoteTarget[];
  /** One-shot orders (IOC entries, hedges); dropped if their slot still has an order open. */
  orders: OrderDraft[];
  /** Hysteresis and churn budget for this engine's quotes (from its mm knobs). */
  requote: RequotePolicy;
  churnPerMin: number;
  context: DecisionContext;
}

export interface MarketHolding {
  /** Signed lots held. */
  posLots: number;
  /** Lots in open (reserved or resting) buy / sell orders. */
  openBuyLots: number;
  openSellLots: number;
}

/** The account as one engine needs to see it (AccountEngine.slice). */
export interface AccountSlice {
  asOfMs: number;
  equityUsd: number;
  mode: Mode;
  /** By instrument market; markets without anything are absent (= all zero). */
  holdings: Record<string, MarketHolding>;
  /**
   * The engine's slots that hold an open order (not being cancelled), with what rests there. The
   * engine compares its targets with these, so a quote the account held back (too young, churn
   * budget) or lost (filled, cancelled) is asked for again.
   */
  liveOrders: Record<string, LiveOrder>;
}

export interface LiveOrder {
  market: string;
  side: Side;
  px: number;
  /** Lots still open. */
  sz: number;
  cloid: string;
}

/** Cheap 4 Hz view of one engine. */
export interface MarketEngineStatus {
  id: string;
  strategy: EngineStrategyKind;
  ts: number;
  tradable: boolean;
  mid: number | null;
  fair: number | null;
  alpha: number;
  quotes: QuoteTarget[];
  lastDecisionSeq: number;
}

export interface MarketEngineCounters {
  events: number;
  /** Events of coins the engine does not listen to. */
  ignored: number;
  /** Events a pipeline refused (bad numbers, crossed books ...). */
  refused: number;
  decisions: number;
  /** decide() calls that found nothing beyond tolerance. */
  unchanged: number;
}

export interface MarketEngineSnapshot {
  status: MarketEngineStatus;
  context: DecisionContext | null;
  pipelines: PipelineSnapshot[];
  counters: MarketEngineCounters;
}

/** What must survive an eviction (SPEC §12): vol estimates, OFI depths, regimes, trust, decision counter. */
export type EngineConfigError = { path: string; message: string };

export interface MarketEngineState {
  version: 1;
  id: string;
  seq: number;
  pipelines: PersistedPipelineState[];
  trust: TrustState;
}

// ---------------------------------------------------------------------------------------------
// AccountEngine (one per account; the RiskDO)
// ---------------------------------------------------------------------------------------------

export interface AccountEngineConfig {
  /** 16 lowercase hex digits, fixed per account: cloid = 0x + prefix + counter. */
  cloidPrefix: string;
  startingCashUsd: number;
  instruments: Instrument[];
  limits: RiskLimits;
  execution: ExecutionConfig;
  feedback: FeedbackConfig;
  /** How far through the mark a flatten IOC may reach, bps. */
  flattenSlippageBps: number;
  /** Finished orders are forgotten this long after their last update (bounds the state). */
  retainFinishedMs: number;
}

/** What came back from sending one order (the signer Worker's answer, classified). */
export type SendResult =
  | { kind: "resting"; oid: number }
  /** Matched at once: lots filled in all and their average price (ticks); an IOC's rest is gone. */
  | { kind: "filled"; oid: number; totalLots: number; avgPx: number }
  /** The venue refused this order as a matter of course (ALO would cross, IOC no match, minimum value). */
  | { kind: "rejected"; reason: string }
  /** The venue answered with an error that counts against the venue-error streak; nothing was placed. */
  | { kind: "error"; message: string }
  /** Never sent (the signer refused or failed before posting); counts against the signer streak. */
  | { kind: "denied"; reason: string }
  /** No usable answer (timeout, 5xx, dropped socket): the order may be live; resolved by the venue only. */
  | { kind: "unknown"; cause: UnknownCause };

export type CancelResult = { kind: "ok" } | { kind: "error"; message: string } | { kind: "unknown" };

/** One risk decision with its inputs, for the audit log. */
export interface RiskRecord {
  ts: number;
  engine: string | null;
  decisionSeq: number | null;
  cloid: string;
  market: string;
  side: Side;
  px: number;
  requestedLots: number;
  decision: Decision;
  mode: Mode;
  inputs: { posLots: number; pendingLongLots: number; pendingShortLots: number; openOrders: number; equityUsd: number; drawdownUsd: number; grossUsd: number };
}

export type AccountError =
  | { kind: "order"; detail: string }
  | { kind: "risk"; detail: string }
  | { kind: "unknown_market"; market: string }
  | { kind: "bad_number"; field: string; value: string }
  | { kind: "unknown_engine"; engine: string };

/** Everything the RiskDO must do after one AccountEngine call. */
export interface AccountOutput {
  /** Send these first (cancel by cloid). */
  cancels: CancelRequest[];
  /** Orders we hold no cloid for (foreign, adopted policy `cancel`). */
  cancelsByOid: CancelByOid[];
  /** Sign and send: approved, reserved, sizes already resized by risk. */
  orders: OrderIntent[];
  /** Ask the venue (orderStatus) about these. */
  queries: { cloid: string; oid: number | null }[];
  records: RiskRecord[];
  held: { slot: string; why: string }[];
  errors: AccountError[];
  /** Markets whose holdings changed: the engines trading them should get a fresh slice. */
  changed: string[];
}

export interface PositionView {
  market: string;
  lots: number;
  /** Size as the venue prints it. */
  qty: string;
  markUsd: number | null;
  valueUsd: number;
  realisedUsd: number;
  unrealisedUsd: number;
  feesUsd: number;
}

export interface OpenOrderView {
  cloid: string;
  market: string;
  side: Side;
  px: string;
  sz: string;
  filled: string;
  status: ManagedOrder["status"];
  strategy: string;
  slot: string;
  ageMs: number;
}

export interface AccountCounts {
  submitted: number;
  passed: number;
  resized: number;
  rejected: number;
  sent: number;
  fills: number;
  cancels: number;
  venueRejects: number;
  unknown: number;
}

/** The dashboard's account view (cheap: positions and open orders only). */
export interface AccountView {
  ts: number;
  mode: Mode;
  killed: boolean;
  killReason: string | null;
  cashUsd: number;
  equityUsd: number;
  equityPeakUsd: number;
  drawdownUsd: number;
  grossNotionalUsd: number;
  pnl: { realisedUsd: number; unrealisedUsd: number; feesUsd: number; totalUsd: number };
  positions: PositionView[];
  openOrders: OpenOrderView[];
  triggers: ActiveTrigger[];
  counts: AccountCounts;
}

/** Everything the RiskDO persists (plain JSON), restored with AccountEngine.restore. */
export interface AccountEngineState {
  version: 1;
  risk: RiskState;
  book: OrderBookState;
  ledger: LedgerState;
  churn: Record<string, ChurnBudget>;
  slippage: SlippageBook;
  fillRates: FillRateBook;
  /** Recent trade ids already applied (fills are deduplicated by tid, also after a restart). */
  seenTids: string[];
  counts: AccountCounts;
  lastMs: number;
}
