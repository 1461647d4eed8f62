/**
 * Reconciliation of the local order book with the venue (SPEC §9, §12; peers.md §1.2, §2 item 1):
 * given one venue snapshot (open orders + recent fills, as of a time) it returns the actions
 * that bring the two views together, and `applyReconcile` records the local ones.
 *   - fills we have not applied (by tid) are applied; fills of no local order are reported;
 *   - an open venue order we know as in flight or unknown resolves it (it is live);
 *   - an open venue order we consider finished is a zombie and is cancelled again;
 *   - an open venue order we do not know is adopted when its cloid carries our prefix (ours,
 *     lost), otherwise adopted or cancelled per policy;
 *   - a local order missing at the venue: an unknown or unanswered one is queried by
 *     orderStatus (never assumed rejected); a resting one is marked missing and resolved as
 *     cancelled only after `missing_retries` snapshots in a row.
 * Orders younger than `grace_ms` at the snapshot time may simply not be visible yet and are left alone.
 */
import { px as toPx, sz as toSz, type Px, type Sz } from "../core/units";
import type { Venue } from "../events";
import { adoptOrder, applyOrderEvent, isTerminal, ownsCloid, type ManagedOrder, type OrderBookState, type OrderError, type VenueOrderStatus } from "./order-manager";
import type { Side } from "./types";

export interface VenueOpenOrder {
  market: string;
  oid: number;
  cloid: string | null;
  side: Side;
  px: Px;
  /** Remaining lots. */
  sz: Sz;
  origSz: Sz;
  timestampMs: number;
}

export interface VenueFill {
  market: string;
  oid: number;
  cloid: string | null;
  tid: string;
  side: Side;
  px: Px;
  sz: Sz;
  timeMs: number;
}

export interface VenueSnapshot {
  venue: Venue;
  openOrders: VenueOpenOrder[];
  fills: VenueFill[];
  asOfMs: number;
}

export interface ReconcilePolicy {
  grace_ms: number;
  missing_retries: number;
  external_orders: "adopt" | "cancel";
}

export type ReconcileAction =
  | { kind: "apply_fill"; cloid: string; fill: VenueFill }
  | { kind: "orphan_fill"; fill: VenueFill }
  | { kind: "resolve"; cloid: string; answer: VenueOrderStatus }
  | { kind: "adopt"; venue: Venue; order: VenueOpenOrder; ours: boolean }
  | { kind: "cancel"; market: string; cloid: string | null; oid: number; reason: "zombie" | "unknown_at_venue" }
  | { kind: "query_status"; cloid: string; oid: number | null }
  | { kind: "mark_missing"; cloid: string; misses: number };

const IN_FLIGHT = new Set(["intent", "approved", "signed", "sent", "unknown"]);

export function reconcile(book: OrderBookState, snap: VenueSnapshot, p: ReconcilePolicy): ReconcileAction[] {
  const actions: ReconcileAction[] = [];
  const byOid = new Map<number, ManagedOrder>();
  for (const cloid in book.orders) {
    const o = book.orders[cloid]!;
    if (o.oid !== null && o.intent.venue === snap.venue) byOid.set(o.oid, o);
  }
  const local = (cloid: string | null, oid: number): ManagedOrder | undefined => {
    const c = cloid === null ? undefined : book.orders[cloid];
    return c !== undefined && c.intent.venue === snap.venue ? c : byOid.get(oid);
  };

  const fillsFor = new Map<string, number>();
  for (const f of snap.fills) {
    const o = local(f.cloid, f.oid);
    if (o === undefined) {
      actions.push({ kind: "orphan_fill", fill: f });
      continue;
    }
    fillsFor.set(o.intent.cloid, (fillsFor.get(o.intent.cloid) ?? 0) + (o.tids.includes(f.tid) ? 0 : f.sz));
    if (!o.tids.includes(f.tid)) actions.push({ kind: "apply_fill", cloid: o.intent.cloid, fill: f });
  }

  const seen = new Set<string>();
  for (const v of snap.openOrders) {
    const o = local(v.cloid, v.oid);
    if (o === undefined) {
      const ours = ownsCloid(book, v.cloid);
      if (ours || p.external_orders === "adopt") actions.push({ kind: "adopt", venue: snap.venue, order: v, ours });
      else actions.push({ kind: "cancel", market: v.market, cloid: v.cloid, oid: v.oid, reason: "unknown_at_venue" });
      continue;
    }
    seen.add(o.intent.cloid);
    const cloid = o.intent.cloid;
    const filledSz = v.origSz - v.sz;
    if (isTerminal(o.status)) {
      actions.push({ kind: "cancel", market: v.market, cloid, oid: v.oid, reason: "zombie" });
    } else if (o.cancelRequested && snap.asOfMs - o.updatedMs > p.grace_ms) {
      // Our cancel was sent long enough ago and the order is still there: the cancel was lost.
      actions.push({ kind: "cancel", market: v.market, cloid, oid: v.oid, reason: "zombie" });
    } else if (IN_FLIGHT.has(o.status) || o.oid === null || o.missCount > 0) {
      actions.push({ kind: "resolve", cloid, answer: { kind: "open", oid: v.oid, filledSz } });
    }
  }

  for (const cloid in book.orders) {
    const o = book.orders[cloid]!;
    if (o.intent.venue !== snap.venue || seen.has(cloid) || isTerminal(o.status)) continue;
    if (o.status === "intent" || o.status === "approved" || o.status === "signed") continue;
    const since = o.restingMs ?? o.sentMs ?? o.createdMs;
    if (snap.asOfMs - since < p.grace_ms) continue;
    const willFill = Math.max(o.filled + (fillsFor.get(cloid) ?? 0), o.venueFilled);
    if (willFill >= o.sz) continue;
    if (o.status === "sent" || o.status === "unknown") {
      actions.push({ kind: "query_status", cloid, oid: o.oid });
      continue;
    }
    const misses = o.missCount + 1;
    if (misses >= p.missing_retries) {
      actions.push({ kind: "resolve", cloid, answer: { kind: "cancelled", oid: o.oid, filledSz: willFill, reason: "missing at venue" } });
    } else {
      actions.push({ kind: "mark_missing", cloid, misses });
    }
  }
  return actions;
}

/** Records the local effects of reconcile actions; cancels, queries and orphan fills are for the runtime. */
export function applyReconcile(book: OrderBookState, actions: ReconcileAction[], nowMs: number): { book: OrderBookState; errors: OrderError[] } {
  let b = book;
  const errors: OrderError[] = [];
  const apply = (cloid: string, e: Parameters<typeof applyOrderEvent>[2]): void => {
    const r = applyOrderEvent(b, cloid, e, nowMs);
    if (r.ok) b = r.value;
    else errors.push(r.error);
  };
  for (const a of actions) {
    switch (a.kind) {
      case "apply_fill":
        apply(a.cloid, { kind: "fill", tid: a.fill.tid, sz: a.fill.sz, px: a.fill.px });
        break;
      case "resolve":
        apply(a.cloid, { kind: "status", answer: a.answer });
        break;
      case "mark_missing": {
        const o = b.orders[a.cloid];
        if (o !== undefined) b = { ...b, orders: { ...b.orders, [a.cloid]: { ...o, missCount: a.misses, updatedMs: nowMs } } };
        break;
      }
      case "adopt":
        b = adoptOrder(b, adopted(a.venue, a.order, a.ours, nowMs));
        break;
      case "cancel":
      case "query_status":
      case "orphan_fill":
        break;
    }
  }
  return { book: b, errors };
}

/** A venue order taken into the book as resting; foreign orders without a cloid are keyed by oid. */
function adopted(venue: Venue, v: VenueOpenOrder, ours: boolean, nowMs: number): ManagedOrder {
  const key = v.cloid ?? `oid:${v.oid}`;
  const filled = v.origSz - v.sz;
  return {
    intent: {
      cloid: key,
      market: v.market,
      venue,
      side: v.side,
      px: toPx(v.px),
      sz: toSz(v.origSz),
      tif: "Gtc",
      reduceOnly: false,
      tactic: "gtc",
      strategy: ours ? "adopted" : "manual",
      slot: `adopted:${key}`,
      refPx: toPx(v.px),
      createdMs: v.timestampMs,
    },
    status: filled > 0 ? "partially_filled" : "resting",
    sz: toSz(v.origSz),
    filled: toSz(0),
    venueFilled: toSz(filled),
    avgPx: 0,
    oid: v.oid,
    cancelRequested: false,
    unknownCause: null,
    unknownSinceMs: null,
    missCount: 0,
    tids: [],
    reason: null,
    createdMs: v.timestampMs,
    sentMs: null,
    restingMs: nowMs,
    updatedMs: nowMs,
  };
}
