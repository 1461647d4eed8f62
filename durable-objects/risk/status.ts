/**
 * RiskDO.status(): cheap enough for the StatusHub's 4 Hz pull (no SQL beyond the kept counters):
 * the risk state in the api's words, why the account is not trading when it is not, the private
 * stream, the last reconciliation, the dead man's switch, the signer's nonce and the feeds the
 * MarketDOs reported down.
 */
import type { ConfigIssue } from "../../shared/config";
import type { AccountView } from "../../shared/engine/types";
import type { Mode } from "../../shared/risk";
import type { DeadManState } from "../../shared/runtime/account/dead-man";
import type { FeedDown } from "../../shared/runtime/account/feeds";
import type { DayOpen } from "../../shared/runtime/account/pnl-history";
import type { StageHistogramsView } from "../../shared/runtime/latency-histogram";
import type { VenueClock } from "../../shared/runtime/account/venue-clock";
import type { PrivateStreamStatus } from "./private-stream";
import type { ReconcileReport } from "./reconciler";

/** booting: restoring, reaching the signer and the venue; syncing: waiting for the private stream and a clean reconciliation. */
export type Phase = "booting" | "syncing" | "ready" | "broken";

export interface RiskStatus {
  state: "ACTIVE" | "REDUCING" | "HALTED";
  mode: Mode;
  phase: Phase;
  /** Submits are accepted (restored, private stream up, reconciled since the last start). */
  ready: boolean;
  problem: string | null;
  configIssues: ConfigIssue[];
  account: AccountView | null;
  stream: PrivateStreamStatus | null;
  lastReconcile: ReconcileReport | null;
  scheduleCancel: DeadManState & { wanted: boolean };
  signer: { address: string | null; lastNonce: number | null; calls: number; failures: number };
  /** Registered MarketDO ids and their instrument markets. */
  markets: Record<string, string[]>;
  feedsDown: Record<string, FeedDown>;
  venueClock: VenueClock;
  /** Audit rows by kind (decision, refused, risk, order, ack, fill, ...). */
  audit: Record<string, number>;
  background: { failed: number; lastError: string | null };
  /** The send loop: execute calls, rounds of answers fed back, orderStatus queries and their failures. */
  desk: { executes: number; rounds: number; queries: number; queryFailures: number };
}

/** What RiskDO.status() answers: the session's status with the PnL history's figures (pnl-log.ts). */
export interface RiskStatusView extends RiskStatus {
  /** Equity now minus the equity at 00:00 UTC, USD (null before the account has an equity). */
  pnlTodayUsd: number | null;
  pnlDay: DayOpen | null;
  /** Order-path stage histograms from the ack records (latency-log.ts); counts since `since` and a 5-min window. */
  latency: StageHistogramsView & { since: number };
}

const STATE: Record<Mode, RiskStatus["state"]> = { active: "ACTIVE", reducing: "REDUCING", halted: "HALTED" };

/** Not ready is HALTED whatever the engine says: no order can pass. */
export function stateOf(mode: Mode, ready: boolean): RiskStatus["state"] {
  return ready ? STATE[mode] : "HALTED";
}
