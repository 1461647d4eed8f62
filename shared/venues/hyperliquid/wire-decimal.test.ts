import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDecimal, floatToIntForHashing, floatToWire, formatDecimal, parseDecimal, parseDecimalOrExponent } from "./wire-decimal";

describe("canonicalDecimal", () => {
  it.each([
    ["2000.0", "2000"],
    ["00.123", "0.123"],
    [".5", "0.5"],
    ["-0.000", "0"],
    ["-10.50", "-10.5"],
    ["+7", "7"],
    ["100", "100"],
  ])("%s -> %s", (input, out) => expect(canonicalDecimal(input)).toEqual({ ok: true, value: out }));

  it.each(["", ".", "-.", "1e-8", "1.2.3", "abc", " 1", "0x10", "1_000"])("refuses %j", (input) => {
    expect(canonicalDecimal(input)).toEqual({ ok: false, error: { kind: "notDecimal", input } });
  });

  it("is idempotent and exact for any digits and scale", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 }), (n, scale, pad) => {
        const s = formatDecimal({ neg: n < 0n, int: n < 0n ? -n : n, scale });
        const padded = s.includes(".") ? s + "0".repeat(pad) : s;
        const c = canonicalDecimal(padded);
        expect(c).toEqual({ ok: true, value: s });
        const back = parseDecimal(s);
        expect(back !== null && (back.neg ? -back.int : back.int) * 10n ** BigInt(scale - back.scale)).toBe(n);
      }),
    );
  });
});

describe("parseDecimalOrExponent (non-wire inputs only)", () => {
  it("reads exponents exactly", () => {
    const d = parseDecimalOrExponent("1.25e-7");
    expect(d && formatDecimal(d)).toBe("0.000000125");
    const big = parseDecimalOrExponent("1.5e+21");
    expect(big && formatDecimal(big)).toBe("1500000000000000000000");
  });
});

describe("floatToWire", () => {
  it("prints any value with at most 8 decimals exactly, canonically, without exponent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 8 }), (n, k) => {
        const x = n / 10 ** k;
        const r = floatToWire(x);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(Number(r.value)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it.each([
    [Number.NaN, "notFinite"],
    [Number.POSITIVE_INFINITY, "notFinite"],
    [1e21, "outOfRange"],
    [1 / 3, "tooPrecise"],
    [0.001953125, "tooPrecise"],
  ])("refuses %s (%s)", (x, kind) => expect(floatToWire(x)).toMatchObject({ ok: false, error: { kind } }));

  it("never prints -0", () => expect(floatToWire(-0)).toEqual({ ok: true, value: "0" }));
});

describe("floatToIntForHashing", () => {
  it("scales by 10^8 exactly, beyond 2^53 too", () => {
    expect(floatToIntForHashing(1e12)).toEqual({ ok: true, value: 100_000_000_000_000_000_000n });
    expect(floatToIntForHashing(0.1)).toEqual({ ok: true, value: 10_000_000n });
    expect(floatToIntForHashing(0.000000001)).toMatchObject({ ok: false, error: { kind: "tooPrecise" } });
    expect(floatToIntForHashing(-1.5)).toEqual({ ok: true, value: -150000000n });
  });
});
