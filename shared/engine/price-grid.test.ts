import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScaled } from "../core/decimal";
import { isValidPrice, roundPrice, type TickSpec } from "../venues/hyperliquid/price-rules";
import { priceStep, snapForSide, snapPx } from "./price-grid";

// Perps: MAX_DECIMALS 6 − szDecimals is the finest grid (BTC szDecimals 5 -> 1 decimal, ETH 4 -> 2).
const perp = (pxDecimals: number): TickSpec => ({ kind: "perp", szDecimals: 6 - pxDecimals });

describe("Hyperliquid price grid on integer ticks", () => {
  it("steps like the venue: 5 significant figures, integers always valid", () => {
    expect(priceStep(807_430, 1)).toBe(10); // BTC 80743.0 -> whole dollars
    expect(priceStep(99_999, 1)).toBe(1); // 9999.9
    expect(priceStep(1_000_000, 1)).toBe(10); // 100000.0: integers only
    expect(priceStep(430_012, 2)).toBe(10); // ETH 4300.12 -> 0.1
    expect(priceStep(95_236, 5)).toBe(1); // an outcome at 0.95236
    expect(snapPx(430_017, 2, "floor")).toBe(430_010);
    expect(snapPx(430_011, 2, "ceil")).toBe(430_020);
    expect(snapPx(999_995, 2, "ceil")).toBe(1_000_000); // 9999.95 -> 10000.00 (carry into a coarser step)
    expect(snapForSide(430_011, 2, "buy", true)).toBe(430_020);
    expect(snapForSide(430_011, 2, "buy", false)).toBe(430_010);
    expect(snapForSide(430_011, 2, "sell", true)).toBe(430_010);
  });

  it("agrees with the wire layer's roundPrice and is always valid (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom("floor" as const, "ceil" as const), (ticks, dec, mode) => {
        const snapped = snapPx(ticks, dec, mode);
        const text = formatScaled(snapped, dec);
        expect(isValidPrice(text, perp(dec))).toBe(true);
        const ref = roundPrice(formatScaled(ticks, dec), perp(dec), mode);
        expect(ref.ok && ref.value).toBe(text);
        if (mode === "floor") expect(snapped).toBeLessThanOrEqual(ticks);
        else expect(snapped).toBeGreaterThanOrEqual(ticks);
      }),
      { numRuns: 2_000 },
    );
  });
});
