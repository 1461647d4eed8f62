import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidPrice, isValidSize, maxPriceDecimals, roundPrice, roundSize, type TickSpec } from "./price-rules";
import { decimalArb } from "./test-arbitraries";

const perp = (szDecimals: number): TickSpec => ({ kind: "perp", szDecimals });
const spot = (szDecimals: number): TickSpec => ({ kind: "spot", szDecimals });
const outcome: TickSpec = { kind: "outcome", szDecimals: 0 };

const value = (r: { ok: boolean; value?: string }): string | undefined => (r.ok ? r.value : undefined);

describe("roundPrice", () => {
  it("rounds toward the passive side: floor for bids, ceil for asks", () => {
    expect(value(roundPrice("2301.456", perp(4), "floor"))).toBe("2301.4");
    expect(value(roundPrice("2301.456", perp(4), "ceil"))).toBe("2301.5");
    expect(value(roundPrice("2301.456", perp(4), "nearest"))).toBe("2301.5");
    expect(value(roundPrice("0.0123456", spot(0), "ceil"))).toBe("0.012346");
  });

  it("uses the integer (always valid) at and above 10^5 instead of cutting 5 significant figures", () => {
    expect(value(roundPrice("123456.7", perp(0), "floor"))).toBe("123456");
    expect(value(roundPrice("123456.7", perp(0), "ceil"))).toBe("123457");
    expect(value(roundPrice("99999.95", perp(0), "ceil"))).toBe("100000");
  });

  it("re-applies the rule when rounding up carries into the next power of ten", () => {
    expect(value(roundPrice("9.99996", perp(0), "ceil"))).toBe("10");
    expect(value(roundPrice("0.999996", spot(0), "ceil"))).toBe("1");
  });

  it("cuts float noise before rounding a float input", () => {
    expect(value(roundPrice(0.1 + 0.2, outcome, "ceil"))).toBe("0.3");
    expect(value(roundPrice(1 - 0.7, outcome, "floor"))).toBe("0.3");
  });

  it("keeps outcome prices strictly inside (0, 1) with 5 decimals", () => {
    expect(value(roundPrice("0.123456", outcome, "floor"))).toBe("0.12345");
    expect(value(roundPrice("0.0123456", outcome, "floor"))).toBe("0.01234");
    expect(roundPrice("0.999996", outcome, "ceil")).toMatchObject({ ok: false, error: { kind: "outOfRange" } });
    expect(roundPrice("0.000004", outcome, "floor")).toMatchObject({ ok: false, error: { kind: "zero" } });
  });

  it("returns an error value for non-numbers", () => {
    expect(roundPrice("1e5", perp(0))).toMatchObject({ ok: false, error: { kind: "notNumber" } });
    expect(roundPrice(Number.NaN, perp(0))).toMatchObject({ ok: false, error: { kind: "notNumber" } });
  });

  const specArb = fc.oneof(
    fc.integer({ min: 0, max: 6 }).map(perp),
    fc.integer({ min: 0, max: 8 }).map(spot),
  );

  it("floor <= x <= ceil, both valid and fixed points, and a valid price rounds to itself", () => {
    fc.assert(
      fc.property(decimalArb(9, 2_000_000_000), specArb, (x, spec) => {
        const lo = roundPrice(x, spec, "floor");
        const hi = roundPrice(x, spec, "ceil");
        if (!hi.ok) return; // only tiny values round to zero
        expect(isValidPrice(hi.value, spec)).toBe(true);
        expect(Number(hi.value)).toBeGreaterThanOrEqual(Number(x));
        expect(value(roundPrice(hi.value, spec, "floor"))).toBe(hi.value);
        if (lo.ok) {
          expect(isValidPrice(lo.value, spec)).toBe(true);
          expect(Number(lo.value)).toBeLessThanOrEqual(Number(x));
          expect(value(roundPrice(lo.value, spec, "ceil"))).toBe(lo.value);
          const near = value(roundPrice(x, spec, "nearest"));
          expect([lo.value, hi.value]).toContain(near);
          if (isValidPrice(x, spec)) expect(lo.value).toBe(hi.value);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("sizes", () => {
  it("round to the lot and refuse zero", () => {
    expect(value(roundSize("0.123456", perp(5), "floor"))).toBe("0.12345");
    expect(value(roundSize("0.123451", perp(5), "ceil"))).toBe("0.12346");
    expect(roundSize("0.000001", perp(5), "floor")).toMatchObject({ ok: false, error: { kind: "zero" } });
  });

  it("outcomes trade whole shares whatever szDecimals says", () => {
    expect(value(roundSize("35.9", { kind: "outcome", szDecimals: 5 }, "floor"))).toBe("35");
    expect(isValidSize("35.5", { kind: "outcome", szDecimals: 5 })).toBe(false);
    expect(isValidSize("0", perp(2))).toBe(false);
    expect(isValidSize("-1", perp(2))).toBe(false);
  });
});

describe("maxPriceDecimals", () => {
  it("is 6 - szDecimals on perps, 8 - szDecimals on spot, 5 on outcomes, never negative", () => {
    expect([maxPriceDecimals(perp(5)), maxPriceDecimals(spot(2)), maxPriceDecimals(outcome), maxPriceDecimals(perp(7))]).toEqual([1, 6, 5, 0]);
  });
});
