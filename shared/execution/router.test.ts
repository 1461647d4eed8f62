import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { route } from "./router";

const T = { ofi_high: 2, ofi_mid: 1 };

describe("router", () => {
  it("sends IOC above HIGH, post-only above MID, nothing below, on either sign", () => {
    expect(route(2.5, T)).toBe("ioc");
    expect(route(-2.5, T)).toBe("ioc");
    expect(route(1.5, T)).toBe("post_only");
    expect(route(-1.5, T)).toBe("post_only");
    expect(route(0.5, T)).toBe("skip");
  });

  it("uses strict thresholds and skips what is not a number", () => {
    expect(route(2, T)).toBe("post_only");
    expect(route(1, T)).toBe("skip");
    expect(route(NaN, T)).toBe("skip");
    expect(route(Infinity, T)).toBe("skip");
  });

  it("never becomes less aggressive as |ofi| grows", () => {
    const rank = { skip: 0, post_only: 1, ioc: 2 } as const;
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, d) => {
        const bigger = x >= 0 ? x + d : x - d;
        expect(rank[route(bigger, T)]).toBeGreaterThanOrEqual(rank[route(x, T)]);
      }),
    );
  });
});
