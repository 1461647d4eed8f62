import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expiresAfter, MAX_AHEAD_MS, NonceSource } from "./nonce";

const T0 = 1_700_000_000_000;

describe("nonce source", () => {
  it("is strictly increasing whatever the clock does (bursts in one ms, clock going back)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 1, maxLength: 200 }), (steps) => {
        const src = new NonceSource();
        let now = T0;
        let prev = 0;
        for (const step of steps) {
          now += step;
          const n = src.next(now);
          expect(n.ok).toBe(true);
          if (!n.ok) return;
          expect(n.value).toBeGreaterThan(prev);
          expect(n.value).toBeGreaterThanOrEqual(now);
          prev = n.value;
        }
      }),
    );
  });

  it("follows the clock when it is ahead of the last nonce", () => {
    const src = new NonceSource();
    expect([src.next(T0), src.next(T0), src.next(T0 + 10)].map((r) => r.ok && r.value)).toEqual([T0, T0 + 1, T0 + 10]);
  });

  it("continues from persisted state after a restart, never reusing a nonce", () => {
    const a = new NonceSource();
    a.next(T0);
    a.next(T0);
    const b = new NonceSource(a.exportState());
    expect(b.next(T0 - 60_000)).toEqual({ ok: true, value: T0 + 2 });
  });

  it("refuses a nonce a day ahead of the clock (the venue would) and a bad clock", () => {
    const src = new NonceSource({ last: T0 + MAX_AHEAD_MS });
    expect(src.next(T0)).toMatchObject({ ok: false, error: { kind: "aheadOfClock" } });
    expect(src.exportState()).toEqual({ last: T0 + MAX_AHEAD_MS });
    expect(new NonceSource().next(Number.NaN)).toMatchObject({ ok: false, error: { kind: "badClock" } });
  });

  it("expiresAfter is now + ttl", () => {
    expect(expiresAfter(T0, 5_000)).toEqual({ ok: true, value: T0 + 5_000 });
    expect(expiresAfter(T0, 0).ok).toBe(false);
  });
});
