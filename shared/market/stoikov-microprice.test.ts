import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StoikovFitter, stoikovMicroprice, type TopOfBook } from "./stoikov-microprice";

const heavyBid = (bid: number): TopOfBook => ({ bidPx: bid, bidSz: 9, askPx: bid + 1, askSz: 1 });
const heavyAsk = (bid: number): TopOfBook => ({ bidPx: bid, bidSz: 1, askPx: bid + 1, askSz: 9 });

describe("Stoikov micro-price", () => {
  it("solves a two-state chain by hand", () => {
    // From the heavy-bid state H: 5/10 stay with no mid move, 3/10 mid +1 tick back into H,
    // 2/10 mid +1 tick into the heavy-ask state L. Symmetrisation adds the mirror for L.
    // Q = diag(.5,.5), T = [[.3,.2],[.2,.3]] (L,H), RK = [-.5,.5], so G1 = [-1, 1],
    // B = 2T has eigenvalue .2 on G1, and g* = G1 / (1 - .2) = [-1.25, 1.25] ticks.
    const f = new StoikovFitter({ imbalanceBuckets: 2, tickUnits: 1, maxSpreadTicks: 1, iterations: 60 });
    for (let i = 0; i < 5; i++) f.add(heavyBid(100), heavyBid(100));
    for (let i = 0; i < 3; i++) f.add(heavyBid(100), heavyBid(101));
    for (let i = 0; i < 2; i++) f.add(heavyBid(100), heavyAsk(101));
    const fit = f.fit();
    if (!fit.ok) throw new Error(fit.error);
    expect(fit.value.adjustment[0]?.[0]).toBeCloseTo(-1.25, 12);
    expect(fit.value.adjustment[0]?.[1]).toBeCloseTo(1.25, 12);
    expect(stoikovMicroprice(fit.value, heavyBid(200))).toBeCloseTo(201.75, 12);
    expect(stoikovMicroprice(fit.value, { bidPx: 10, bidSz: 1, askPx: 13, askSz: 1 })).toBe(11.5);
  });

  it("works in venue price steps when the book's unit is finer", () => {
    // The same chain with prices in units of a tenth of a step.
    const f = new StoikovFitter({ imbalanceBuckets: 2, tickUnits: 10, maxSpreadTicks: 1, iterations: 60 });
    const up = (b: number, heavy: boolean): TopOfBook => ({ bidPx: b * 10, bidSz: heavy ? 9 : 1, askPx: b * 10 + 10, askSz: heavy ? 1 : 9 });
    for (let i = 0; i < 5; i++) f.add(up(100, true), up(100, true));
    for (let i = 0; i < 3; i++) f.add(up(100, true), up(101, true));
    for (let i = 0; i < 2; i++) f.add(up(100, true), up(101, false));
    const fit = f.fit();
    if (!fit.ok) throw new Error(fit.error);
    expect(fit.value.adjustment[0]?.[1]).toBeCloseTo(1.25, 12);
    expect(stoikovMicroprice(fit.value, up(200, true))).toBeCloseTo(2017.5, 9);
  });

  it("refuses to fit when a state was never seen", () => {
    const f = new StoikovFitter({ imbalanceBuckets: 4, tickUnits: 1, maxSpreadTicks: 2, iterations: 5 });
    f.add(heavyBid(100), heavyBid(101));
    expect(f.fit().ok).toBe(false);
  });

  it("is antisymmetric in the imbalance for any data, because the sample is symmetrised", () => {
    const top = fc.record({
      bidPx: fc.integer({ min: 100, max: 103 }),
      bidSz: fc.integer({ min: 1, max: 50 }),
      spread: fc.integer({ min: 1, max: 2 }),
      askSz: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(top, { minLength: 200, maxLength: 400 }), (tops) => {
        const f = new StoikovFitter({ imbalanceBuckets: 3, tickUnits: 1, maxSpreadTicks: 2, iterations: 10 });
        const books = tops.map((t) => ({ bidPx: t.bidPx, bidSz: t.bidSz, askPx: t.bidPx + t.spread, askSz: t.askSz }));
        for (let i = 1; i < books.length; i++) f.add(books[i - 1] as TopOfBook, books[i] as TopOfBook);
        const fit = f.fit();
        if (!fit.ok) throw new Error(fit.error);
        for (const row of fit.value.adjustment) {
          expect((row[0] as number) + (row[2] as number)).toBeCloseTo(0, 9);
          expect(row[1]).toBeCloseTo(0, 9);
        }
      }),
      { numRuns: 30 },
    );
  });
});
