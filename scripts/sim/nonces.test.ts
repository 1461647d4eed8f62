import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NONCES_KEPT, NonceBook } from "./nonces";

const T = 1_778_385_600_000;
const DAY = 86_400_000;

describe("NonceBook", () => {
  it("refuses a reused nonce per signer, not across signers", () => {
    const b = new NonceBook();
    expect(b.check("a", T, T)).toBeNull();
    b.use("a", T);
    expect(b.check("a", T, T)).toBe(`Invalid nonce: duplicate nonce ${T}`);
    expect(b.check("b", T, T)).toBeNull();
  });

  it("keeps the time window (T - 2 days, T + 1 day)", () => {
    const b = new NonceBook();
    expect(b.check("a", T - 2 * DAY, T)).toBe(`Invalid nonce: nonce too low ${T - 2 * DAY} < ${T - 2 * DAY}`);
    expect(b.check("a", T - 2 * DAY + 1, T)).toBeNull();
    expect(b.check("a", T + DAY - 1, T)).toBeNull();
    expect(b.check("a", T + DAY, T)).toBe(`Invalid nonce: nonce too high ${T + DAY} > ${T + DAY}`);
  });

  it("accepts out-of-order nonces until 100 are kept, then only above the smallest", () => {
    const b = new NonceBook();
    for (let i = 0; i < NONCES_KEPT; i++) b.use("a", T + 1000 + i);
    expect(b.check("a", T + 500, T)).toBe(`Invalid nonce: nonce too low ${T + 500} < ${T + 1000}`);
    expect(b.check("a", T + 1000 + NONCES_KEPT + 5, T)).toBeNull();
    b.use("a", T + 1000 + NONCES_KEPT + 5);
    // The smallest kept one was dropped; the new floor is the next.
    expect(b.check("a", T + 1000, T)).toBe(`Invalid nonce: nonce too low ${T + 1000} < ${T + 1001}`);
  });

  it("never accepts a nonce twice, whatever the order of arrival", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 300 }), (offsets) => {
        const b = new NonceBook();
        const accepted = new Set<number>();
        for (const o of offsets) {
          const n = T + o;
          if (b.check("s", n, T) === null) {
            expect(accepted.has(n)).toBe(false);
            accepted.add(n);
            b.use("s", n);
          }
        }
        expect(b.keptFor("s").length).toBeLessThanOrEqual(NONCES_KEPT);
      }),
    );
  });
});
