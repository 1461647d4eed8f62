import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { liquidityTerm } from "./avellaneda";
import { quoteFixedSpread, kappaForHalfSpread, type FixedSpreadParams } from "./fixed-spread";
import { GlftCache } from "./glft";
import { quoteOutcome, type OutcomeView } from "./outcome-quoter";

const P: FixedSpreadParams = {
  model: "auto",
  gamma: 5,
  kappa: 200,
  arrival_A: 0.05,
  order_size: 25,
  min_size: 1,
  max_inventory: 100,
  glft_switch_frac: 0.5,
  glft_sigma_step: 0,
  reduce_only_secs: 600,
  min_notional_usd: 0,
  half_spread: 0.004,
};

// A real top of the HIP-4 #150 book (2026-05-10 04:13:29 UTC): 0.971 × 3269 / 0.9711 × 1075, so the
// size-weighted micro-price is 0.971075; quoted on a 0.0001 grid.
const view = (over: Partial<OutcomeView> = {}): OutcomeView => ({
  ticksPerUnit: 10_000,
  bestBid: px(9710),
  bestAsk: px(9711),
  micro: 0.971075,
  sigma: 0.0002,
  tauSecs: 6_000,
  yesLots: sz(0),
  noLots: sz(0),
  ...over,
});

const cache = new GlftCache();

describe("fixed-spread quoter", () => {
  it("solves κ so the AS liquidity term is the wanted half-spread", () => {
    for (const [g, h] of [[5, 0.004], [0.1, 1.2908], [0.5, 0.01]] as const) expect(liquidityTerm(g, kappaForHalfSpread(g, h))).toBeCloseTo(h, 12);
  });

  it("quotes s ± h on the grid, buying NO for the ask it holds no YES for", () => {
    const q = quoteFixedSpread(view(), P, cache);
    expect(q.rawBid).toBeCloseTo(0.967075, 12);
    expect(q.rawAsk).toBeCloseTo(0.975075, 12);
    // Bids round down and asks up to the grid: 0.9670 and 0.9751.
    expect(q.bid).toMatchObject({ book: "yes", side: "buy", px: 9670, sz: 25 });
    // The ask 0.9751 YES is a buy of NO at 0.0249 (no minimum notional in these params).
    expect(q.ask).toMatchObject({ book: "no", side: "buy", px: 249, yesPx: 9751, sz: 25 });
  });

  it("does not skew with inventory, where AS does", () => {
    const flat = quoteFixedSpread(view(), P, cache);
    const long = quoteFixedSpread(view({ yesLots: sz(50) }), P, cache);
    expect(long.bid?.yesPx).toBe(flat.bid?.yesPx);
    expect(long.ask?.yesPx).toBe(flat.ask?.yesPx);
    // Holding YES, the ask now sells it instead of buying NO.
    expect(long.ask).toMatchObject({ book: "yes", side: "sell" });
    const asLong = quoteOutcome(view({ yesLots: sz(50), sigma: 0.002 }), { ...P, model: "as" }, cache);
    const asFlat = quoteOutcome(view({ sigma: 0.002 }), { ...P, model: "as" }, cache);
    expect(asLong.bid!.yesPx).toBeLessThan(asFlat.bid!.yesPx);
  });

  it("keeps |YES − NO| within max_inventory on every quote (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 200, max: 9_800 }), (yes, no, mid) => {
        const q = quoteFixedSpread(view({ yesLots: sz(yes), noLots: sz(no), micro: mid / 10_000, bestBid: px(mid - 5), bestAsk: px(mid + 5) }), P, cache);
        const net = yes - no;
        const bidAdds = q.bid === null ? 0 : q.bid.sz;
        const askAdds = q.ask === null ? 0 : q.ask.sz;
        expect(net + bidAdds).toBeLessThanOrEqual(P.max_inventory);
        expect(net - askAdds).toBeGreaterThanOrEqual(-P.max_inventory);
      }),
    );
  });

  it("goes reduce-only near expiry like the AS quoter", () => {
    const q = quoteFixedSpread(view({ tauSecs: 100, yesLots: sz(30) }), P, cache);
    expect(q.reduceOnly).toBe(true);
    expect(q.bid).toBeNull();
    expect(q.ask).toMatchObject({ book: "yes", side: "sell", sz: 25 });
  });

  it("refuses a non-positive half-spread with a note instead of quoting", () => {
    const q = quoteFixedSpread(view(), { ...P, half_spread: 0 }, cache);
    expect(q.bid).toBeNull();
    expect(q.notes[0]).toMatch(/half_spread/);
  });
});
