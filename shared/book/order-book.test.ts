import { describe, expect, it } from "vitest";
import type { LevelStr } from "../events";
import { OrderBook } from "./order-book";
import type { LevelChange } from "./types";

const BTC = { pxDecimals: 1, szDecimals: 5 };
const lv = (px: string, sz: string): LevelStr => ({ px, sz });

// The first three levels per side of the first frame of the 2024-01-01 12:00 BTC archive hour.
const BIDS = [lv("42727.0", "0.02265"), lv("42723.0", "0.17828"), lv("42720.0", "0.07722")];
const ASKS = [lv("42729.0", "3.83257"), lv("42731.0", "0.397"), lv("42734.0", "3.77308")];

function levels(book: OrderBook, side: "bid" | "ask"): [number, number][] {
  const s = book.side(side);
  return Array.from({ length: s.count }, (_, i) => [s.pxAt(i), s.szAt(i)]);
}

describe("OrderBook snapshots", () => {
  it("holds a real l2Book snapshot exactly in ticks and lots", () => {
    const book = new OrderBook(BTC);
    const r = book.applySnapshot(BIDS, ASKS);
    expect(r.ok).toBe(true);
    expect(book.bestBidPx()).toBe(427270);
    expect(book.bestBidSz()).toBe(2265);
    expect(book.bestAskPx()).toBe(427290);
    expect(book.bestAskSz()).toBe(383257);
    expect(book.depth("bid", 2)).toBe(2265 + 17828);
    expect(book.depth("ask", 10)).toBe(383257 + 39700 + 377308);
    expect(levels(book, "ask").map(([p]) => p)).toEqual([427290, 427310, 427340]);
  });

  it("reports the level changes from the previous snapshot", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    const changes: LevelChange[] = [];
    const next = book.applySnapshot(
      [lv("42728.0", "1"), lv("42727.0", "0.02265"), lv("42720.0", "0.5")],
      [lv("42731.0", "0.397"), lv("42734.0", "3.77308")],
      changes,
    );
    expect(next).toEqual({ ok: true, value: 4 });
    expect(changes).toEqual([
      { side: "bid", px: 427280, sz: 100000 },
      { side: "bid", px: 427230, sz: 0 },
      { side: "bid", px: 427200, sz: 50000 },
      { side: "ask", px: 427290, sz: 0 },
    ]);
  });

  it("refuses crossed, locked, unsorted and malformed snapshots and keeps the book", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    const before = [levels(book, "bid"), levels(book, "ask")];
    const bad: [LevelStr[], LevelStr[], string][] = [
      [[lv("42730.0", "1")], ASKS, "crossed"],
      [[lv("42729.0", "1")], ASKS, "locked"],
      [[lv("42720.0", "1"), lv("42723.0", "1")], ASKS, "unsorted"],
      [BIDS, [lv("42729.0", "1"), lv("42729.0", "2")], "unsorted"],
      [[lv("42720.0", "-1")], ASKS, "bad-level"],
      [[lv("42720.0", "0")], ASKS, "bad-level"],
      [[lv("42720.0", "NaN")], ASKS, "bad-level"],
      [[lv("42720.05", "1")], ASKS, "bad-level"],
      [[lv("4e4", "1")], ASKS, "bad-level"],
      [[{ px: 42720 as unknown as string, sz: "1" }], ASKS, "bad-level"],
    ];
    for (const [b, a, kind] of bad) {
      const r = book.applySnapshot(b, a);
      expect(r.ok ? "ok" : r.error.kind).toBe(kind);
    }
    expect([levels(book, "bid"), levels(book, "ask")]).toEqual(before);
    expect(book.refused).toEqual({ "bad-level": 6, unsorted: 2, crossed: 1, locked: 1 });
  });

  it("keeps deeper levels under a 5-level fast snapshot when asked", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    book.applySnapshot([lv("42727.0", "1")], [lv("42730.0", "2")], undefined, true);
    expect(levels(book, "bid")).toEqual([
      [427270, 100000],
      [427230, 17828],
      [427200, 7722],
    ]);
    expect(levels(book, "ask").map(([p]) => p)).toEqual([427300, 427310, 427340]);
  });
});

describe("OrderBook bbo between snapshots", () => {
  it("moves the touch and drops levels the bbo says are gone", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    expect(book.applyBbo(lv("42721.0", "0.5"), lv("42731.0", "0.4")).ok).toBe(true);
    expect(levels(book, "bid")).toEqual([
      [427210, 50000],
      [427200, 7722],
    ]);
    expect(levels(book, "ask")).toEqual([
      [427310, 40000],
      [427340, 377308],
    ]);
  });

  it("refuses a crossed bbo and clears a side the venue shows empty", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    const r = book.applyBbo(lv("42731.0", "1"), lv("42730.0", "1"));
    expect(r.ok ? "ok" : r.error.kind).toBe("crossed");
    expect(book.bestBidPx()).toBe(427270);
    expect(book.applyBbo(lv("42727.0", "1"), null).ok).toBe(true);
    expect(book.asks.count).toBe(0);
    expect(Number.isNaN(book.bestAskPx())).toBe(true);
  });
});

describe("OrderBook level changes", () => {
  it("inserts, resizes and removes levels and refuses a change that would cross", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    expect(book.applyChange("bid", 427280, 5).ok).toBe(true);
    expect(book.bestBidPx()).toBe(427280);
    expect(book.applyChange("bid", 427280, 0).ok).toBe(true);
    expect(book.bestBidPx()).toBe(427270);
    const locked = book.applyChange("bid", 427290, 1);
    expect(locked.ok ? "ok" : locked.error.kind).toBe("locked");
    const crossed = book.applyChange("ask", 427200, 1);
    expect(crossed.ok ? "ok" : crossed.error.kind).toBe("crossed");
    expect(book.applyChange("ask", 427290, 0).ok).toBe(true);
    expect(book.bestAskPx()).toBe(427310);
  });

  it("applies a delta batch atomically and undoes it when the result is crossed", () => {
    const book = new OrderBook(BTC);
    book.applySnapshot(BIDS, ASKS);
    const snapshot = [levels(book, "bid"), levels(book, "ask")];
    const r = book.applyDelta([
      { side: "bid", px: "42723.0", sz: "0" },
      { side: "bid", px: "42735.0", sz: "1" },
    ]);
    expect(r.ok ? "ok" : r.error.kind).toBe("crossed");
    expect([levels(book, "bid"), levels(book, "ask")]).toEqual(snapshot);
    expect(
      book.applyDelta([
        { side: "ask", px: "42729.0", sz: "0" },
        { side: "bid", px: "42730.0", sz: "2" },
      ]).ok,
    ).toBe(true);
    expect(book.bestBidPx()).toBe(427300);
    expect(book.bestAskPx()).toBe(427310);
  });
});
