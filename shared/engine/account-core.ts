/**
 * The AccountEngine's working parts shared by its operations: the context they act on, the
 * output they fill, how the risk reservation follows an order's lifecycle, how risk actions
 * become cancels, and the audit record of a risk decision.
 */
import { applyOrderEvent, isTerminal, type OrderBookState, type OrderEvent } from "../execution/order-manager";
import type { CancelReason, Instrument, OrderIntent } from "../execution/types";
import { recordOrderOutcome } from "../feedback/fill-rate";
import { applyAck, exposureKey, grossNotional, drawdown, modeFor, type Decision, type RiskAction, type RiskState, type Transition } from "../risk";
import { flattenOrders } from "./account-flatten";
import type { AccountEngineConfig, AccountEngineState, AccountOutput, RiskRecord } from "./types";

export interface AccountCtx {
  readonly config: AccountEngineConfig;
  readonly inst: Readonly<Record<string, Instrument>>;
  s: AccountEngineState;
}

export const newOutput = (): AccountOutput => ({ cancels: [], cancelsByOid: [], orders: [], queries: [], records: [], held: [], errors: [], changed: [] });

/** Removes duplicate market names from `changed` (the last step of every operation). */
export function finish(o: AccountOutput): AccountOutput {
  if (o.changed.length > 1) o.changed = [...new Set(o.changed)];
  return o;
}

/** Applies an order-manager event; a refused transition is reported, never thrown. */
export function orderEvent(c: AccountCtx, cloid: string, e: OrderEvent, nowMs: number, o: AccountOutput): boolean {
  const r = applyOrderEvent(c.s.book, cloid, e, nowMs);
  if (!r.ok) {
    o.errors.push({ kind: "order", detail: JSON.stringify(r.error) });
    return false;
  }
  const before = c.s.book.orders[cloid];
  c.s.book = r.value;
  const after = c.s.book.orders[cloid];
  if (before !== undefined && after !== undefined && !isTerminal(before.status) && isTerminal(after.status)) {
    c.s.fillRates = recordOrderOutcome(c.s.fillRates, after.intent.tactic, after.sz, Math.max(after.filled, after.venueFilled));
  }
  return true;
}

/**
 * Keeps the risk reservation in step with the order: an acknowledged open order rests; a
 * finished one releases everything except fills the venue reported that have not arrived yet.
 */
export function settleRisk(c: AccountCtx, cloid: string): void {
  const ord = c.s.book.orders[cloid];
  if (ord === undefined || !(cloid in c.s.risk.orders)) return;
  if (isTerminal(ord.status)) {
    const r = applyAck(c.s.risk, cloid, { kind: "closed", totalFilledLots: Math.max(ord.filled, ord.venueFilled) });
    if (r.ok) c.s.risk = r.value;
  } else if ((ord.status === "resting" || ord.status === "partially_filled") && c.s.risk.orders[cloid]!.state !== "resting") {
    const r = applyAck(c.s.risk, cloid, { kind: "resting" });
    if (r.ok) c.s.risk = r.value;
  }
}

/** Cancels every open order matching `which` that is not already being cancelled. */
export function cancelOpen(c: AccountCtx, which: (market: string, inst: Instrument | undefined) => boolean, reason: CancelReason, nowMs: number, o: AccountOutput): void {
  const book: OrderBookState = c.s.book;
  for (const cloid in book.orders) {
    const ord = book.orders[cloid]!;
    if (isTerminal(ord.status) || ord.cancelRequested) continue;
    // A submit still in flight cannot be cancelled reliably (the cancel may overtake it); it is
    // cancelled when its acknowledgement arrives into a halted market (see onSendResult).
    if (ord.status === "intent" || ord.status === "approved" || ord.status === "signed" || ord.status === "sent") continue;
    if (!which(ord.intent.market, c.inst[ord.intent.market])) continue;
    if (orderEvent(c, cloid, { kind: "cancel_requested" }, nowMs, o)) o.cancels.push({ cloid, market: ord.intent.market, reason });
  }
}

/** Carries out what a risk transition asked for (kill -> cancel all, halting trigger -> cancel its scope). */
export function applyRiskActions(c: AccountCtx, actions: readonly RiskAction[], nowMs: number, o: AccountOutput): void {
  for (const a of actions) {
    if (a.kind === "cancel_all") cancelOpen(c, (_m, inst) => a.venue === "*" || inst?.venue === a.venue, "risk", nowMs, o);
    else if (a.kind === "cancel_market") cancelOpen(c, (m, inst) => m === a.market || (inst !== undefined && exposureKey(inst) === a.market), "risk", nowMs, o);
    else flattenOrders(c, a.venue, nowMs, o);
  }
}

export function takeTransition(c: AccountCtx, t: Transition, nowMs: number, o: AccountOutput): void {
  c.s.risk = t.state;
  applyRiskActions(c, t.actions, nowMs, o);
}

/** The audit record of one risk decision, with the exposure it was taken against (`r`: the state before). */
export function riskRecord(c: AccountCtx, r: RiskState, intent: OrderIntent, d: Decision, engine: string | null, seq: number | null, nowMs: number): RiskRecord {
  const inst = c.inst[intent.market];
  const e = inst === undefined ? undefined : r.exposures[exposureKey(inst)];
  return {
    ts: nowMs,
    engine,
    decisionSeq: seq,
    cloid: intent.cloid,
    market: intent.market,
    side: intent.side,
    px: intent.px,
    requestedLots: intent.sz,
    decision: d,
    mode: modeFor(r, intent.market).mode,
    inputs: {
      posLots: e?.posLots ?? 0,
      pendingLongLots: e?.pendingLongLots ?? 0,
      pendingShortLots: e?.pendingShortLots ?? 0,
      openOrders: e?.openOrders ?? 0,
      equityUsd: r.equityUsd,
      drawdownUsd: drawdown(r),
      grossUsd: grossNotional(r),
    },
  };
}
