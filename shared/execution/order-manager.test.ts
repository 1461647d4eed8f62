import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { applyOrderEvent, createOrderBook, liveInSlot, place, type OrderBookState, type OrderEvent } from "./order-manager";
import { applyRequote, churnBudget, planRequote } from "./requote";
import type { OrderDraft, QuoteTarget } from "./types";

const PREFIX = "00c0ffee00000001";
const book0 = (): OrderBookState => {
  const r = createOrderBook(PREFIX);
  if (!r.ok) throw new Error("prefix");
  return r.value;
};
const draft = (slot: string, over: Partial<OrderDraft> = {}): OrderDraft => ({
  market: "hl:#20",
  venue: "hl",
  side: "buy",
  px: px(4_950),
  sz: sz(20),
  tif: "Alo",
  reduceOnly: false,
  tactic: "post_only",
  strategy: "mm",
  slot,
  refPx: px(5_000),
  createdMs: 0,
  ...over,
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function run(b: OrderBookState, cloid: string, events: OrderEvent[], t = 1): OrderBookState {
  for (const e of events) b = must(applyOrderEvent(b, cloid, e, t++));
  return b;
}

const PASS: OrderEvent = { kind: "risk", decision: { kind: "pass", sz: sz(20) } };
const toSent: OrderEvent[] = [PASS, { kind: "signed" }, { kind: "sent" }];

describe("order lifecycle", () => {
  it("goes intent -> approved -> signed -> sent -> resting -> partially filled -> filled", () => {
    const { book, intent } = must(place(book0(), draft("mm:bid"), 0));
    expect(intent.cloid).toBe(`0x${PREFIX}0000000000000001`);
    let b = run(book, intent.cloid, [...toSent, { kind: "ack_resting", oid: 77 }]);
    expect(b.orders[intent.cloid]).toMatchObject({ status: "resting", oid: 77 });
    b = run(b, intent.cloid, [{ kind: "fill", tid: "t1", sz: 5, px: 4_950 }]);
    expect(b.orders[intent.cloid]).toMatchObject({ status: "partially_filled", filled: 5 });
    b = run(b, intent.cloid, [{ kind: "fill", tid: "t1", sz: 5, px: 4_950 }, { kind: "fill", tid: "t2", sz: 15, px: 4_940 }]);
    expect(b.orders[intent.cloid]).toMatchObject({ status: "filled", filled: 20, avgPx: 4_942.5 });
    expect(b.slots["mm:bid"]).toBeUndefined();
  });

  it("applies a risk Resize and a risk Reject", () => {
    const { book, intent } = must(place(book0(), draft("s"), 0));
    expect(run(book, intent.cloid, [{ kind: "risk", decision: { kind: "resize", sz: sz(8), requested: sz(20), limit: "max_per_market_qty", reason: "" } }]).orders[intent.cloid]).toMatchObject({ status: "approved", sz: 8 });
    expect(run(book, intent.cloid, [{ kind: "risk", decision: { kind: "reject", limit: "kill_switch", reason: "" } }]).orders[intent.cloid]).toMatchObject({ status: "rejected", reason: "risk: kill_switch" });
  });

  it("treats a timeout, a 5xx or a dropped socket as UNKNOWN, never as a rejection", () => {
    for (const cause of ["timeout", "http_5xx", "socket_closed", "parse_error"] as const) {
      const { book, intent } = must(place(book0(), draft("s"), 0));
      const b = run(book, intent.cloid, [...toSent, { kind: "ambiguous", cause }]);
      expect(b.orders[intent.cloid]).toMatchObject({ status: "unknown", unknownCause: cause });
      expect(b.slots["s"]).toEqual([intent.cloid]);
    }
  });

  it("resolves UNKNOWN only from the venue: open, filled, or not found", () => {
    const { book, intent } = must(place(book0(), draft("s"), 0));
    const u = run(book, intent.cloid, [...toSent, { kind: "ambiguous", cause: "timeout" }]);
    expect(run(u, intent.cloid, [{ kind: "status", answer: { kind: "open", oid: 9, filledSz: 0 } }]).orders[intent.cloid]).toMatchObject({ status: "resting", oid: 9, unknownCause: null });
    expect(run(u, intent.cloid, [{ kind: "status", answer: { kind: "open", oid: 9, filledSz: 4 } }]).orders[intent.cloid]).toMatchObject({ status: "partially_filled", venueFilled: 4 });
    expect(run(u, intent.cloid, [{ kind: "fill", tid: "x", sz: 20, px: 4_950 }]).orders[intent.cloid]!.status).toBe("filled");
    const gone = run(u, intent.cloid, [{ kind: "status", answer: { kind: "not_found" } }]);
    expect(gone.orders[intent.cloid]).toMatchObject({ status: "rejected", reason: "not found at venue" });
    expect(gone.slots["s"]).toBeUndefined();
  });

  it("closes the rest of a partially filled IOC, but keeps a partially filled GTC working", () => {
    const ioc = must(place(book0(), draft("s", { tif: "Ioc", tactic: "ioc" }), 0));
    expect(run(ioc.book, ioc.intent.cloid, [...toSent, { kind: "ack_filled", oid: 5, totalSz: 12, avgPx: 4_950 }]).orders[ioc.intent.cloid]).toMatchObject({ status: "cancelled", reason: "ioc remainder", venueFilled: 12 });
    const gtc = must(place(book0(), draft("s", { tif: "Gtc", tactic: "gtc" }), 0));
    expect(run(gtc.book, gtc.intent.cloid, [...toSent, { kind: "ack_filled", oid: 5, totalSz: 12, avgPx: 4_950 }]).orders[gtc.intent.cloid]!.status).toBe("partially_filled");
  });

  it("never goes backwards on late or repeated answers", () => {
    const { book, intent } = must(place(book0(), draft("s"), 0));
    const b = run(book, intent.cloid, [...toSent, { kind: "fill", tid: "f", sz: 20, px: 4_950 }, { kind: "ack_resting", oid: 3 }, { kind: "cancelled", reason: "late" }]);
    expect(b.orders[intent.cloid]).toMatchObject({ status: "filled", oid: 3 });
  });

  it("refuses out-of-order local steps as typed errors", () => {
    const { book, intent } = must(place(book0(), draft("s"), 0));
    expect(applyOrderEvent(book, intent.cloid, { kind: "sent" }, 1)).toMatchObject({ ok: false, error: { kind: "invalid_transition", from: "intent", event: "sent" } });
    expect(applyOrderEvent(book, "0xnope", { kind: "signed" }, 1)).toMatchObject({ ok: false, error: { kind: "unknown_cloid" } });
    expect(createOrderBook("XYZ")).toMatchObject({ ok: false, error: { kind: "bad_prefix" } });
  });
});

describe("slots and cloid idempotency", () => {
  it("allocates a new cloid for every order and refuses a second live order in a slot", () => {
    const a = must(place(book0(), draft("s"), 0));
    expect(place(a.book, draft("s"), 1)).toMatchObject({ ok: false, error: { kind: "slot_busy", cloid: a.intent.cloid } });
    const cancelling = must(applyOrderEvent(a.book, a.intent.cloid, { kind: "cancel_requested" }, 1));
    const b = must(place(cancelling, draft("s", { px: px(4_960) }), 2));
    expect(b.intent.cloid).not.toBe(a.intent.cloid);
    expect(liveInSlot(b.book, "s")?.intent.cloid).toBe(b.intent.cloid);
  });

  it("refuses a new cloid in a slot whose order is unknown, even with a cancel requested", () => {
    const a = must(place(book0(), draft("s"), 0));
    let b = run(a.book, a.intent.cloid, [...toSent, { kind: "ambiguous", cause: "http_5xx" }, { kind: "cancel_requested" }]);
    expect(place(b, draft("s"), 5)).toMatchObject({ ok: false, error: { kind: "slot_unresolved", cloid: a.intent.cloid } });
    b = run(b, a.intent.cloid, [{ kind: "status", answer: { kind: "cancelled", oid: 4, filledSz: 0, reason: "cancelled" } }]);
    expect(place(b, draft("s"), 6).ok).toBe(true);
  });

  it("never resubmits an UNKNOWN order under a new cloid before it is resolved (property)", () => {
    const SLOTS = ["mm:bid", "mm:ask"];
    const target = (slot: string, ticks: number): QuoteTarget => ({ slot, market: "hl:#20", venue: "hl", side: slot.endsWith("bid") ? "buy" : "sell", px: px(ticks), sz: sz(20), tif: "Alo", tactic: "post_only", strategy: "mm", refPx: px(5_000) });
    const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
      fc.constant<OrderEvent>(PASS),
      fc.constant<OrderEvent>({ kind: "signed" }),
      fc.constant<OrderEvent>({ kind: "sent" }),
      fc.constantFrom<OrderEvent>({ kind: "ambiguous", cause: "timeout" }, { kind: "ambiguous", cause: "socket_closed" }),
      fc.nat(1000).map<OrderEvent>((oid) => ({ kind: "ack_resting", oid })),
      fc.record({ tid: fc.string({ maxLength: 3 }), sz: fc.integer({ min: 1, max: 25 }) }).map<OrderEvent>((f) => ({ kind: "fill", tid: f.tid, sz: f.sz, px: 4_950 })),
      fc.constant<OrderEvent>({ kind: "cancel_requested" }),
      fc.constant<OrderEvent>({ kind: "cancelled", reason: "venue" }),
      fc.constantFrom<OrderEvent>({ kind: "status", answer: { kind: "not_found" } }, { kind: "status", answer: { kind: "open", oid: 1, filledSz: 0 } }),
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant("place" as const), slot: fc.nat(1) }),
      fc.record({ kind: fc.constant("requote" as const), bid: fc.option(fc.integer({ min: 4_900, max: 5_000 })), ask: fc.option(fc.integer({ min: 5_000, max: 5_100 })), dt: fc.nat(5_000) }),
      fc.record({ kind: fc.constant("event" as const), pick: fc.nat(), e: eventArb }),
      // The runtime's send path: risk pass, sign, send, and often an ambiguous answer.
      fc.record({ kind: fc.constant("send" as const), pick: fc.nat(), ambiguous: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        let b = book0();
        let now = 0;
        let churn = churnBudget(1_000, 0);
        const issued = new Set<string>();
        const unknownIn = (slot: string): boolean => (b.slots[slot] ?? []).some((c) => b.orders[c]!.status === "unknown");
        for (const o of ops) {
          now += 10;
          if (o.kind === "place") {
            const slot = SLOTS[o.slot]!;
            const blocked = unknownIn(slot);
            const r = place(b, draft(slot), now);
            if (r.ok) {
              expect(blocked).toBe(false);
              expect(issued.has(r.value.intent.cloid)).toBe(false);
              issued.add(r.value.intent.cloid);
              b = r.value.book;
            }
          } else if (o.kind === "requote") {
            now += o.dt;
            const targets = [o.bid === null ? null : target("mm:bid", o.bid), o.ask === null ? null : target("mm:ask", o.ask)].filter((t) => t !== null);
            const plan = planRequote(b, SLOTS, targets, { refresh_tolerance_ticks: 1, size_tolerance: 0.1, min_order_age_ms: 1_000, urgent_ticks: 20 }, churn, now);
            churn = plan.churn;
            const blockedBefore = new Set(SLOTS.filter(unknownIn));
            for (const d of plan.batch.places) expect(blockedBefore.has(d.slot)).toBe(false);
            const r = applyRequote(b, plan.batch, now);
            for (const i of r.intents) {
              expect(blockedBefore.has(i.slot)).toBe(false);
              expect(issued.has(i.cloid)).toBe(false);
              issued.add(i.cloid);
            }
            b = r.book;
          } else if (o.kind === "send") {
            const fresh = Object.keys(b.orders).filter((c) => b.orders[c]!.status === "intent");
            if (fresh.length === 0) continue;
            const cloid = fresh[o.pick % fresh.length]!;
            b = run(b, cloid, o.ambiguous ? [...toSent, { kind: "ambiguous", cause: "timeout" }] : toSent, now);
          } else {
            const cloids = Object.keys(b.orders);
            if (cloids.length === 0) continue;
            const r = applyOrderEvent(b, cloids[o.pick % cloids.length]!, o.e, now);
            if (r.ok) b = r.value;
          }
          for (const slot of SLOTS) expect((b.slots[slot] ?? []).filter((c) => !b.orders[c]!.cancelRequested).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
