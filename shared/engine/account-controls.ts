/**
 * Operator controls and automatic triggers (SPEC §10) on the AccountEngine: each returns the
 * cancels (and, for flatten, the closing orders) the RiskDO must send. Marks revalue the
 * account; a drawdown past the limit latches the kill switch and cancels everything.
 */
import { err, ok, type Result } from "../core/result";
import type { Venue } from "../events";
import {
  kill as killRisk,
  markToMarket,
  observeDepth,
  observeLatency,
  observeLiveness,
  resume as resumeRisk,
  setReducing as setReducingRisk,
  venueDisconnected,
  venueReconnected,
  type Liveness,
  type ResumeError,
} from "../risk";
import { cancelOpen, newOutput, takeTransition, type AccountCtx } from "./account-core";
import { flattenOrders } from "./account-flatten";
import { ledgerMark } from "./ledger";
import type { AccountOutput } from "./types";

export function kill(c: AccountCtx, reason: string, nowMs: number): AccountOutput {
  const o = newOutput();
  takeTransition(c, killRisk(c.s.risk, reason, nowMs), nowMs, o);
  return o;
}

export function cancelAll(c: AccountCtx, nowMs: number): AccountOutput {
  const o = newOutput();
  cancelOpen(c, () => true, "cancel_all", nowMs, o);
  return o;
}

export function flatten(c: AccountCtx, nowMs: number): AccountOutput {
  const o = newOutput();
  flattenOrders(c, "*", nowMs, o);
  return o;
}

export function resume(c: AccountCtx, resetPeak: boolean): Result<AccountOutput, ResumeError> {
  const r = resumeRisk(c.s.risk, { resetPeak }, c.config.limits);
  if (!r.ok) return err(r.error);
  c.s.risk = r.value;
  return ok(newOutput());
}

export function setReducing(c: AccountCtx, detail: string, nowMs: number): AccountOutput {
  const o = newOutput();
  takeTransition(c, setReducingRisk(c.s.risk, detail, nowMs), nowMs, o);
  return o;
}

export function onLatency(c: AccountCtx, ms: number, nowMs: number, scope = "*"): AccountOutput {
  const o = newOutput();
  takeTransition(c, observeLatency(c.s.risk, ms, c.config.limits, nowMs, scope), nowMs, o);
  return o;
}

export function onDepth(c: AccountCtx, market: string, depthUsd: number, nowMs: number): AccountOutput {
  const o = newOutput();
  takeTransition(c, observeDepth(c.s.risk, market, depthUsd, c.config.limits, nowMs), nowMs, o);
  return o;
}

export function onLiveness(c: AccountCtx, l: Liveness, nowMs: number): AccountOutput {
  const o = newOutput();
  takeTransition(c, observeLiveness(c.s.risk, l, c.config.limits, nowMs), nowMs, o);
  return o;
}

export function onVenueDisconnected(c: AccountCtx, venue: Venue, nowMs: number): AccountOutput {
  const o = newOutput();
  takeTransition(c, venueDisconnected(c.s.risk, venue, c.config.limits, nowMs), nowMs, o);
  return o;
}

export function onVenueReconnected(c: AccountCtx, venue: Venue): AccountOutput {
  c.s.risk = venueReconnected(c.s.risk, venue);
  return newOutput();
}

/** Marks in USD per unit by market; the ledger keeps them one decimal finer than the price grid. */
export function onMarks(c: AccountCtx, marksUsd: Readonly<Record<string, number>>, nowMs: number): AccountOutput {
  const o = newOutput();
  for (const market in marksUsd) {
    const inst = c.inst[market];
    const m = marksUsd[market]!;
    if (inst === undefined) o.errors.push({ kind: "unknown_market", market });
    else if (Number.isFinite(m) && m >= 0) ledgerMark(c.s.ledger, inst, Math.round(m * 10 ** (inst.pxDecimals + 1)));
  }
  takeTransition(c, markToMarket(c.s.risk, marksUsd, c.config.limits, nowMs), nowMs, o);
  return o;
}
