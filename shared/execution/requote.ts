/**
 * Requoting with hysteresis (SPEC §7.1, §9; peers.md §7 item 3): a resting quote keeps its
 * queue position unless the target moved beyond `refresh_tolerance_ticks` (or its size beyond
 * `size_tolerance`) AND the order is older than `min_order_age_ms`; a move of `urgent_ticks`
 * or more replaces regardless of age. Replacement is cancel-by-cloid + new order, never
 * Hyperliquid `modify` (a cancel-replace with known races). Every new order spends a token
 * of the churn budget; pulling a quote is always free. Orders not yet acknowledged are left
 * alone (a cancel can overtake its order and fail, leaving the order live), except that a
 * slot with no target gets its cancel at once. A slot whose order is unknown gets nothing new.
 */
import type { CancelRequest, OrderDraft, OrderIntent, QuoteTarget, RequoteBatch } from "./types";
import { applyOrderEvent, place, slotOrders, type ManagedOrder, type OrderBookState, type OrderError } from "./order-manager";

export interface RequotePolicy {
  refresh_tolerance_ticks: number;
  /** Fraction of the size a quote may differ by before it is replaced. */
  size_tolerance: number;
  min_order_age_ms: number;
  urgent_ticks: number;
}

/** Token bucket of order creations: `capacity` per minute. */
export interface ChurnBudget {
  tokens: number;
  capacity: number;
  lastMs: number;
}

export const churnBudget = (perMinute: number, nowMs: number): ChurnBudget => ({ tokens: perMinute, capacity: perMinute, lastMs: nowMs });

function refill(c: ChurnBudget, nowMs: number): ChurnBudget {
  const tokens = Math.min(c.capacity, c.tokens + (Math.max(0, nowMs - c.lastMs) * c.capacity) / 60_000);
  return { ...c, tokens, lastMs: Math.max(c.lastMs, nowMs) };
}

const ACKED = new Set(["resting", "partially_filled"]);

function draftOf(t: QuoteTarget, nowMs: number): OrderDraft {
  return {
    market: t.market,
    venue: t.venue,
    side: t.side,
    px: t.px,
    sz: t.sz,
    tif: t.tif,
    reduceOnly: false,
    tactic: t.tactic,
    strategy: t.strategy,
    slot: t.slot,
    refPx: t.refPx,
    createdMs: nowMs,
  };
}

function matches(o: ManagedOrder, t: QuoteTarget, p: RequotePolicy): boolean {
  if (o.intent.market !== t.market || o.intent.side !== t.side) return false;
  const remaining = o.sz - o.filled;
  return Math.abs(o.intent.px - t.px) <= p.refresh_tolerance_ticks && Math.abs(remaining - t.sz) <= p.size_tolerance * t.sz;
}

export interface RequotePlan {
  batch: RequoteBatch;
  churn: ChurnBudget;
  /** Slots whose orders were deliberately left as they are, with why. */
  held: { slot: string; why: string }[];
}

/**
 * Plans one requote over `slots` (every slot the strategy owns). `targets` holds the quotes
 * wanted now; a slot without a target is pulled.
 */
export function planRequote(
  book: OrderBookState,
  slots: string[],
  targets: QuoteTarget[],
  p: RequotePolicy,
  churn: ChurnBudget,
  nowMs: number,
): RequotePlan {
  let budget = refill(churn, nowMs);
  const cancels: CancelRequest[] = [];
  const places: OrderDraft[] = [];
  const held: RequotePlan["held"] = [];
  const bySlot = new Map(targets.map((t) => [t.slot, t]));
  for (const slot of slots) {
    const open = slotOrders(book, slot);
    const target = bySlot.get(slot) ?? null;
    const live = open.find((o) => !o.cancelRequested);
    if (target === null) {
      if (live !== undefined) cancels.push({ cloid: live.intent.cloid, market: live.intent.market, reason: "target_gone" });
      continue;
    }
    if (open.some((o) => o.status === "unknown")) {
      held.push({ slot, why: "order outcome unknown" });
      continue;
    }
    if (live === undefined) {
      if (budget.tokens >= 1) {
        places.push(draftOf(target, nowMs));
        budget = { ...budget, tokens: budget.tokens - 1 };
      } else held.push({ slot, why: "churn budget spent" });
      continue;
    }
    if (!ACKED.has(live.status)) {
      held.push({ slot, why: "order in flight" });
      continue;
    }
    if (matches(live, target, p)) continue;
    const move = live.intent.market === target.market && live.intent.side === target.side ? Math.abs(live.intent.px - target.px) : Infinity;
    const age = nowMs - (live.restingMs ?? live.sentMs ?? live.createdMs);
    const urgent = move >= p.urgent_ticks;
    if (age < p.min_order_age_ms && !urgent) {
      held.push({ slot, why: "younger than min_order_age_ms" });
      continue;
    }
    if (budget.tokens >= 1) {
      cancels.push({ cloid: live.intent.cloid, market: live.intent.market, reason: "requote" });
      places.push(draftOf(target, nowMs));
      budget = { ...budget, tokens: budget.tokens - 1 };
    } else if (urgent) {
      cancels.push({ cloid: live.intent.cloid, market: live.intent.market, reason: "requote" });
      held.push({ slot, why: "churn budget spent: pulled without replacing" });
    } else held.push({ slot, why: "churn budget spent" });
  }
  return { batch: { cancels, places }, churn: budget, held };
}

/** Resting orders older than `maxAgeMs` (SPEC §9: cancel orders that went stale). */
export function staleOrders(book: OrderBookState, nowMs: number, maxAgeMs: number): CancelRequest[] {
  const out: CancelRequest[] = [];
  for (const cloid in book.orders) {
    const o = book.orders[cloid]!;
    if (!ACKED.has(o.status) || o.cancelRequested) continue;
    if (nowMs - (o.restingMs ?? o.createdMs) > maxAgeMs) out.push({ cloid, market: o.intent.market, reason: "stale" });
  }
  return out;
}

/** Sent orders with no answer after `ackTimeoutMs`: the runtime marks them unknown (cause timeout). */
export function unansweredOrders(book: OrderBookState, nowMs: number, ackTimeoutMs: number): string[] {
  const out: string[] = [];
  for (const cloid in book.orders) {
    const o = book.orders[cloid]!;
    if (o.status === "sent" && nowMs - (o.sentMs ?? o.createdMs) > ackTimeoutMs) out.push(cloid);
  }
  return out;
}

/**
 * Records a planned batch in the book: cancels are marked requested first, then each draft gets
 * its cloid. Drafts the book refuses (a slot turned unknown meanwhile) come back as errors.
 */
export function applyRequote(
  book: OrderBookState,
  batch: RequoteBatch,
  nowMs: number,
): { book: OrderBookState; intents: OrderIntent[]; errors: OrderError[] } {
  let b = book;
  const errors: OrderError[] = [];
  for (const c of batch.cancels) {
    const r = applyOrderEvent(b, c.cloid, { kind: "cancel_requested" }, nowMs);
    if (r.ok) b = r.value;
    else errors.push(r.error);
  }
  const intents: OrderIntent[] = [];
  for (const d of batch.places) {
    const r = place(b, d, nowMs);
    if (r.ok) {
      b = r.value.book;
      intents.push(r.value.intent);
    } else errors.push(r.error);
  }
  return { book: b, intents, errors };
}
