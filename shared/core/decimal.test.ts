import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalPlaces, formatScaled, parseScaled } from "./decimal";

describe("parseScaled", () => {
  it("reads wire strings onto an integer grid", () => {
    expect(parseScaled("111038.0", 1)).toBe(1110380);
    expect(parseScaled("0.00123", 8)).toBe(123000);
    expect(parseScaled("-0.05", 2)).toBe(-5);
    expect(parseScaled("100", 0)).toBe(100);
    expect(parseScaled("1.2300", 2)).toBe(123);
    expect(parseScaled("-0", 3)).toBe(0);
    expect(Object.is(parseScaled("-0.000", 3), 0)).toBe(true);
  });

  it("refuses what is not an exact decimal on the grid", () => {
    for (const bad of ["", "-", ".", "1e-3", "1.2.3", "abc", "NaN", "Infinity", " 1", "1,5", "0x10"]) {
      expect(parseScaled(bad, 4)).toBeNull();
    }
    expect(parseScaled("1.23", 1)).toBeNull();
    expect(parseScaled("99999999999999999", 2)).toBeNull();
  });
});

describe("formatScaled", () => {
  it("prints canonical wire strings", () => {
    expect(formatScaled(1110385, 1)).toBe("111038.5");
    expect(formatScaled(1110380, 1)).toBe("111038");
    expect(formatScaled(5, 2)).toBe("0.05");
    expect(formatScaled(-5, 2)).toBe("-0.05");
    expect(formatScaled(0, 8)).toBe("0");
    expect(formatScaled(12300, 8)).toBe("0.000123");
    expect(formatScaled(7, 0)).toBe("7");
  });

  it("round-trips every integer through its string", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: 0, max: 8 }), (n, d) => {
        const s = formatScaled(n, d);
        expect(parseScaled(s, d)).toBe(n);
        expect(s).not.toMatch(/e|^-0$|\.$|\.\d*0$/);
      }),
    );
  });
});

describe("decimalPlaces", () => {
  it("ignores trailing zeros", () => {
    expect(decimalPlaces("1.2300")).toBe(2);
    expect(decimalPlaces("100")).toBe(0);
    expect(decimalPlaces("0.00001")).toBe(5);
  });
});
