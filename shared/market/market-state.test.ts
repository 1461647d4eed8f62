import { describe, expect, it } from "vitest";
import { OrderBook } from "../book/order-book";
import { MarketState } from "./market-state";

const vol = { halfLifeSec: 30, priorAnnualised: 0.6, warmupMs: 10_000, minDtMs: 0 };

describe("MarketState", () => {
  it("reads mid, weighted micro-price and spread off the book in quote units", () => {
    const book = new OrderBook({ pxDecimals: 2, szDecimals: 0 });
    book.applySnapshot([{ px: "14.33", sz: "20" }], [{ px: "14.34", sz: "471" }]);
    const m = new MarketState(book.scale, vol);
    expect(m.onBook(book, 1000)).toBe(true);
    expect(m.view.mid).toBeCloseTo(14.335, 12);
    expect(m.view.micro).toBeCloseTo(14.330407, 6);
    expect(m.view.imbalance).toBeCloseTo(0.040733, 6);
    expect(m.view.spreadTicks).toBe(1);
    expect(m.view.spreadBps).toBeCloseTo((0.01 / 14.335) * 1e4, 9);
    expect(m.view.sigmaAnnualised).toBeCloseTo(0.6, 12);
  });

  it("measures an outcome's spread against its payout, the same for YES and its mirrored NO", () => {
    const yes = new OrderBook({ pxDecimals: 5, szDecimals: 0 });
    yes.applySnapshot([{ px: "0.95236", sz: "105" }], [{ px: "0.9555", sz: "1338" }]);
    const no = new OrderBook({ pxDecimals: 5, szDecimals: 0 });
    no.applySnapshot([{ px: "0.0445", sz: "1338" }], [{ px: "0.04764", sz: "105" }]);
    const a = new MarketState(yes.scale, vol, undefined, 1);
    const b = new MarketState(no.scale, vol, undefined, 1);
    a.onBook(yes, 0);
    b.onBook(no, 0);
    expect(a.view.spreadBps).toBeCloseTo(31.4, 9);
    expect(b.view.spreadBps).toBeCloseTo(31.4, 9);
  });

  it("keeps its last view while a side of the book is empty", () => {
    const book = new OrderBook({ pxDecimals: 1, szDecimals: 5 });
    const m = new MarketState(book.scale, vol);
    book.applySnapshot([{ px: "100.0", sz: "1" }], [{ px: "100.5", sz: "1" }]);
    m.onBook(book, 1);
    book.applySnapshot([{ px: "100.0", sz: "1" }], []);
    expect(m.onBook(book, 2)).toBe(false);
    expect(m.view.mid).toBe(100.25);
    expect(m.view.ts).toBe(1);
  });

  it("accepts exact decimal marks and refuses anything else", () => {
    const m = new MarketState({ pxDecimals: 1, szDecimals: 5 }, vol);
    expect(m.onMark(5, "80743.5")).toBe(true);
    expect(m.view.mark).toBe(80743.5);
    expect(m.view.markTs).toBe(5);
    for (const bad of ["", "abc", "-1", "0", "1e5", "NaN"]) expect(m.onMark(6, bad)).toBe(false);
    expect(m.view.markTs).toBe(5);
  });
});
