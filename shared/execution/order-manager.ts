/**
 * The order manager (SPEC §9): the lifecycle of every order as a pure state machine.
 *
 *   intent -> approved (risk Pass/Resize) | rejected (risk Reject)
 *   approved -> signed -> sent -> resting -> partially_filled -> filled
 *                           |        └──────────> cancelled | expired
 *                           ├─> rejected (a definitive per-order venue error)
 *                           └─> unknown (timeout, 5xx, dropped socket, unparsable answer)
 *   unknown -> resolved only by what the venue says: an ack, a fill, an orderStatus or
 *   openOrders answer (see reconcile.ts).
 *
 * An ambiguous outcome is never a rejection (peers.md §1.2, Nautilus command outcome policy):
 * the order may be live. Client order ids are allocated here from a per-account prefix and a
 * counter that only grows, so a cloid is never reused, and a slot whose order is unknown
 * accepts no new order until that order is resolved: a retry can never double an order.
 */
import { err, ok, type Result } from "../core/result";
import { sz as toSz, type Sz } from "../core/units";
import type { Decision } from "../risk/types";
import type { OrderDraft, OrderIntent } from "./types";

export type OrderStatus =
  | "intent"
  | "approved"
  | "signed"
  | "sent"
  | "unknown"
  | "resting"
  | "partially_filled"
  | "filled"
  | "cancelled"
  | "rejected"
  | "expired";

export type UnknownCause = "timeout" | "http_5xx" | "socket_closed" | "parse_error";

const RANK: Record<OrderStatus, number> = {
  intent: 0,
  approved: 1,
  signed: 2,
  sent: 3,
  unknown: 3,
  resting: 4,
  partially_filled: 5,
  filled: 6,
  cancelled: 6,
  rejected: 6,
  expired: 6,
};

export const isTerminal = (s: OrderStatus): boolean => RANK[s] === 6;
/** Possibly live at the venue (or about to be). */
export const isOpen = (s: OrderStatus): boolean => !isTerminal(s);

export interface ManagedOrder {
  intent: OrderIntent;
  status: OrderStatus;
  /** Size risk approved (≤ intent.sz after a Resize). */
  sz: Sz;
  /** Lots filled per the fills applied (deduplicated by tid). */
  filled: Sz;
  /** Total filled as the venue reported it in an ack or status answer (fills may lag it). */
  venueFilled: Sz;
  /** Volume-weighted fill price, ticks. */
  avgPx: number;
  oid: number | null;
  cancelRequested: boolean;
  unknownCause: UnknownCause | null;
  unknownSinceMs: number | null;
  /** Consecutive reconciliations that did not find this resting order at the venue. */
  missCount: number;
  /** Trade ids already applied (fills are deduplicated by tid). */
  tids: string[];
  reason: string | null;
  createdMs: number;
  sentMs: number | null;
  restingMs: number | null;
  updatedMs: number;
}

export interface OrderBookState {
  /** 16 lowercase hex digits fixed per account; the low 64 bits of each cloid count up. */
  cloidPrefix: string;
  nextSeq: number;
  orders: Record<string, ManagedOrder>;
  /** Non-terminal orders per slot, oldest first. */
  slots: Record<string, string[]>;
}

/** What the venue said about an order when asked (orderStatus / openOrders), normalised. */
export type VenueOrderStatus =
  | { kind: "open"; oid: number; filledSz: number }
  | { kind: "filled"; oid: number; filledSz: number }
  | { kind: "cancelled"; oid: number | null; filledSz: number; reason: string }
  | { kind: "rejected"; reason: string }
  | { kind: "not_found" };

export type OrderEvent =
  | { kind: "risk"; decision: Decision }
  | { kind: "signed" }
  | { kind: "sent" }
  /** Definitely not sent (signer refused, local denial): a rejection. */
  | { kind: "denied"; reason: string }
  | { kind: "ambiguous"; cause: UnknownCause }
  | { kind: "ack_resting"; oid: number }
  | { kind: "ack_filled"; oid: number; totalSz: number; avgPx: number }
  | { kind: "ack_error"; message: string }
  | { kind: "fill"; tid: string; sz: number; px: number }
  | { kind: "cancel_requested" }
  | { kind: "cancelled"; reason: string }
  | { kind: "expired" }
  | { kind: "status"; answer: VenueOrderStatus };

export type OrderError =
  | { kind: "bad_prefix"; prefix: string }
  | { kind: "slot_unresolved"; slot: string; cloid: string }
  | { kind: "slot_busy"; slot: string; cloid: string }
  | { kind: "unknown_cloid"; cloid: string }
  | { kind: "invalid_transition"; cloid: string; from: OrderStatus; event: OrderEvent["kind"] };

export function createOrderBook(cloidPrefix: string): Result<OrderBookState, OrderError> {
  if (!/^[0-9a-f]{16}$/.test(cloidPrefix)) return err({ kind: "bad_prefix", prefix: cloidPrefix });
  return ok({ cloidPrefix, nextSeq: 1, orders: {}, slots: {} });
}

export const ownsCloid = (b: OrderBookState, cloid: string | null): boolean => cloid !== null && cloid.startsWith(`0x${b.cloidPrefix}`);

/** Non-terminal orders of a slot. */
export const slotOrders = (b: OrderBookState, slot: string): ManagedOrder[] => (b.slots[slot] ?? []).map((c) => b.orders[c]!);

/** The slot's order that is not being cancelled, if any (there is at most one). */
export const liveInSlot = (b: OrderBookState, slot: string): ManagedOrder | undefined =>
  slotOrders(b, slot).find((o) => !o.cancelRequested);

/**
 * Allocates a fresh cloid and records the draft. A slot accepts a new order only when each of
 * its open orders is being cancelled and none is unknown: an unknown order may be live, and a
 * new cloid next to it could double the position.
 */
export function place(b: OrderBookState, d: OrderDraft, nowMs: number): Result<{ book: OrderBookState; intent: OrderIntent }, OrderError> {
  for (const o of slotOrders(b, d.slot)) {
    if (o.status === "unknown") return err({ kind: "slot_unresolved", slot: d.slot, cloid: o.intent.cloid });
    if (!o.cancelRequested) return err({ kind: "slot_busy", slot: d.slot, cloid: o.intent.cloid });
  }
  const cloid = `0x${b.cloidPrefix}${b.nextSeq.toString(16).padStart(16, "0")}`;
  const intent: OrderIntent = { ...d, cloid };
  const order: ManagedOrder = {
    intent,
    status: "intent",
    sz: d.sz,
    filled: toSz(0),
    venueFilled: toSz(0),
    avgPx: 0,
    oid: null,
    cancelRequested: false,
    unknownCause: null,
    unknownSinceMs: null,
    missCount: 0,
    tids: [],
    reason: null,
    createdMs: nowMs,
    sentMs: null,
    restingMs: null,
    updatedMs: nowMs,
  };
  return ok({
    book: {
      ...b,
      nextSeq: b.nextSeq + 1,
      orders: { ...b.orders, [cloid]: order },
      slots: { ...b.slots, [d.slot]: [...(b.slots[d.slot] ?? []), cloid] },
    },
    intent,
  });
}

/** Adds an order found at the venue that the book did not know (reconciliation `adopt`). */
export function adoptOrder(b: OrderBookState, o: ManagedOrder): OrderBookState {
  const key = o.intent.cloid;
  if (key in b.orders) return b;
  return { ...b, orders: { ...b.orders, [key]: o }, slots: { ...b.slots, [o.intent.slot]: [...(b.slots[o.intent.slot] ?? []), key] } };
}

export function applyOrderEvent(b: OrderBookState, cloid: string, e: OrderEvent, nowMs: number): Result<OrderBookState, OrderError> {
  const o = b.orders[cloid];
  if (o === undefined) return err({ kind: "unknown_cloid", cloid });
  const next = transition(o, e, nowMs);
  if (!next.ok) return err({ ...next.error, cloid });
  const n = next.value;
  if (n === o) return ok(b);
  let slots = b.slots;
  if (isTerminal(n.status) && !isTerminal(o.status)) {
    const rest = (b.slots[o.intent.slot] ?? []).filter((c) => c !== cloid);
    const { [o.intent.slot]: _old, ...others } = b.slots;
    slots = rest.length > 0 ? { ...others, [o.intent.slot]: rest } : others;
  }
  return ok({ ...b, orders: { ...b.orders, [cloid]: n }, slots });
}

type TransitionError = { kind: "invalid_transition"; from: OrderStatus; event: OrderEvent["kind"] };

/** Moves forward only: a late or repeated answer never takes an order back to an earlier state. */
function advance(o: ManagedOrder, status: OrderStatus, nowMs: number, patch: Partial<ManagedOrder> = {}): ManagedOrder {
  if (isTerminal(o.status) || RANK[status] < RANK[o.status]) return Object.keys(patch).length === 0 ? o : { ...o, ...patch, updatedMs: nowMs };
  const resolved = o.status === "unknown" && status !== "unknown" ? { unknownCause: null, unknownSinceMs: null } : {};
  return { ...o, ...resolved, ...patch, status, updatedMs: nowMs };
}

function withFill(o: ManagedOrder, tid: string, lots: number, px: number, nowMs: number): ManagedOrder {
  if (o.tids.includes(tid) || !(lots > 0)) return o;
  const filled = o.filled + lots;
  const avgPx = (o.avgPx * o.filled + px * lots) / filled;
  const base = { ...o, filled: toSz(filled), avgPx, tids: [...o.tids, tid], missCount: 0, updatedMs: nowMs };
  if (isTerminal(o.status)) return base;
  return advance(base, Math.max(filled, o.venueFilled) >= o.sz ? "filled" : "partially_filled", nowMs);
}

function fromStatus(o: ManagedOrder, a: VenueOrderStatus, nowMs: number): ManagedOrder {
  const seen = (filledSz: number): Partial<ManagedOrder> => (filledSz > o.venueFilled ? { venueFilled: toSz(filledSz) } : {});
  switch (a.kind) {
    case "open":
      return advance(o, a.filledSz > 0 ? "partially_filled" : "resting", nowMs, { oid: a.oid, missCount: 0, restingMs: o.restingMs ?? nowMs, ...seen(a.filledSz) });
    case "filled":
      return advance(o, "filled", nowMs, { oid: a.oid, ...seen(a.filledSz) });
    case "cancelled":
      return advance(o, "cancelled", nowMs, { oid: a.oid ?? o.oid, reason: a.reason, ...seen(a.filledSz) });
    case "rejected":
      return advance(o, "rejected", nowMs, { reason: a.reason });
    case "not_found":
      // Never seen by the venue: a submit that never landed; a resting order that vanished.
      return RANK[o.status] >= RANK.resting
        ? advance(o, "cancelled", nowMs, { reason: "missing at venue" })
        : advance(o, "rejected", nowMs, { reason: "not found at venue" });
  }
}

function transition(o: ManagedOrder, e: OrderEvent, nowMs: number): Result<ManagedOrder, TransitionError> {
  const bad = (): Result<ManagedOrder, TransitionError> => err({ kind: "invalid_transition", from: o.status, event: e.kind });
  switch (e.kind) {
    case "risk":
      if (o.status !== "intent") return bad();
      return ok(
        e.decision.kind === "reject"
          ? advance(o, "rejected", nowMs, { reason: `risk: ${e.decision.limit}` })
          : advance(o, "approved", nowMs, { sz: e.decision.sz }),
      );
    case "signed":
      return o.status === "approved" ? ok(advance(o, "signed", nowMs)) : bad();
    case "sent":
      return o.status === "signed" ? ok(advance(o, "sent", nowMs, { sentMs: nowMs })) : bad();
    case "denied":
      return RANK[o.status] <= RANK.signed ? ok(advance(o, "rejected", nowMs, { reason: e.reason })) : bad();
    case "ambiguous":
      if (o.status !== "sent" && o.status !== "signed") return ok(o);
      return ok({ ...o, status: "unknown", unknownCause: e.cause, unknownSinceMs: nowMs, updatedMs: nowMs });
    case "ack_resting":
      return ok(advance(o, "resting", nowMs, { oid: e.oid, restingMs: o.restingMs ?? nowMs }));
    case "ack_filled": {
      // A crossing order answers with what filled at once; the unfilled rest of an IOC is gone.
      const total = Math.max(o.venueFilled, o.filled, e.totalSz);
      const patch = { oid: e.oid, venueFilled: toSz(Math.max(o.venueFilled, e.totalSz)) };
      if (total >= o.sz) return ok(advance(o, "filled", nowMs, patch));
      if (o.intent.tif === "Ioc") return ok(advance(o, "cancelled", nowMs, { ...patch, reason: "ioc remainder" }));
      return ok(advance(o, "partially_filled", nowMs, { ...patch, restingMs: o.restingMs ?? nowMs }));
    }
    case "ack_error":
      return ok(advance(o, "rejected", nowMs, { reason: e.message }));
    case "fill":
      return ok(withFill(o, e.tid, e.sz, e.px, nowMs));
    case "cancel_requested":
      return ok(isTerminal(o.status) || o.cancelRequested ? o : { ...o, cancelRequested: true, updatedMs: nowMs });
    case "cancelled":
      return ok(advance(o, "cancelled", nowMs, { reason: e.reason }));
    case "expired":
      return ok(advance(o, "expired", nowMs));
    case "status":
      return ok(fromStatus(o, e.answer, nowMs));
  }
}
