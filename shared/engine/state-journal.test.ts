import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { isTerminal } from "../execution/order-manager";
import { AccountEngine } from "./account-engine";
import { accountConfig, NO, YES } from "./fixtures.test-util";
import { joinState, StateJournal, type StateHead, type StateWrites } from "./state-journal";
import type { AccountEngineState, MarketDecision } from "./types";

const T = 1778385608681;

/** What SQLite holds: one head row, order rows upserted in place (rowid order), trade-id rows. */
class ModelStore {
  head: string | null = null;
  readonly orders = new Map<string, string>();
  tids: string[] = [];
  writes = 0;

  apply(w: StateWrites): void {
    this.head = JSON.stringify(w.head);
    for (const [cloid, o] of w.orders) this.orders.set(cloid, JSON.stringify(o));
    for (const cloid of w.removed) this.orders.delete(cloid);
    this.tids.push(...w.tids);
    this.tids = this.tids.slice(Math.max(0, this.tids.length - w.keepTids));
    this.writes += w.orders.length + w.removed.length;
  }

  load(): AccountEngineState {
    return joinState(JSON.parse(this.head!) as StateHead, [...this.orders].map(([c, v]) => [c, JSON.parse(v)] as const), this.tids);
  }
}

const step = fc.oneof(
  fc.record({ kind: fc.constant("quote" as const), slot: fc.constantFrom("a", "b", "c"), no: fc.boolean(), ticks: fc.integer({ min: 90_000, max: 99_000 }), lots: fc.integer({ min: 11, max: 200 }) }),
  fc.record({ kind: fc.constant("answer" as const), pick: fc.nat(), how: fc.constantFrom("resting", "filled", "rejected", "unknown") }),
  fc.record({ kind: fc.constant("fill" as const), pick: fc.nat(), lots: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("tick" as const), ms: fc.constantFrom(100, 61_000) }),
);

function decision(slot: string, no: boolean, ticks: number, lots: number, now: number): MarketDecision {
  const market = no ? NO.market : YES.market;
  return {
    engine: "e",
    seq: 1,
    ts: now,
    slots: [`e:${slot}`],
    quotes: [{ slot: `e:${slot}`, market, venue: "hl", side: "buy", px: px(no ? 100_000 - ticks : ticks), sz: sz(lots), tif: "Alo", tactic: "post_only", strategy: "mm", refPx: px(95_000) }],
    orders: [],
    requote: { refresh_tolerance_ticks: 0, size_tolerance: 0, min_order_age_ms: 0, urgent_ticks: 1 },
    churnPerMin: 100_000,
    context: { strategy: "mm", tradable: true, alpha: 0, signals: {}, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: null, mid: null, inputs: {}, notes: [] },
  };
}

const CFG = accountConfig({ limits: { ...accountConfig().limits, max_per_market_qty: 1e6, max_drawdown_usd: 1e9, max_gross_notional_usd: 1e9, max_order_notional_usd: 1e9, max_submits_per_min: 1e6, max_open_orders_per_market: 1_000 } });

describe("StateJournal: the store holds exactly the engine's state after every write", () => {
  it("any sequence of submits, answers, fills, cancels and prunes, written at any points, restores the same engine", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.boolean()), { maxLength: 60 }), (steps) => {
        const r = AccountEngine.create(CFG, T);
        if (!r.ok) throw new Error("create");
        const a = r.value;
        const journal = new StateJournal();
        const store = new ModelStore();
        store.apply(journal.changes(a.state));
        let now = T;
        let tid = 0;
        let oid = 0;
        for (const [s, write] of steps) {
          now += 100;
          const open = Object.values(a.state.book.orders).filter((o) => !isTerminal(o.status));
          const o = open[("pick" in s ? s.pick : 0) % Math.max(1, open.length)];
          if (s.kind === "quote") a.submit(decision(s.slot, s.no, s.ticks, s.lots, now), now);
          else if (s.kind === "answer" && o?.status === "sent") {
            const res = s.how === "resting" ? { kind: "resting" as const, oid: ++oid } : s.how === "filled" ? { kind: "filled" as const, oid: ++oid, totalLots: 0, avgPx: o.intent.px } : s.how === "unknown" ? { kind: "unknown" as const, cause: "timeout" as const } : { kind: "rejected" as const, reason: "x" };
            a.onSendResult(o.intent.cloid, res, now);
          } else if (s.kind === "fill" && o !== undefined && o.status !== "sent" && o.sz - o.filled > 0) {
            const lots = Math.min(s.lots, o.sz - o.filled);
            a.onFill({ kind: "fill", venue: "hl", coin: o.intent.market.slice(3), ts: now, px: (o.intent.px / 1e5).toFixed(5), sz: String(lots), side: o.intent.side, oid: o.oid ?? 0, cloid: o.intent.cloid, tid: `t${++tid}`, fee: "0.01", crossed: false }, now);
          } else if (s.kind === "cancel" && o !== undefined && (o.status === "resting" || o.status === "partially_filled")) a.onCancelResult(o.intent.cloid, { kind: "ok" }, now);
          else if (s.kind === "tick") {
            now += s.ms;
            a.tick(now);
          }
          if (!write) continue;
          store.apply(journal.changes(a.state));
          const back = store.load();
          // Byte for byte, key order included: a restored book iterates its orders as the live one did.
          expect(JSON.stringify(back)).toBe(JSON.stringify(a.state));
          const again = AccountEngine.restore(CFG, back);
          expect(again.ok && again.value.view(now)).toEqual(a.view(now));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("writes only the orders a submit touched, not the finished ones it keeps", () => {
    const r = AccountEngine.create(CFG, T);
    if (!r.ok) throw new Error("create");
    const a = r.value;
    const journal = new StateJournal(a.state);
    for (let i = 0; i < 50; i++) {
      a.submit(decision("a", false, 94_000 + i, 20, T + i), T + i);
      const [sent] = Object.values(a.state.book.orders).filter((o) => o.status === "sent");
      a.onSendResult(sent!.intent.cloid, { kind: "resting", oid: i + 1 }, T + i);
      journal.changes(a.state);
    }
    expect(Object.keys(a.state.book.orders).length).toBe(50);
    // The next requote: the resting order gets its cancel request, the new one is placed.
    a.submit(decision("a", false, 95_000, 20, T + 60), T + 60);
    const w = journal.changes(a.state);
    expect(w.orders.map(([cloid]) => cloid)).toEqual(Object.keys(a.state.book.orders).slice(-2));
    expect(w.removed).toEqual([]);
    expect(w.tids).toEqual([]);
  });

  it("appends new trade ids and keeps only the engine's window", () => {
    const r = AccountEngine.create(CFG, T);
    if (!r.ok) throw new Error("create");
    const s = { ...r.value.exportState(), seenTids: ["a", "b", "c"] };
    const journal = new StateJournal(s);
    s.seenTids.push("d", "e");
    s.seenTids.splice(0, 2);
    expect(journal.changes(s)).toMatchObject({ tids: ["d", "e"], keepTids: 3 });
    expect(journal.changes(s)).toMatchObject({ tids: [], keepTids: 3 });
  });
});
