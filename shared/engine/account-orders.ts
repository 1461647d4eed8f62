/**
 * The order path of the AccountEngine: a MarketDecision becomes cancels and gated new orders,
 * and every answer about an order (send result, cancel result, status, order update, timeout)
 * moves the order manager and the risk reservation together.
 */
import { parseScaled } from "../core/decimal";
import type { OrderUpdateEvent } from "../events";
import { isTerminal, ownsCloid, type ManagedOrder, type VenueOrderStatus } from "../execution/order-manager";
import { applyRequote, churnBudget, planRequote, staleOrders, unansweredOrders } from "../execution/requote";
import { gate, modeFor, observeSigner, observeVenue } from "../risk";
import { statusClass } from "../venues/hyperliquid/schema-common";
import { cancelOpen, newOutput, orderEvent, riskRecord, settleRisk, takeTransition, type AccountCtx } from "./account-core";
import type { AccountOutput, CancelResult, MarketDecision, SendResult } from "./types";

export function submit(c: AccountCtx, d: MarketDecision, nowMs: number): AccountOutput {
  const o = newOutput();
  let churn = c.s.churn[d.engine] ?? churnBudget(d.churnPerMin, nowMs);
  if (churn.capacity !== d.churnPerMin) churn = { ...churn, capacity: d.churnPerMin, tokens: Math.min(churn.tokens, d.churnPerMin) };
  const plan = planRequote(c.s.book, d.slots, d.quotes, d.requote, churn, nowMs);
  c.s.churn[d.engine] = plan.churn;
  o.held.push(...plan.held);
  const applied = applyRequote(c.s.book, { cancels: plan.batch.cancels, places: [...plan.batch.places, ...d.orders] }, nowMs);
  c.s.book = applied.book;
  o.cancels.push(...plan.batch.cancels);
  for (const e of applied.errors) {
    if (e.kind === "slot_busy" || e.kind === "slot_unresolved") o.held.push({ slot: e.slot, why: e.kind === "slot_busy" ? "slot has an open order" : "order outcome unknown" });
    else o.errors.push({ kind: "order", detail: JSON.stringify(e) });
  }
  for (const intent of applied.intents) {
    c.s.counts.submitted++;
    const before = c.s.risk;
    const g = gate(c.s.risk, intent, c.config.limits, nowMs);
    o.records.push(riskRecord(c, before, intent, g.decision, d.engine, d.seq, nowMs));
    c.s.risk = g.state;
    orderEvent(c, intent.cloid, { kind: "risk", decision: g.decision }, nowMs, o);
    if (g.decision.kind === "reject") c.s.counts.rejected++;
    else {
      if (g.decision.kind === "pass") c.s.counts.passed++;
      else c.s.counts.resized++;
      // Marked sent before the I/O: the RiskDO persists, then sends; after a crash the order is
      // treated as possibly live and resolved by asking the venue, never assumed unsent.
      orderEvent(c, intent.cloid, { kind: "signed" }, nowMs, o);
      orderEvent(c, intent.cloid, { kind: "sent" }, nowMs, o);
      o.orders.push({ ...intent, sz: g.decision.sz });
      c.s.counts.sent++;
    }
    takeTransition(c, { state: c.s.risk, actions: g.actions }, nowMs, o);
  }
  return o;
}

/** A resting order that lands in a halted market is pulled at once (its cancel could not be sent earlier). */
function pullIfHalted(c: AccountCtx, ord: ManagedOrder, nowMs: number, o: AccountOutput): void {
  if (modeFor(c.s.risk, ord.intent.market).mode !== "halted") return;
  cancelOpen(c, (m) => m === ord.intent.market, "risk", nowMs, o);
}

export function onSendResult(c: AccountCtx, cloid: string, r: SendResult, nowMs: number): AccountOutput {
  const o = newOutput();
  const ord = c.s.book.orders[cloid];
  if (ord === undefined) {
    o.errors.push({ kind: "order", detail: `send result for unknown cloid ${cloid}` });
    return o;
  }
  const limits = c.config.limits;
  if (r.kind !== "denied") takeTransition(c, observeSigner(c.s.risk, true, limits, nowMs), nowMs, o);
  switch (r.kind) {
    case "resting":
      orderEvent(c, cloid, { kind: "ack_resting", oid: r.oid }, nowMs, o);
      takeTransition(c, observeVenue(c.s.risk, true, limits, nowMs), nowMs, o);
      break;
    case "filled":
      orderEvent(c, cloid, { kind: "ack_filled", oid: r.oid, totalSz: r.totalLots, avgPx: r.avgPx }, nowMs, o);
      takeTransition(c, observeVenue(c.s.risk, true, limits, nowMs), nowMs, o);
      break;
    case "rejected":
      c.s.counts.venueRejects++;
      orderEvent(c, cloid, { kind: "ack_error", message: r.reason }, nowMs, o);
      takeTransition(c, observeVenue(c.s.risk, true, limits, nowMs), nowMs, o);
      break;
    case "error":
      orderEvent(c, cloid, { kind: "ack_error", message: r.message }, nowMs, o);
      takeTransition(c, observeVenue(c.s.risk, false, limits, nowMs, r.message), nowMs, o);
      break;
    case "denied":
      orderEvent(c, cloid, { kind: "ack_error", message: `denied: ${r.reason}` }, nowMs, o);
      takeTransition(c, observeSigner(c.s.risk, false, limits, nowMs, r.reason), nowMs, o);
      break;
    case "unknown":
      c.s.counts.unknown++;
      orderEvent(c, cloid, { kind: "ambiguous", cause: r.cause }, nowMs, o);
      o.queries.push({ cloid, oid: ord.oid });
      takeTransition(c, observeVenue(c.s.risk, false, limits, nowMs, `unknown outcome: ${r.cause}`), nowMs, o);
      break;
  }
  settleRisk(c, cloid);
  const now = c.s.book.orders[cloid]!;
  if (now.status === "resting" || now.status === "partially_filled") pullIfHalted(c, now, nowMs, o);
  if (isTerminal(now.status)) o.changed.push(now.intent.market);
  return o;
}

export function onCancelResult(c: AccountCtx, cloid: string, r: CancelResult, nowMs: number): AccountOutput {
  const o = newOutput();
  const ord = c.s.book.orders[cloid];
  if (ord === undefined) return o;
  if (r.kind === "ok") {
    c.s.counts.cancels++;
    orderEvent(c, cloid, { kind: "cancelled", reason: "cancelled" }, nowMs, o);
    // The venue's cancel answer does not say how much filled before the cancel, and fills of
    // that block may still be on their way over the private stream. The reservation stays until
    // the venue's own account of the order (orderUpdates or orderStatus) gives its filled size,
    // so worst-case exposure is never understated in between (tick asks if nothing comes).
    o.changed.push(ord.intent.market);
  } else if (!isTerminal(ord.status)) {
    // Not cancellable: it filled, was cancelled meanwhile, or the answer was lost. Ask.
    o.queries.push({ cloid, oid: ord.oid });
  }
  return o;
}

export function onStatus(c: AccountCtx, cloid: string, a: VenueOrderStatus, nowMs: number): AccountOutput {
  const o = newOutput();
  const ord = c.s.book.orders[cloid];
  if (ord === undefined) return o;
  orderEvent(c, cloid, { kind: "status", answer: a }, nowMs, o);
  settleRisk(c, cloid);
  if (isTerminal(c.s.book.orders[cloid]!.status)) o.changed.push(ord.intent.market);
  return o;
}

/** The orderUpdates stream, normalised to a status answer. */
export function onOrderUpdate(c: AccountCtx, u: OrderUpdateEvent, nowMs: number): AccountOutput {
  const market = `${u.venue}:${u.coin}`;
  const inst = c.inst[market];
  const cloid = u.cloid !== undefined && u.cloid in c.s.book.orders ? u.cloid : findByOid(c, u.oid);
  if (cloid === undefined) {
    const o = newOutput();
    if (u.cloid !== undefined && ownsCloid(c.s.book, u.cloid)) o.queries.push({ cloid: u.cloid, oid: u.oid });
    return o;
  }
  if (inst === undefined) return { ...newOutput(), errors: [{ kind: "unknown_market", market }] };
  const left = parseScaled(u.sz, inst.szDecimals);
  const orig = parseScaled(u.origSz, inst.szDecimals);
  if (left === null || orig === null) return { ...newOutput(), errors: [{ kind: "bad_number", field: "orderUpdate.sz", value: `${u.sz}/${u.origSz}` }] };
  const cls = statusClass(u.status);
  const answer: VenueOrderStatus | null =
    cls === "open" || cls === "triggered"
      ? { kind: "open", oid: u.oid, filledSz: orig - left }
      : cls === "filled"
        ? { kind: "filled", oid: u.oid, filledSz: orig }
        : cls === "canceled"
          ? { kind: "cancelled", oid: u.oid, filledSz: orig - left, reason: u.status }
          : cls === "rejected"
            ? { kind: "rejected", reason: u.status }
            : null;
  if (answer === null) return { ...newOutput(), queries: [{ cloid, oid: u.oid }] };
  return onStatus(c, cloid, answer, nowMs);
}

export function findByOid(c: AccountCtx, oid: number): string | undefined {
  for (const cloid in c.s.book.orders) if (c.s.book.orders[cloid]!.oid === oid) return cloid;
  return undefined;
}

/** The alarm: unanswered sends become UNKNOWN and are asked about; stale quotes are cancelled; finished orders are forgotten. */
export function tick(c: AccountCtx, nowMs: number): AccountOutput {
  const o = newOutput();
  const ex = c.config.execution;
  for (const cloid of unansweredOrders(c.s.book, nowMs, ex.ack_timeout_ms)) {
    c.s.counts.unknown++;
    orderEvent(c, cloid, { kind: "ambiguous", cause: "timeout" }, nowMs, o);
  }
  for (const cloid in c.s.book.orders) {
    const ord = c.s.book.orders[cloid]!;
    if (ord.status === "unknown") o.queries.push({ cloid, oid: ord.oid });
    // Finished here but still reserved: the venue has not yet said how much of it filled.
    else if (isTerminal(ord.status) && cloid in c.s.risk.orders && nowMs - ord.updatedMs >= ex.ack_timeout_ms) o.queries.push({ cloid, oid: ord.oid });
  }
  for (const req of staleOrders(c.s.book, nowMs, ex.stale_order_ms)) {
    if (orderEvent(c, req.cloid, { kind: "cancel_requested" }, nowMs, o)) o.cancels.push(req);
  }
  prune(c, nowMs);
  return o;
}

function prune(c: AccountCtx, nowMs: number): void {
  const keep = nowMs - c.config.retainFinishedMs;
  const orders = c.s.book.orders;
  let drop = false;
  for (const cloid in orders) {
    const ord = orders[cloid]!;
    if (isTerminal(ord.status) && ord.updatedMs < keep && !(cloid in c.s.risk.orders)) {
      drop = true;
      break;
    }
  }
  if (!drop) return;
  const next: typeof orders = {};
  for (const cloid in orders) {
    const ord = orders[cloid]!;
    if (!(isTerminal(ord.status) && ord.updatedMs < keep && !(cloid in c.s.risk.orders))) next[cloid] = ord;
  }
  c.s.book = { ...c.s.book, orders: next };
}
