/**
 * Book-keeping transitions of the risk state. Each returns a new state (the input is never
 * mutated) plus the actions the RiskDO must carry out.
 *
 * Reservation: `gate` decides and, when the order passes (or is resized), reserves its
 * exposure at once, before the signer is awaited, so two intents in flight can never both use
 * the same headroom. The reservation lives until the venue says the order is done: a resting
 * ack keeps it, fills move it into the position, a close (cancel, expiry, rejection, IOC
 * remainder) releases what can no longer fill. An ambiguous outcome keeps it (worst case).
 */
import { err, ok, type Result } from "../core/result";
import type { OrderIntent, Side } from "../execution/types";
import { decide, submitTokens } from "./decide";
import { direction, drawdown, equity, exposureKey, lotsToUnits, pxUsd as toUsd } from "./state";
import type { Decision, Exposure, RiskAction, RiskLimits, RiskOrder, RiskState, Transition } from "./types";

export type RiskInputError = { kind: "unknown_instrument" | "unknown_order" | "bad_fill"; detail: string };

function withExposure(s: RiskState, key: string, f: (e: Exposure) => Exposure): RiskState {
  const e = s.exposures[key];
  return e === undefined ? s : { ...s, exposures: { ...s.exposures, [key]: f(e) } };
}

function pendingDelta(e: Exposure, dir: 1 | -1, lots: number, orders: number): Exposure {
  return dir === 1
    ? { ...e, pendingLongLots: e.pendingLongLots + lots, openOrders: e.openOrders + orders }
    : { ...e, pendingShortLots: e.pendingShortLots + lots, openOrders: e.openOrders + orders };
}

/** Reserves a passed or resized order's exposure (the decision's size, not the request's). */
export function reserve(s: RiskState, o: OrderIntent, d: Decision, limits: RiskLimits, nowMs: number): RiskState {
  if (d.kind === "reject") return s;
  const inst = s.instruments[o.market];
  if (inst === undefined || o.cloid in s.orders) return s;
  const order: RiskOrder = { cloid: o.cloid, market: o.market, side: o.side, lots: d.sz, filled: 0, px: o.px, state: "reserved", sinceMs: nowMs };
  const tokens = submitTokens(s, limits, nowMs) - 1;
  let next: RiskState = { ...s, orders: { ...s.orders, [o.cloid]: order }, submitBucket: { tokens, lastMs: nowMs } };
  // A key with no mark yet is priced at its first order until the feed marks it.
  if (s.marks[o.market] === undefined) next = { ...next, marks: { ...next.marks, [o.market]: toUsd(inst, o.px) } };
  return withExposure(next, exposureKey(inst), (e) => pendingDelta(e, direction(inst, o.side), d.sz, 1));
}

/** decide + reserve, and the kill switch when the decision found the drawdown limit breached. */
export function gate(s: RiskState, o: OrderIntent, limits: RiskLimits, nowMs: number): { state: RiskState; decision: Decision; actions: RiskAction[] } {
  const decision = decide(s, o, limits, nowMs);
  if (decision.kind === "reject" && decision.limit === "max_drawdown_usd" && !s.killed) {
    const k = kill(s, decision.reason, nowMs);
    return { state: k.state, decision, actions: k.actions };
  }
  return { state: reserve(s, o, decision, limits, nowMs), decision, actions: [] };
}

/** Drops a reservation whose order can no longer fill (cancelled, expired, rejected, never sent). */
export function release(s: RiskState, cloid: string): RiskState {
  const o = s.orders[cloid];
  if (o === undefined) return s;
  const inst = s.instruments[o.market];
  const { [cloid]: _gone, ...orders } = s.orders;
  const next = { ...s, orders };
  if (inst === undefined) return next;
  return withExposure(next, exposureKey(inst), (e) => pendingDelta(e, direction(inst, o.side), -o.lots, -1));
}

/**
 * The venue's answer about an order: resting, or closed (filled, cancelled, expired, rejected,
 * IOC remainder gone) after `totalFilledLots` in all.
 */
export type RiskAck = { kind: "resting" } | { kind: "closed"; totalFilledLots: number };

export function applyAck(s: RiskState, cloid: string, ack: RiskAck): Result<RiskState, RiskInputError> {
  const o = s.orders[cloid];
  // A close for an order already released (fully filled, or closed before) changes nothing.
  if (o === undefined) return ack.kind === "closed" ? ok(s) : err({ kind: "unknown_order", detail: cloid });
  if (ack.kind === "resting") return ok({ ...s, orders: { ...s.orders, [cloid]: { ...o, state: "resting" } } });
  // Only fills the venue reported but we have not applied yet can still arrive.
  const stillToCome = Math.max(0, Math.min(o.lots, ack.totalFilledLots - o.filled));
  if (stillToCome === 0) return ok(release(s, cloid));
  const inst = s.instruments[o.market];
  if (inst === undefined) return err({ kind: "unknown_instrument", detail: o.market });
  const dropped = o.lots - stillToCome;
  const next = { ...s, orders: { ...s.orders, [cloid]: { ...o, lots: stillToCome } } };
  return ok(withExposure(next, exposureKey(inst), (e) => pendingDelta(e, direction(inst, o.side), -dropped, 0)));
}

export interface RiskFill {
  /** Absent for fills of orders placed outside the system (settlements, manual trades). */
  cloid?: string;
  market: string;
  side: Side;
  lots: number;
  /** Ticks. */
  px: number;
  feeUsd: number;
}

/** Moves filled lots from the reservation into the position and revalues the account. */
export function applyFill(s: RiskState, f: RiskFill, limits: RiskLimits, nowMs: number): Result<Transition, RiskInputError> {
  const inst = s.instruments[f.market];
  if (inst === undefined) return err({ kind: "unknown_instrument", detail: f.market });
  if (!Number.isSafeInteger(f.lots) || f.lots <= 0 || !Number.isFinite(f.px) || f.px < 0 || !Number.isFinite(f.feeUsd)) {
    return err({ kind: "bad_fill", detail: `${f.lots}@${f.px}` });
  }
  const dir = direction(inst, f.side);
  const key = exposureKey(inst);
  let next: RiskState = s;
  const o = f.cloid === undefined ? undefined : s.orders[f.cloid];
  if (o !== undefined && o.market === f.market && o.side === f.side) {
    const take = Math.min(f.lots, o.lots);
    const left = o.lots - take;
    const orders = { ...s.orders };
    if (left === 0) delete orders[o.cloid];
    else orders[o.cloid] = { ...o, lots: left, filled: o.filled + take };
    next = withExposure({ ...s, orders }, key, (e) => pendingDelta(e, dir, -take, left === 0 ? -1 : 0));
  }
  const signed = f.side === "buy" ? f.lots : -f.lots;
  const pxUsd = toUsd(inst, f.px);
  next = {
    ...next,
    positions: { ...next.positions, [f.market]: (next.positions[f.market] ?? 0) + signed },
    cashUsd: next.cashUsd - lotsToUnits(inst, signed) * pxUsd - f.feeUsd,
    marks: next.marks[f.market] === undefined ? { ...next.marks, [f.market]: pxUsd } : next.marks,
  };
  next = withExposure(next, key, (e) => ({ ...e, posLots: e.posLots + dir * f.lots }));
  return ok(revalue(next, limits, nowMs));
}

/** New marks (USD per unit) from the feeds; equity, the peak and the drawdown follow. */
export function markToMarket(s: RiskState, marks: Record<string, number>, limits: RiskLimits, nowMs: number): Transition {
  const merged = { ...s.marks };
  for (const m in marks) {
    const v = marks[m]!;
    if (Number.isFinite(v) && v >= 0) merged[m] = v;
  }
  return revalue({ ...s, marks: merged }, limits, nowMs);
}

/** Equity at the marks; the peak only ratchets up; past max_drawdown_usd the kill switch latches. */
function revalue(s: RiskState, limits: RiskLimits, nowMs: number): Transition {
  const eq = equity(s);
  const next = { ...s, equityUsd: eq, equityPeakUsd: Math.max(s.equityPeakUsd, eq) };
  if (!next.killed && drawdown(next) > limits.max_drawdown_usd) {
    return kill(next, `max_drawdown_usd: ${drawdown(next).toFixed(2)} from peak ${next.equityPeakUsd.toFixed(2)}`, nowMs);
  }
  return { state: next, actions: [] };
}

/** Manual or automatic kill: nothing passes, every open order is cancelled. */
export function kill(s: RiskState, reason: string, nowMs: number): Transition {
  return {
    state: { ...s, killed: true, killReason: reason, killedMs: s.killed ? s.killedMs : nowMs },
    actions: [{ kind: "cancel_all", venue: "*", reason: `kill: ${reason}` }],
  };
}
