import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { GlftCache } from "./glft";
import { quoteOutcome, type MmParams, type OutcomeView } from "./outcome-quoter";

// The outcome-flavoured GLFT example of peers.md §5.5 on a 0.001 tick.
const P: MmParams = {
  model: "glft",
  gamma: 5,
  kappa: 200,
  arrival_A: 0.05,
  order_size: 1,
  min_size: 1,
  max_inventory: 50,
  glft_switch_frac: 0.5,
  glft_sigma_step: 0,
  reduce_only_secs: 600,
  min_notional_usd: 0,
};

const view = (over: Partial<OutcomeView> = {}): OutcomeView => ({
  ticksPerUnit: 1000,
  bestBid: px(499),
  bestAsk: px(501),
  micro: 0.5,
  sigma: 0.0005,
  tauSecs: 3600,
  yesLots: sz(0),
  noLots: sz(0),
  ...over,
});

describe("outcome quoter on the GLFT outcome example", () => {
  const cache = new GlftCache();

  it("quotes 5 ticks either side of 0.5 when flat, buying NO instead of selling YES it does not hold", () => {
    const qt = quoteOutcome(view({ bestBid: px(490), bestAsk: px(510) }), P, cache);
    expect(qt.model).toBe("glft");
    expect(qt.rawBid).toBeCloseTo(0.5 - 0.00515, 5);
    expect(qt.bid).toMatchObject({ book: "yes", side: "buy", px: 494, yesPx: 494, clampedToTouch: false });
    // The ask at 0.506 YES is a buy of NO at 1 − 0.506 = 0.494.
    expect(qt.ask).toMatchObject({ book: "no", side: "buy", px: 494, yesPx: 506, clampedToTouch: false });
  });

  it("clamps the crossing reducing quote at +Q to the touch and sells the held YES", () => {
    const qt = quoteOutcome(view({ yesLots: sz(50) }), P, cache);
    expect(qt.bid).toBeNull();
    expect(qt.notes).toContain("no bid at the inventory bound");
    // Model ask 0.5 − 0.00981 = 0.49019 would cross the 0.499 bid: pulled to 0.500 (post-only).
    expect(qt.rawAsk).toBeCloseTo(0.49019, 5);
    expect(qt.ask).toMatchObject({ book: "yes", side: "sell", px: 500, sz: 1, clampedToTouch: true });
  });

  it("clamps the crossing reducing quote at −Q and sells the held NO", () => {
    const qt = quoteOutcome(view({ noLots: sz(50) }), P, cache);
    expect(qt.ask).toBeNull();
    expect(qt.rawBid).toBeCloseTo(0.50981, 5);
    // YES bid pulled to 0.500 (one tick under the 0.501 ask) = a NO sell at 0.500.
    expect(qt.bid).toMatchObject({ book: "no", side: "sell", px: 500, yesPx: 500, clampedToTouch: true });
  });

  it("uses AS inside the range and GLFT past glft_switch_frac in auto mode", () => {
    const auto = { ...P, model: "auto" as const };
    expect(quoteOutcome(view({ yesLots: sz(10) }), auto, cache).model).toBe("as");
    expect(quoteOutcome(view({ yesLots: sz(25) }), auto, cache).model).toBe("glft");
  });
});

describe("GLFT solver reuse", () => {
  it("maps a drifting σ estimate onto a 5% grid so the cached matrix work is reused", () => {
    const cache = new GlftCache();
    const p = { ...P, glft_sigma_step: 0.05 };
    for (const sigma of [0.0005, 0.000501, 0.000504, 0.000499]) quoteOutcome(view({ sigma }), p, cache);
    expect(cache.size).toBe(1);
    quoteOutcome(view({ sigma: 0.00055 }), p, cache);
    expect(cache.size).toBe(2);
    // With step 0 every σ is its own solver: exact, but a new matrix grid each time.
    const exact = new GlftCache();
    for (const sigma of [0.0005, 0.000501]) quoteOutcome(view({ sigma }), P, exact);
    expect(exact.size).toBe(2);
  });
});

describe("reduce-only near expiry", () => {
  const cache = new GlftCache();
  const near = { tauSecs: 300 };

  it("emits nothing when flat", () => {
    const qt = quoteOutcome(view(near), P, cache);
    expect(qt.reduceOnly).toBe(true);
    expect(qt.bid).toBeNull();
    expect(qt.ask).toBeNull();
  });

  it("emits only the side that shrinks the position, no larger than the position", () => {
    const long = quoteOutcome(view({ ...near, yesLots: sz(3) }), { ...P, order_size: 5 }, cache);
    expect(long.bid).toBeNull();
    expect(long.ask).toMatchObject({ side: "sell", book: "yes", sz: 3 });
    const short = quoteOutcome(view({ ...near, noLots: sz(2) }), P, cache);
    expect(short.ask).toBeNull();
    expect(short.bid).toMatchObject({ side: "sell", book: "no", sz: 1 });
  });
});

describe("sizes and the venue minimum", () => {
  const cache = new GlftCache();

  it("raises a cheap leg to the minimum notional when the inventory room allows, else drops it", () => {
    const p = { ...P, model: "as" as const, order_size: 10, max_inventory: 500, min_notional_usd: 10 };
    const cheap = quoteOutcome(view({ micro: 0.05, bestBid: px(40), bestAsk: px(60) }), p, cache);
    expect(cheap.bid?.book).toBe("yes");
    expect(cheap.bid!.sz * (cheap.bid!.px / 1000)).toBeGreaterThanOrEqual(10);
    const tight = quoteOutcome(view({ micro: 0.05, bestBid: px(40), bestAsk: px(60) }), { ...p, max_inventory: 50 }, cache);
    expect(tight.bid).toBeNull();
  });

  it("buys YES instead when the held NO is too small to sell at the venue minimum", () => {
    // YES ~0.95: selling 25 held NO at 0.05 is worth 1.25 < 10; the bid must buy YES instead,
    // not vanish (it used to, leaving the book one-sided for as long as the NO was held).
    const p = { ...P, model: "as" as const, order_size: 25, max_inventory: 2500, min_notional_usd: 10 };
    const v = view({ micro: 0.95, bestBid: px(940), bestAsk: px(960), noLots: sz(100) });
    const qt = quoteOutcome(v, p, cache);
    expect(qt.bid).toMatchObject({ book: "yes", side: "buy" });
    expect(qt.bid!.sz * (qt.bid!.px / 1000)).toBeGreaterThanOrEqual(10);
    // With enough NO held to meet the minimum, the held NO is sold.
    const rich = quoteOutcome({ ...v, noLots: sz(400) }, p, cache);
    expect(rich.bid).toMatchObject({ book: "no", side: "sell" });
    expect(rich.bid!.sz * (rich.bid!.px / 1000)).toBeGreaterThanOrEqual(10);
  });

  it("honours the sizing cap", () => {
    const qt = quoteOutcome(view({ sizeCap: 0.5 }), { ...P, order_size: 3 }, cache);
    expect(qt.bid).toBeNull();
    expect(qt.notes.some((n) => n.includes("min_size"))).toBe(true);
  });
});

describe("quoter invariants (property)", () => {
  const cache = new GlftCache();
  const arb = fc.record({
    bid: fc.integer({ min: 1, max: 997 }),
    width: fc.integer({ min: 1, max: 40 }),
    micro: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
    sigma: fc.double({ min: 1e-5, max: 0.003, noNaN: true }),
    tau: fc.double({ min: 0, max: 20000, noNaN: true }),
    yes: fc.integer({ min: 0, max: 60 }),
    no: fc.integer({ min: 0, max: 60 }),
    model: fc.constantFrom("as" as const, "glft" as const, "auto" as const),
  });

  it("never crosses the book or itself, stays on [tick, 1 − tick] and inside the inventory bound", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const bestAsk = Math.min(999, a.bid + a.width);
        const v = view({
          bestBid: px(a.bid),
          bestAsk: px(bestAsk),
          micro: a.micro,
          sigma: a.sigma,
          tauSecs: a.tau,
          yesLots: sz(a.yes),
          noLots: sz(a.no),
        });
        const p = { ...P, model: a.model, order_size: 2, max_inventory: 40 };
        const qt = quoteOutcome(v, p, cache);
        const q = a.yes - a.no;
        for (const l of [qt.bid, qt.ask]) {
          if (l === null) continue;
          expect(l.yesPx).toBeGreaterThanOrEqual(1);
          expect(l.yesPx).toBeLessThanOrEqual(999);
          expect(l.px).toBe(l.book === "yes" ? l.yesPx : 1000 - l.yesPx);
          if (l.side === "sell") expect(l.sz).toBeLessThanOrEqual(l.book === "yes" ? a.yes : a.no);
        }
        if (qt.bid) {
          expect(qt.bid.yesPx).toBeLessThan(bestAsk);
          expect(q + qt.bid.sz).toBeLessThanOrEqual(Math.max(40, q));
        }
        if (qt.ask) {
          expect(qt.ask.yesPx).toBeGreaterThan(a.bid);
          expect(q - qt.ask.sz).toBeGreaterThanOrEqual(Math.min(-40, q));
        }
        if (qt.bid && qt.ask) expect(qt.bid.yesPx).toBeLessThan(qt.ask.yesPx);
      }),
      { numRuns: 500 },
    );
  });
});
