import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScaled } from "../core/decimal";
import type { LevelStr } from "../events";
import { OrderBook } from "./order-book";
import type { LevelChange, Side } from "./types";

const SCALE = { pxDecimals: 2, szDecimals: 3 };

const change = fc.record({
  side: fc.constantFrom<Side>("bid", "ask"),
  px: fc.integer({ min: 1, max: 60 }),
  sz: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
});

/** A valid snapshot: bids strictly below asks, each side strictly ordered away from the touch. */
const snapshot = fc
  .tuple(
    fc.integer({ min: 2, max: 10_000 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 25 }),
    fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 25 }),
    fc.array(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 50, maxLength: 50 }),
  )
  .map(([mid, bidOffsets, askOffsets, sizes]) => {
    const toLevels = (offsets: number[], sign: number, from: number): LevelStr[] =>
      [...offsets]
        .sort((a, b) => a - b)
        .map((o, i) => ({
          px: formatScaled(mid + sign * o, SCALE.pxDecimals),
          sz: formatScaled(sizes[from + i] ?? 1, SCALE.szDecimals),
        }));
    return {
      bids: toLevels(bidOffsets.filter((o) => o < mid), -1, 0),
      asks: toLevels(askOffsets, 1, 25),
    };
  });

function stored(book: OrderBook, side: Side): [number, number][] {
  const s = book.side(side);
  return Array.from({ length: s.count }, (_, i) => [s.pxAt(i), s.szAt(i)]);
}

describe("OrderBook invariants", () => {
  it("is never crossed and its best levels and depth match a brute-force model after any valid changes", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (changes, n) => {
        const book = new OrderBook(SCALE);
        const model = { bid: new Map<number, number>(), ask: new Map<number, number>() };
        for (const c of changes) {
          if (book.applyChange(c.side, c.px, c.sz).ok) {
            if (c.sz === 0) model[c.side].delete(c.px);
            else model[c.side].set(c.px, c.sz);
          }
          if (book.hasBothSides()) expect(book.bestBidPx()).toBeLessThan(book.bestAskPx());
        }
        const bidPx = [...model.bid.keys()].sort((a, b) => b - a);
        const askPx = [...model.ask.keys()].sort((a, b) => a - b);
        expect(book.bids.count).toBe(bidPx.length);
        expect(book.asks.count).toBe(askPx.length);
        if (bidPx.length > 0) expect(book.bestBidPx()).toBe(Math.max(...bidPx));
        if (askPx.length > 0) expect(book.bestAskPx()).toBe(Math.min(...askPx));
        const brute = (side: Side, pxs: number[]): number =>
          pxs.slice(0, n).reduce((s, p) => s + (model[side].get(p) ?? 0), 0);
        expect(book.depth("bid", n)).toBe(brute("bid", bidPx));
        expect(book.depth("ask", n)).toBe(brute("ask", askPx));
        expect(stored(book, "bid")).toEqual(bidPx.map((p) => [p, model.bid.get(p)]));
        expect(stored(book, "ask")).toEqual(askPx.map((p) => [p, model.ask.get(p)]));
      }),
    );
  });

  it("ends with the same book after a stream of snapshots as after the last one alone", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 1, maxLength: 20 }), (snaps) => {
        const streamed = new OrderBook(SCALE);
        for (const s of snaps) expect(streamed.applySnapshot(s.bids, s.asks).ok).toBe(true);
        const last = snaps[snaps.length - 1] as { bids: LevelStr[]; asks: LevelStr[] };
        const fresh = new OrderBook(SCALE);
        fresh.applySnapshot(last.bids, last.asks);
        expect(stored(streamed, "bid")).toEqual(stored(fresh, "bid"));
        expect(stored(streamed, "ask")).toEqual(stored(fresh, "ask"));
      }),
    );
  });

  it("equals the last accepted snapshot parsed afresh, whatever was refused in between", () => {
    // The parser reuses the integers of levels whose text repeats from the previous snapshot;
    // refused snapshots, numbers in other spellings and wrong types must never leak through.
    const spelling = (l: LevelStr, k: number): LevelStr =>
      k === 1 ? { px: `${l.px}${l.px.includes(".") ? "0" : ".0"}`, sz: l.sz } : k === 2 ? { px: l.px, sz: Number(l.sz) as unknown as string } : l;
    fc.assert(
      fc.property(fc.array(fc.tuple(snapshot, fc.integer({ min: 0, max: 2 }), fc.nat(24)), { minLength: 1, maxLength: 25 }), (steps) => {
        const book = new OrderBook(SCALE);
        let last: { bids: LevelStr[]; asks: LevelStr[] } | undefined;
        for (const [snap, k, at] of steps) {
          const bids = snap.bids.map((l, i) => (i === at % Math.max(1, snap.bids.length) ? spelling(l, k) : l));
          const r = book.applySnapshot(bids, snap.asks);
          if (r.ok) last = { bids, asks: snap.asks };
          if (last === undefined) continue;
          const fresh = new OrderBook(SCALE);
          expect(fresh.applySnapshot(last.bids, last.asks).ok).toBe(true);
          expect(stored(book, "bid")).toEqual(stored(fresh, "bid"));
          expect(stored(book, "ask")).toEqual(stored(fresh, "ask"));
        }
      }),
    );
  });

  it("emits level changes that turn the previous book into the snapshot", () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const book = new OrderBook(SCALE);
        book.applySnapshot(a.bids, a.asks);
        const replayed = new OrderBook(SCALE);
        replayed.applySnapshot(a.bids, a.asks);
        const changes: LevelChange[] = [];
        const r = book.applySnapshot(b.bids, b.asks, changes);
        expect(r).toEqual({ ok: true, value: changes.length });
        // Intermediate states of a diff may cross, so apply it to the raw sides.
        for (const c of changes) replayed.side(c.side).set(c.px, c.sz);
        expect(stored(replayed, "bid")).toEqual(stored(book, "bid"));
        expect(stored(replayed, "ask")).toEqual(stored(book, "ask"));
        expect(changes.every((c) => book.side(c.side).sizeAt(c.px) === c.sz)).toBe(true);
      }),
    );
  });

  it("leaves the book untouched by fuzzed snapshots it refuses", () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom("NaN", "-1", "0", "1e5", "Infinity", "", "0.0001", "1.2.3"),
    );
    fc.assert(
      fc.property(snapshot, fc.array(fc.record({ px: junk, sz: junk }), { minLength: 1, maxLength: 5 }), (good, bad) => {
        const book = new OrderBook(SCALE);
        book.applySnapshot(good.bids, good.asks);
        const before = [stored(book, "bid"), stored(book, "ask")];
        const r = book.applySnapshot(bad, good.asks);
        if (!r.ok) expect([stored(book, "bid"), stored(book, "ask")]).toEqual(before);
        if (book.hasBothSides()) expect(book.bestBidPx()).toBeLessThan(book.bestAskPx());
      }),
    );
  });
});
