import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bearerToken, constantTimeEqual } from "./auth";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("admin auth", () => {
  it("reads a bearer token and nothing else", () => {
    expect(bearerToken("Bearer abc.def-123")).toBe("abc.def-123");
    expect(bearerToken("bearer  tok ")).toBe("tok");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it("compares like === on bytes, including different lengths and a prefix", () => {
    expect(constantTimeEqual(bytes("secret"), bytes("secret"))).toBe(true);
    expect(constantTimeEqual(bytes("secret"), bytes("secreT"))).toBe(false);
    expect(constantTimeEqual(bytes("secret"), bytes("secret1"))).toBe(false);
    expect(constantTimeEqual(bytes(""), bytes(""))).toBe(true);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        const same = a.length === b.length && a.every((x, i) => x === b[i]);
        expect(constantTimeEqual(a, b)).toBe(same);
        expect(constantTimeEqual(a, a.slice())).toBe(true);
      }),
    );
  });
});
