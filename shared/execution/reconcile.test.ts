import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { applyOrderEvent, createOrderBook, place, type OrderBookState, type OrderEvent } from "./order-manager";
import { applyReconcile, reconcile, type ReconcilePolicy, type VenueFill, type VenueOpenOrder } from "./reconcile";

const PREFIX = "0000000000000abc";
const POLICY: ReconcilePolicy = { grace_ms: 2_000, missing_retries: 3, external_orders: "cancel" };
const PASS: OrderEvent = { kind: "risk", decision: { kind: "pass", sz: sz(10) } };

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** One order driven through `events` at t = 1 000. */
function withOrder(events: OrderEvent[], slot = "s"): { book: OrderBookState; cloid: string } {
  let b = must(createOrderBook(PREFIX));
  const p = must(place(b, { market: "hl:BTC", venue: "hl", side: "buy", px: px(1_000_000), sz: sz(10), tif: "Gtc", reduceOnly: false, tactic: "gtc", strategy: "ofi", slot, refPx: px(1_000_000), createdMs: 0 }, 0));
  b = p.book;
  for (const e of events) b = must(applyOrderEvent(b, p.intent.cloid, e, 1_000));
  return { book: b, cloid: p.intent.cloid };
}
const sent: OrderEvent[] = [PASS, { kind: "signed" }, { kind: "sent" }];
const open = (cloid: string | null, oid: number, remaining = 10): VenueOpenOrder => ({ market: "hl:BTC", oid, cloid, side: "buy", px: px(1_000_000), sz: sz(remaining), origSz: sz(10), timestampMs: 900 });
const fill = (cloid: string | null, oid: number, tid: string, lots: number): VenueFill => ({ market: "hl:BTC", oid, cloid, tid, side: "buy", px: px(1_000_000), sz: sz(lots), timeMs: 950 });
const snap = (openOrders: VenueOpenOrder[], fills: VenueFill[] = [], asOfMs = 10_000) => ({ venue: "hl" as const, openOrders, fills, asOfMs });

describe("reconcile", () => {
  it("resolves an UNKNOWN order that the venue shows open", () => {
    const { book, cloid } = withOrder([...sent, { kind: "ambiguous", cause: "timeout" }]);
    const actions = reconcile(book, snap([open(cloid, 42, 7)]), POLICY);
    expect(actions).toEqual([{ kind: "resolve", cloid, answer: { kind: "open", oid: 42, filledSz: 3 } }]);
    const b = applyReconcile(book, actions, 10_000).book;
    expect(b.orders[cloid]).toMatchObject({ status: "partially_filled", oid: 42, venueFilled: 3 });
  });

  it("asks the venue about an UNKNOWN order it does not show, instead of assuming a rejection", () => {
    const { book, cloid } = withOrder([...sent, { kind: "ambiguous", cause: "socket_closed" }]);
    expect(reconcile(book, snap([]), POLICY)).toEqual([{ kind: "query_status", cloid, oid: null }]);
    // Within the grace period it may simply not be visible yet.
    expect(reconcile(book, snap([], [], 2_500), POLICY)).toEqual([]);
  });

  it("applies fills it has not seen, once, and reports fills of orders it does not know", () => {
    const { book, cloid } = withOrder([...sent, { kind: "ack_resting", oid: 42 }]);
    const f = fill(cloid, 42, "t-1", 10);
    const actions = reconcile(book, snap([], [f, fill(null, 99, "t-9", 1)]), POLICY);
    expect(actions).toEqual([{ kind: "apply_fill", cloid, fill: f }, { kind: "orphan_fill", fill: fill(null, 99, "t-9", 1) }]);
    const b = applyReconcile(book, actions, 10_000).book;
    expect(b.orders[cloid]!.status).toBe("filled");
    expect(reconcile(b, snap([], [f]), POLICY)).toEqual([]);
  });

  it("cancels zombies: orders the venue still has that we consider finished or asked to cancel", () => {
    const done = withOrder([...sent, { kind: "ack_resting", oid: 42 }, { kind: "cancelled", reason: "ours" }]);
    expect(reconcile(done.book, snap([open(done.cloid, 42)]), POLICY)).toEqual([{ kind: "cancel", market: "hl:BTC", cloid: done.cloid, oid: 42, reason: "zombie" }]);
    const lost = withOrder([...sent, { kind: "ack_resting", oid: 42 }, { kind: "cancel_requested" }]);
    expect(reconcile(lost.book, snap([open(lost.cloid, 42)]), POLICY)[0]).toMatchObject({ kind: "cancel", reason: "zombie" });
  });

  it("adopts our own orders it lost track of, and cancels foreign ones (or adopts them by policy)", () => {
    const { book } = withOrder([]);
    const ours = open(`0x${PREFIX}00000000000000ff`, 7);
    const foreign = open("0x11112222333344445555666677778888", 8);
    const anon = open(null, 9);
    expect(reconcile(book, snap([ours, foreign, anon]), POLICY)).toEqual([
      { kind: "adopt", venue: "hl", order: ours, ours: true },
      { kind: "cancel", market: "hl:BTC", cloid: foreign.cloid, oid: 8, reason: "unknown_at_venue" },
      { kind: "cancel", market: "hl:BTC", cloid: null, oid: 9, reason: "unknown_at_venue" },
    ]);
    const adoptAll = reconcile(book, snap([anon]), { ...POLICY, external_orders: "adopt" });
    const b = applyReconcile(book, adoptAll, 10_000).book;
    expect(b.orders["oid:9"]).toMatchObject({ status: "resting", oid: 9, intent: { slot: "adopted:oid:9", strategy: "manual" } });
  });

  it("marks a resting order missing, and resolves it cancelled only after the retries", () => {
    let { book, cloid } = withOrder([...sent, { kind: "ack_resting", oid: 42 }]);
    for (let i = 1; i < 3; i++) {
      const a = reconcile(book, snap([]), POLICY);
      expect(a).toEqual([{ kind: "mark_missing", cloid, misses: i }]);
      book = applyReconcile(book, a, 10_000).book;
    }
    const last = reconcile(book, snap([]), POLICY);
    expect(last).toEqual([{ kind: "resolve", cloid, answer: { kind: "cancelled", oid: 42, filledSz: 0, reason: "missing at venue" } }]);
    expect(applyReconcile(book, last, 10_000).book.orders[cloid]!.status).toBe("cancelled");
  });

  it("resets the miss count when the order shows up again", () => {
    let { book, cloid } = withOrder([...sent, { kind: "ack_resting", oid: 42 }]);
    book = applyReconcile(book, reconcile(book, snap([]), POLICY), 10_000).book;
    expect(book.orders[cloid]!.missCount).toBe(1);
    book = applyReconcile(book, reconcile(book, snap([open(cloid, 42)]), POLICY), 10_000).book;
    expect(book.orders[cloid]!.missCount).toBe(0);
  });

  it("ignores orders not yet sent and orders of other venues", () => {
    const { book } = withOrder([PASS, { kind: "signed" }]);
    expect(reconcile(book, snap([]), POLICY)).toEqual([]);
    const other = withOrder([...sent, { kind: "ambiguous", cause: "timeout" }]);
    expect(reconcile(other.book, { ...snap([]), venue: "pm" }, POLICY)).toEqual([]);
  });
});
