import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import type { BookEvent, TradeEvent } from "../events";
import { MatchingEngine } from "./engine";
import { PERP_TIER0_FEES } from "./fees";
import type { MatchFill, Side, Tif } from "./types";

type Op =
  | { op: "book"; mid: number; bids: number[]; asks: number[] }
  | { op: "trade"; side: Side; px: number; sz: number }
  | { op: "submit"; owner: string; side: Side; px: number; sz: number; tif: Tif }
  | { op: "cancel"; pick: number };

const sizes = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 6 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("book" as const), mid: fc.integer({ min: 40, max: 60 }), bids: sizes, asks: sizes }),
  fc.record({
    op: fc.constant("trade" as const),
    side: fc.constantFrom<Side>("buy", "sell"),
    px: fc.integer({ min: 30, max: 70 }),
    sz: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    op: fc.constant("submit" as const),
    owner: fc.constantFrom("a", "b"),
    side: fc.constantFrom<Side>("buy", "sell"),
    px: fc.integer({ min: 30, max: 70 }),
    sz: fc.integer({ min: 1, max: 50 }),
    tif: fc.constantFrom<Tif>("Gtc", "Ioc", "Alo"),
  }),
  fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
);

/** Levels on an integer grid around `mid`: bids below, asks above, so a snapshot is never crossed. */
function snapshot(ts: number, o: Extract<Op, { op: "book" }>): BookEvent {
  return {
    kind: "book",
    venue: "hl",
    coin: "X",
    ts,
    bids: o.bids.map((s, i) => ({ px: String(o.mid - 1 - i), sz: String(s) })),
    asks: o.asks.map((s, i) => ({ px: String(o.mid + 1 + i), sz: String(s) })),
  };
}

describe("matching invariants", () => {
  it("never overfills an order, never fills more than a print, never serves a crossed book", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const e = new MatchingEngine({ coin: "X", pxDecimals: 0, szDecimals: 0, fees: PERP_TIER0_FEES });
        const placed = new Map<number, number>();
        const filled = new Map<number, number>();
        const count = (fs: MatchFill[]): void => {
          for (const f of fs) {
            const total = (filled.get(f.oid) ?? 0) + f.sz;
            filled.set(f.oid, total);
            expect(total).toBeLessThanOrEqual(placed.get(f.oid)!);
            expect(f.remaining).toBe(placed.get(f.oid)! - total);
          }
        };
        let oid = 0;
        ops.forEach((o, ts) => {
          if (o.op === "book") {
            const r = e.onEvent(snapshot(ts, o));
            expect(r.ok).toBe(true);
            if (r.ok) count(r.value.fills);
          } else if (o.op === "trade") {
            const ev: TradeEvent = { kind: "trade", venue: "hl", coin: "X", ts, px: String(o.px), sz: String(o.sz), side: o.side };
            const r = e.onEvent(ev);
            expect(r.ok).toBe(true);
            if (r.ok) {
              count(r.value.fills);
              expect(r.value.fills.reduce((a, f) => a + f.sz, 0)).toBeLessThanOrEqual(o.sz);
            }
          } else if (o.op === "submit") {
            oid++;
            placed.set(oid, o.sz);
            const r = e.submit({ oid, owner: o.owner, coin: "X", side: o.side, px: px(o.px), sz: sz(o.sz), tif: o.tif }, ts);
            expect(r.ok).toBe(true);
            if (r.ok && r.value.kind === "done") count(r.value.output.fills);
          } else {
            const open = e.resting();
            const victim = open[o.pick % Math.max(1, open.length)];
            if (victim !== undefined) expect(e.cancel(victim.oid).ok).toBe(true);
          }
          for (const v of e.resting()) {
            expect(v.sz).toBeGreaterThan(0);
            expect(v.sz).toBe(placed.get(v.oid)! - (filled.get(v.oid) ?? 0));
          }
          const top = e.levels("X", 1);
          const bid = top.bids[0];
          const ask = top.asks[0];
          if (bid !== undefined && ask !== undefined) expect(bid.px).toBeLessThan(ask.px);
        });
      }),
      { numRuns: 300 },
    );
  });
});
