/**
 * The dashboard draws the engine's formulas from its own copy of them (dashboard/js/models.js:
 * static files, no build step). These tests hold that copy to the engine's functions on random
 * inputs, so a 3D view can never show a surface the strategy does not trade on.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ofiEvent as engineOfi } from "../../shared/signals/ofi";
import { asQuote as engineAs } from "../../shared/strategies/avellaneda";
import { cashOrNothing, normCdf as engineCdf } from "../../shared/strategies/digital";
import { dashboard, type ModelsModule, type SeriesLike } from "./dashboard-modules";

let m: ModelsModule;
let Series: new (max?: number, minGapMs?: number) => SeriesLike;
beforeAll(async () => {
  m = await dashboard.models();
  Series = (await dashboard.series()).Series;
});

const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe("dashboard models = engine formulas", () => {
  it("AS quote band: reservation, half-spread, bid and ask are the engine's to the last bit", () => {
    fc.assert(
      fc.property(pos(0.001, 0.999), fc.double({ min: -40, max: 40, noNaN: true }), pos(0, 0.01), pos(0, 200_000), pos(0.01, 50), pos(1, 1_000), (s, q, sigma, tau, gamma, kappa) => {
        const a = m.asQuote(s, q, sigma, tau, gamma, kappa);
        const b = engineAs(s, q, sigma, tau, { gamma, kappa });
        expect(a).toEqual(b);
      }),
      { numRuns: 2_000 },
    );
  });

  it("the band surface is the quote at every grid point (rows follow q, columns follow σ)", () => {
    const sigmas = m.linspace(0, 0.001, 5);
    const qs = [-3, 0, 2];
    const band = m.asBand({ s: 0.62, tau: 3_600, gamma: 5, kappa: 200 }, sigmas, qs);
    qs.forEach((q, i) =>
      sigmas.forEach((sg, j) => {
        const e = engineAs(0.62, q, sg, 3_600, { gamma: 5, kappa: 200 });
        expect(band.bid[i]?.[j]).toBe(e.bid);
        expect(band.ask[i]?.[j]).toBe(e.ask);
      }),
    );
  });

  it("digital P(YES) is the engine's cash-or-nothing call (r = 0) within 1e-12", () => {
    fc.assert(
      fc.property(pos(20_000, 200_000), pos(20_000, 200_000), pos(0.01, 3), pos(0, 0.1), (S, K, sigma, T) => {
        expect(Math.abs(m.digitalYes(S, K, sigma, T) - cashOrNothing({ S, K, sigma, T }).call)).toBeLessThan(1e-12);
      }),
      { numRuns: 2_000 },
    );
  });

  it("Φ matches the engine's and the published table (Φ(1.96) = 0.9750021)", () => {
    expect(m.normCdf(0)).toBe(0.5);
    expect(m.normCdf(1.96)).toBeCloseTo(0.9750021048517795, 12);
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(m.normCdf(x)).toBe(engineCdf(x));
      }),
      { numRuns: 1_000 },
    );
  });

  it("at expiry the digital is the payoff 1{S ≥ K}, and the surface turns into that step as τ shrinks", () => {
    expect(m.digitalYes(80_355, 80_354, 0.4, 0)).toBe(1);
    expect(m.digitalYes(80_353, 80_354, 0.4, 0)).toBe(0);
    const spots = [79_000, 80_000, 80_700, 81_500];
    const wide = m.digitalSurface(80_354, 1 / 365, [0.4], spots).map((r) => r[0] as number);
    const narrow = m.digitalSurface(80_354, 1e-7, [0.4], spots).map((r) => r[0] as number);
    for (let i = 0; i < spots.length; i++) expect(Math.abs((narrow[i] as number) - 0.5)).toBeGreaterThan(Math.abs((wide[i] as number) - 0.5));
  });

  it("OFI event of a best-level change is the engine's e_n", () => {
    const lv = fc.record({ bidPx: fc.integer({ min: 90, max: 110 }), bidSz: fc.integer({ min: 0, max: 500 }), askPx: fc.integer({ min: 90, max: 110 }), askSz: fc.integer({ min: 0, max: 500 }) });
    fc.assert(
      fc.property(lv, lv, (a, b) => {
        expect(m.ofiEvent(a, b)).toBe(engineOfi(a, b));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("inefficiency surface", () => {
  it("each venue's distance from the venues' time-weighted mean, per lookback", () => {
    const yes = new Series(100, 0);
    const model = new Series(100, 0);
    yes.push(0, 0.6);
    yes.push(50_000, 0.7);
    model.push(0, 0.65);
    const z = m.inefficiency([yes, model], [10_000, 100_000], 60_000);
    // 10 s: yes held 0.7 the whole window, model 0.65: mean 0.675.
    expect(z[0]?.[0]).toBeCloseTo(0.025, 12);
    expect(z[0]?.[1]).toBeCloseTo(0.025, 12);
    // 100 s: yes = (0.6·50 + 0.7·10)/60 = 0.61667 (nothing known before t = 0), model 0.65.
    const yesMean = (0.6 * 50 + 0.7 * 10) / 60;
    expect(z[1]?.[0]).toBeCloseTo(Math.abs(yesMean - (yesMean + 0.65) / 2), 12);
  });

  it("a venue without prices in the window is left out of the mean (null), never counted as 0", () => {
    const a = new Series(100, 0);
    const b = new Series(100, 0);
    a.push(1_000, 0.4);
    const z = m.inefficiency([a, b], [5_000], 2_000);
    expect(z[0]).toEqual([0, null]);
  });
});
