import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newCloid, parseCloid } from "./cloid";
import { hexToBytes } from "./hex";

describe("cloid", () => {
  it("is 0x + 32 lowercase hex of the 16 random bytes given", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const c = newCloid(bytes);
        expect(c.ok && c.value).toMatch(/^0x[0-9a-f]{32}$/);
        expect(c.ok && hexToBytes(c.value)).toEqual(bytes);
        expect(c.ok && parseCloid(c.value)).toEqual(c);
      }),
    );
  });

  it("refuses other lengths of randomness", () => {
    expect(newCloid(new Uint8Array(15))).toMatchObject({ ok: false, error: { kind: "badCloid" } });
  });

  it("lowercases a valid cloid and refuses malformed ones", () => {
    expect(parseCloid("0x1234567890ABCDEF1234567890abcdef")).toEqual({ ok: true, value: "0x1234567890abcdef1234567890abcdef" });
    expect(parseCloid("1234567890abcdef1234567890abcdef")).toMatchObject({ ok: false, error: { why: "missing 0x prefix" } });
    expect(parseCloid("0x1234567890abcdef1234567890abcdeg").ok).toBe(false);
  });
});
