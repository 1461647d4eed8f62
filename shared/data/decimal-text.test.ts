import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberToDecimal, plainDecimal } from "./decimal-text";

describe("plainDecimal", () => {
  it("expands the exponent forms recorders wrote", () => {
    expect(plainDecimal("1e-05")).toBe("0.00001");
    expect(plainDecimal("8e-05")).toBe("0.00008");
    expect(plainDecimal("1.5e-7")).toBe("0.00000015");
    expect(plainDecimal("2.5E+3")).toBe("2500");
    expect(plainDecimal("1.234e2")).toBe("123.4");
    expect(plainDecimal("-3e0")).toBe("-3");
    expect(plainDecimal("109755.0")).toBe("109755.0");
    expect(plainDecimal("0.95236")).toBe("0.95236");
  });

  it("refuses what is not a number", () => {
    for (const bad of ["", "abc", "1e", "e5", "1.2.3", "NaN", "Infinity", "0x10", " 1", "1e9999"]) {
      expect(plainDecimal(bad)).toBeNull();
    }
  });

  it("names the same number as the text it came from", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = numberToDecimal(x);
        expect(s).not.toBeNull();
        expect(s).not.toMatch(/e/i);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
    );
    expect(numberToDecimal("1")).toBeNull();
    expect(numberToDecimal(Number.NaN)).toBeNull();
  });
});
