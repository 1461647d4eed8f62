import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OfiTracker, ofiEvent, type BestLevels } from "./ofi";

const s = (bidPx: number, bidSz: number, askPx: number, askSz: number): BestLevels => ({ bidPx, bidSz, askPx, askSz });

describe("OFI e_n (Cont, Kukanov & Stoikov 2014)", () => {
  it("sums to 4 over the five-state check sequence", () => {
    // peers.md §5.1: e_n = +2, +3, +9, -10.
    const states = [s(100, 10, 101, 8), s(100, 12, 101, 8), s(100, 12, 101, 5), s(101, 4, 102, 7), s(100, 9, 101, 6)];
    const es = states.slice(1).map((cur, i) => ofiEvent(states[i] as BestLevels, cur));
    expect(es).toEqual([2, 3, 9, -10]);
    const t = new OfiTracker([60_000]);
    states.forEach((st, i) => t.onTop(i, st.bidPx, st.bidSz, st.askPx, st.askSz));
    expect(t.sum(0, 4)).toBe(4);
    expect(t.events).toBe(4);
  });

  it("takes every branch of the definition", () => {
    const prev = s(100, 10, 102, 20);
    // bid price up: the whole new bid queue is new demand
    expect(ofiEvent(prev, s(101, 3, 102, 20))).toBe(3);
    // bid price down: the whole old bid queue left
    expect(ofiEvent(prev, s(99, 7, 102, 20))).toBe(-10);
    // bid unchanged price: the size change
    expect(ofiEvent(prev, s(100, 4, 102, 20))).toBe(-6);
    // ask price down: the whole new ask queue is new supply
    expect(ofiEvent(prev, s(100, 10, 101, 5))).toBe(-5);
    // ask price up: the whole old ask queue left
    expect(ofiEvent(prev, s(100, 10, 103, 1))).toBe(20);
    // ask unchanged price: minus the size change
    expect(ofiEvent(prev, s(100, 10, 102, 26))).toBe(-6);
    // both sides at once add up
    expect(ofiEvent(prev, s(101, 3, 103, 1))).toBe(23);
  });

  it("records events only when the best level changes", () => {
    const t = new OfiTracker([1000]);
    expect(t.onTop(0, 100, 10, 101, 8)).toBe(0);
    expect(t.onTop(1, 100, 10, 101, 8)).toBe(0);
    expect(t.events).toBe(0);
    expect(t.onTop(2, 100, 11, 101, 8)).toBe(1);
    expect(t.events).toBe(1);
  });

  it("forgets events older than the window and the previous state after a reset", () => {
    const t = new OfiTracker([1000]);
    t.onTop(0, 100, 10, 101, 8);
    t.onTop(100, 100, 15, 101, 8);
    t.onTop(900, 100, 16, 101, 8);
    expect(t.sum(0, 1000)).toBe(6);
    expect(t.sum(0, 1100)).toBe(1);
    t.reset();
    expect(t.onTop(1200, 50, 1, 51, 1)).toBe(0);
    expect(t.sum(0, 1200)).toBe(0);
  });

  it("is antisymmetric under swapping the bid and ask sides", () => {
    const st = fc.record({
      bidPx: fc.integer({ min: 90, max: 100 }),
      bidSz: fc.integer({ min: 1, max: 100 }),
      spread: fc.integer({ min: 1, max: 5 }),
      askSz: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(st, st, (a, b) => {
        const pa = s(a.bidPx, a.bidSz, a.bidPx + a.spread, a.askSz);
        const pb = s(b.bidPx, b.bidSz, b.bidPx + b.spread, b.askSz);
        // Mirror prices around 0 so the ask becomes a bid: the flow must flip sign.
        const mirror = (x: BestLevels): BestLevels => s(-x.askPx, x.askSz, -x.bidPx, x.bidSz);
        expect(ofiEvent(mirror(pa), mirror(pb)) + ofiEvent(pa, pb)).toBe(0);
      }),
    );
  });
});
