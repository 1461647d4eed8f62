import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonCursor } from "./json-cursor";
import { UDecimalStr, UInt } from "./schema-common";

/** What JSON.parse + the schema make of a JSON number literal: the value, or undefined if refused. */
function schemaUInt(literal: string): number | undefined {
  try {
    const r = UInt.safeParse(JSON.parse(literal));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** The cursor's UDecimalStr reading of a string's characters. */
const cursorDecimal = (chars: string): string | undefined => new JsonCursor(`"${chars}"`).decimal();

/** The cursor's UInt reading of a whole literal (nothing may follow it). */
function cursorUInt(literal: string): number | undefined {
  const c = new JsonCursor(literal);
  const v = c.uint();
  return v >= 0 && c.atEnd() ? v : undefined;
}

describe("decimal accepts exactly the UDecimalStr strings", () => {
  it("on hand cases", () => {
    const ok = ["0", "42727.0", "0.00005299", "007.50", "9".repeat(30)];
    const bad = ["", ".5", "5.", "-1", "+1", "1e5", "1,0", " 1", "1.0.0", "١", "0x10", "NaN"];
    for (const s of ok) expect(cursorDecimal(s), s).toBe(s);
    for (const s of bad) expect(cursorDecimal(s), s).toBeUndefined();
  });

  it("agrees with the schema's regex on random text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9.]{0,8}$/), fc.string({ maxLength: 8 })), (s) => {
        if (s.includes('"')) return;
        expect(cursorDecimal(s) === s).toBe(UDecimalStr.safeParse(s).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("uint reads what JSON.parse + UInt accept, and defers on the rest", () => {
  it("on hand cases", () => {
    expect(cursorUInt("0")).toBe(0);
    expect(cursorUInt("1704110399915")).toBe(1704110399915);
    expect(cursorUInt(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    for (const s of ["-0", "-1", "01", "1.5", "9007199254740992", "99999999999999999", "NaN", ""]) expect(cursorUInt(s), s).toBeUndefined();
    // JSON.parse + UInt accept these, the cursor leaves them to the schema path.
    for (const s of ["1.0", "1e3", "1E+2"]) {
      expect(schemaUInt(s), s).toBeDefined();
      expect(cursorUInt(s), s).toBeUndefined();
    }
  });

  it("never accepts a literal the schema path refuses, and gives the same value", () => {
    const literal = fc.oneof(
      fc.maxSafeNat().map(String),
      fc.bigInt({ min: 0n, max: 10n ** 18n }).map(String),
      fc.stringMatching(/^-?[0-9]{1,18}(\.[0-9]{1,3})?([eE][+-]?[0-9])?$/),
    );
    fc.assert(
      fc.property(literal, (s) => {
        const got = cursorUInt(s);
        if (got !== undefined) expect(got).toBe(schemaUInt(s));
        if (/^(0|[1-9][0-9]*)$/.test(s) && schemaUInt(s) !== undefined) expect(got).toBe(schemaUInt(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("stops at the end of the digits, leaving what follows", () => {
    const c = new JsonCursor('1704110399915,"');
    expect(c.uint()).toBe(1704110399915);
    expect(c.pos).toBe(13);
  });
});

describe("JsonCursor tokens", () => {
  it("matches keys in place and skips JSON whitespace only", () => {
    const c = new JsonCursor(' { "sz" :\t"1.5",\r\n"px":"2"}');
    expect(c.eat(123)).toBe(true);
    expect(c.key(["px", "sz"])).toBe(1);
    expect(c.decimal()).toBe("1.5");
    expect(c.eat(44)).toBe(true);
    expect(c.key(["px", "sz"])).toBe(0);
    expect(c.decimal()).toBe("2");
    expect(c.eat(125)).toBe(true);
    expect(c.atEnd()).toBe(true);
    expect(new JsonCursor("\f{").eat(123)).toBe(false);
    expect(new JsonCursor('"pxx":').key(["px"])).toBe(-1);
  });

  it("refuses strings with escapes or raw control characters", () => {
    expect(new JsonCursor('"BTC"').string()).toBe("BTC");
    expect(new JsonCursor('"B\\u0054C"').string()).toBeUndefined();
    expect(new JsonCursor('"a\nb"').string()).toBeUndefined();
    expect(new JsonCursor('"abc').string()).toBeUndefined();
  });

  it("reads hex of a given length, booleans and null", () => {
    const address = `0x${"aB".repeat(20)}`;
    expect(new JsonCursor(`"${address}"`).hex(40)).toBe(address);
    expect(new JsonCursor(`"${address}0"`).hex(40)).toBeUndefined();
    expect(new JsonCursor('"0x"').hex(-1)).toBe("0x");
    expect(new JsonCursor('"0xg"').hex(-1)).toBeUndefined();
    expect(new JsonCursor(" true").boolean()).toBe(1);
    expect(new JsonCursor("false").boolean()).toBe(0);
    expect(new JsonCursor("True").boolean()).toBe(-1);
    expect(new JsonCursor("null").null()).toBe(true);
    expect(new JsonCursor("nul").null()).toBe(false);
  });
});
