import { describe, expect, it } from "vitest";
import { available, clearLevel, type Level, newLevel, type RestingOrder, showLevel, sweepLevel, walkLevel } from "./level-queue";

let seq = 0;
function order(oid: number, rem: number, ahead: number, owner = "a"): RestingOrder {
  return { oid, owner, coin: "X", side: "buy", mergedPx: 100, mergedSide: "buy", rem, origSz: rem, tif: "Gtc", ahead, seq: seq++ };
}

function level(shown: number, ...orders: RestingOrder[]): Level {
  const l = newLevel(100);
  l.shown = shown;
  l.orders = orders;
  return l;
}

describe("walkLevel", () => {
  it("consumes the recorded size ahead before filling us", () => {
    const o = order(1, 10, 30);
    const l = level(50, o);
    const w = walkLevel(l, 25, null);
    expect(w.fills).toEqual([]);
    expect(w.othersUsed).toBe(25);
    expect(o.ahead).toBe(5);
    const w2 = walkLevel(l, 8, null);
    expect(w2.fills).toEqual([{ order: o, sz: 3 }]);
    expect(o.rem).toBe(7);
    expect(o.ahead).toBe(0);
  });

  it("fills queued orders in time order with the recorded size between them", () => {
    const a = order(1, 5, 10);
    const b = order(2, 5, 20);
    const l = level(40, a, b);
    // 10 others, then a (5), then 10 others, then b: 27 reaches 2 lots into b.
    const w = walkLevel(l, 27, null);
    expect(w.fills.map((f) => [f.order.oid, f.sz])).toEqual([
      [1, 5],
      [2, 2],
    ]);
    expect(w.othersUsed).toBe(20);
    expect(l.orders).toEqual([b]);
    expect(b.rem).toBe(3);
  });

  it("cancels the taker's own resting orders instead of filling them", () => {
    const mine = order(1, 5, 0, "me");
    const theirs = order(2, 5, 0, "them");
    const l = level(0, mine, theirs);
    const w = walkLevel(l, 4, "me");
    expect(w.selfTrades).toEqual([mine]);
    expect(w.fills).toEqual([{ order: theirs, sz: 4 }]);
    expect(l.orders).toEqual([theirs]);
  });

  it("never attributes an at-price print to an order whose level the book has not shown", () => {
    const o = order(1, 5, Infinity);
    const l = level(0, o);
    const w = walkLevel(l, 100, null);
    expect(w.fills).toEqual([]);
    expect(o.ahead).toBe(Infinity);
  });

  it("returns what the level could not absorb", () => {
    const l = level(7, order(1, 3, 7));
    expect(walkLevel(l, 20, null).left).toBe(10);
  });
});

describe("sweepLevel", () => {
  it("fills every queued order up to the printed size", () => {
    const a = order(1, 5, 40);
    const b = order(2, 5, 60);
    const l = level(80, a, b);
    const w = sweepLevel(l, 7);
    expect(w.fills.map((f) => [f.order.oid, f.sz])).toEqual([
      [1, 5],
      [2, 2],
    ]);
    expect(b.ahead).toBe(0);
  });
});

describe("showLevel / clearLevel", () => {
  it("moves us up only when the displayed size no longer holds what was ahead", () => {
    const o = order(1, 5, 30);
    const l = level(50, o);
    showLevel(l, 40, 3);
    expect(o.ahead).toBe(30);
    showLevel(l, 12, 2);
    expect(o.ahead).toBe(12);
    showLevel(l, 90, 5);
    expect(o.ahead).toBe(12);
  });

  it("keeps our own takes against a level until it vanishes", () => {
    const l = level(50);
    l.taken = 20;
    showLevel(l, 50, null);
    expect(available(l)).toBe(30);
    showLevel(l, 10, null);
    expect(available(l)).toBe(0);
    clearLevel(l);
    showLevel(l, 50, null);
    expect(available(l)).toBe(50);
  });
});
