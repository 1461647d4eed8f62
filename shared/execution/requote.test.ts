import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { applyOrderEvent, createOrderBook, place, type OrderBookState, type OrderEvent } from "./order-manager";
import { applyRequote, churnBudget, planRequote, staleOrders, unansweredOrders, type RequotePolicy } from "./requote";
import type { QuoteTarget } from "./types";

const POLICY: RequotePolicy = { refresh_tolerance_ticks: 2, size_tolerance: 0.25, min_order_age_ms: 3_000, urgent_ticks: 10 };
const SLOTS = ["mm:bid", "mm:ask"];

const target = (slot: string, ticks: number, lots = 20): QuoteTarget => ({
  slot,
  market: slot.endsWith("bid") ? "hl:#20" : "hl:#21",
  venue: "hl",
  side: "buy",
  px: px(ticks),
  sz: sz(lots),
  tif: "Alo",
  tactic: "post_only",
  strategy: "mm",
  refPx: px(5_000),
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A book with one resting bid at `ticks`, acknowledged at t = 1 000. */
function resting(ticks: number, events: OrderEvent[] = [{ kind: "ack_resting", oid: 1 }]): { book: OrderBookState; cloid: string } {
  let b = must(createOrderBook("0000000000000abc"));
  const plan = planRequote(b, SLOTS, [target("mm:bid", ticks)], POLICY, churnBudget(60, 0), 0);
  const r = applyRequote(b, plan.batch, 0);
  const cloid = r.intents[0]!.cloid;
  b = r.book;
  for (const e of [{ kind: "risk", decision: { kind: "pass", sz: sz(20) } } as OrderEvent, { kind: "signed" } as OrderEvent, { kind: "sent" } as OrderEvent, ...events]) {
    b = must(applyOrderEvent(b, cloid, e, 1_000));
  }
  return { book: b, cloid };
}

describe("requote hysteresis", () => {
  it("keeps a resting quote within the refresh tolerance", () => {
    const { book } = resting(4_950);
    const plan = planRequote(book, SLOTS, [target("mm:bid", 4_952, 18)], POLICY, churnBudget(60, 0), 10_000);
    expect(plan.batch).toEqual({ cancels: [], places: [] });
  });

  it("replaces by cancel-by-cloid + new once beyond tolerance and old enough", () => {
    const { book, cloid } = resting(4_950);
    const young = planRequote(book, SLOTS, [target("mm:bid", 4_955)], POLICY, churnBudget(60, 0), 2_000);
    expect(young.batch.places).toEqual([]);
    expect(young.held).toEqual([{ slot: "mm:bid", why: "younger than min_order_age_ms" }]);
    const old = planRequote(book, SLOTS, [target("mm:bid", 4_955)], POLICY, churnBudget(60, 0), 4_500);
    expect(old.batch.cancels).toEqual([{ cloid, market: "hl:#20", reason: "requote" }]);
    expect(old.batch.places).toMatchObject([{ slot: "mm:bid", px: 4_955, sz: 20, tif: "Alo" }]);
    const applied = applyRequote(book, old.batch, 4_500);
    expect(applied.errors).toEqual([]);
    expect(applied.book.orders[cloid]!.cancelRequested).toBe(true);
    expect(applied.intents[0]!.cloid).not.toBe(cloid);
  });

  it("replaces a young quote when the move is urgent", () => {
    const { book } = resting(4_950);
    expect(planRequote(book, SLOTS, [target("mm:bid", 4_940)], POLICY, churnBudget(60, 0), 1_500).batch.places).toHaveLength(1);
  });

  it("pulls a quote whose target is gone at once, without spending churn", () => {
    const { book, cloid } = resting(4_950);
    const plan = planRequote(book, SLOTS, [], POLICY, { tokens: 0, capacity: 60, lastMs: 1_500 }, 1_500);
    expect(plan.batch.cancels).toEqual([{ cloid, market: "hl:#20", reason: "target_gone" }]);
  });

  it("spends a churn budget on new orders: pulls on urgent moves, holds otherwise", () => {
    const { book } = resting(4_950);
    const empty = { tokens: 0, capacity: 60, lastMs: 10_000 };
    const small = planRequote(book, SLOTS, [target("mm:bid", 4_955)], POLICY, empty, 10_000);
    expect(small.batch).toEqual({ cancels: [], places: [] });
    expect(small.held[0]?.why).toBe("churn budget spent");
    const big = planRequote(book, SLOTS, [target("mm:bid", 4_900)], POLICY, empty, 10_000);
    expect(big.batch.cancels).toHaveLength(1);
    expect(big.batch.places).toHaveLength(0);
    // One token per second refills at 60 per minute.
    expect(planRequote(book, SLOTS, [target("mm:bid", 4_955)], POLICY, empty, 11_000).batch.places).toHaveLength(1);
  });

  it("leaves orders in flight alone and places nothing in a slot whose order is unknown", () => {
    const inFlight = resting(4_950, []);
    expect(planRequote(inFlight.book, SLOTS, [target("mm:bid", 4_990)], POLICY, churnBudget(60, 0), 9_000).held).toEqual([{ slot: "mm:bid", why: "order in flight" }]);
    const unknown = resting(4_950, [{ kind: "ambiguous", cause: "timeout" }]);
    const plan = planRequote(unknown.book, SLOTS, [target("mm:bid", 4_990)], POLICY, churnBudget(60, 0), 9_000);
    expect(plan.batch.places).toEqual([]);
    expect(plan.held).toEqual([{ slot: "mm:bid", why: "order outcome unknown" }]);
    // Pulling the quote is still allowed: cancel-by-cloid is safe on an order that may be live.
    expect(planRequote(unknown.book, SLOTS, [], POLICY, churnBudget(60, 0), 9_000).batch.cancels).toHaveLength(1);
  });

  it("replaces when the leg switches book (sell YES -> buy NO)", () => {
    const { book } = resting(4_950);
    const plan = planRequote(book, SLOTS, [{ ...target("mm:bid", 4_950), market: "hl:#21" }], POLICY, churnBudget(60, 0), 9_000);
    expect(plan.batch.cancels).toHaveLength(1);
    expect(plan.batch.places[0]?.market).toBe("hl:#21");
  });
});

describe("stale and unanswered orders", () => {
  it("cancels resting orders past their maximum age", () => {
    const { book, cloid } = resting(4_950);
    expect(staleOrders(book, 30_000, 60_000)).toEqual([]);
    expect(staleOrders(book, 62_000, 60_000)).toEqual([{ cloid, market: "hl:#20", reason: "stale" }]);
  });

  it("lists sent orders with no answer after the ack timeout", () => {
    const { book, cloid } = resting(4_950, []);
    expect(unansweredOrders(book, 2_000, 5_000)).toEqual([]);
    expect(unansweredOrders(book, 7_000, 5_000)).toEqual([cloid]);
  });

  it("place() itself refuses a busy slot", () => {
    const { book } = resting(4_950);
    expect(place(book, { ...target("mm:bid", 1), reduceOnly: false, createdMs: 0 }, 1).ok).toBe(false);
  });
});
