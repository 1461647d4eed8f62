import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrderBook } from "../book/order-book";
import { MlofiTracker } from "./mlofi";
import { OfiTracker } from "./ofi";

const scale = { pxDecimals: 0, szDecimals: 0 };
const lv = (px: number, sz: number) => ({ px: String(px), sz: String(sz) });

describe("MlofiTracker (Xu, Gould & Howison)", () => {
  it("applies the CKS formula per non-empty level", () => {
    const book = new OrderBook(scale);
    const t = new MlofiTracker(2, 10_000);
    book.applySnapshot([lv(100, 10), lv(99, 5)], [lv(101, 8), lv(103, 4)]);
    t.onBook(0, book);
    // level 1: bid size 10 -> 12 (+2); level 2: bid 99 -> 98 is a price fall at that level (-5 + 0),
    // ask 103 -> 102 is a price fall at that level (-6).
    book.applySnapshot([lv(100, 12), lv(98, 7)], [lv(101, 8), lv(102, 6)]);
    expect(t.onBook(1, book)).toBe(true);
    expect(t.level(0, 1)).toBe(2);
    expect(t.level(1, 1)).toBe(-5 - 6);
    expect(t.weighted(1, [1, 0.5])).toBe(2 - 5.5);
  });

  it("skips a side whose level m is missing in either state", () => {
    const book = new OrderBook(scale);
    const t = new MlofiTracker(2, 10_000);
    book.applySnapshot([lv(100, 10)], [lv(101, 8), lv(102, 3)]);
    t.onBook(0, book);
    book.applySnapshot([lv(100, 10), lv(99, 50)], [lv(101, 8), lv(102, 1)]);
    t.onBook(1, book);
    expect(t.level(1, 1)).toBe(-1 + 3);
  });

  it("reduces to CKS OFI with one level", () => {
    const top = fc.record({
      bid: fc.integer({ min: 95, max: 100 }),
      bidSz: fc.integer({ min: 1, max: 50 }),
      spread: fc.integer({ min: 1, max: 3 }),
      askSz: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(top, { minLength: 2, maxLength: 60 }), (tops) => {
        const book = new OrderBook(scale);
        const ml = new MlofiTracker(1, 1e9);
        const ofi = new OfiTracker([1e9]);
        tops.forEach((x, i) => {
          book.applySnapshot([lv(x.bid, x.bidSz)], [lv(x.bid + x.spread, x.askSz)]);
          ml.onBook(i, book);
          ofi.onTop(i, x.bid, x.bidSz, x.bid + x.spread, x.askSz);
        });
        expect(ml.level(0, tops.length)).toBe(ofi.sum(0, tops.length));
        expect(ml.events).toBe(ofi.events);
      }),
    );
  });
});
