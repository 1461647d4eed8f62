import { describe, expect, it } from "vitest";
import { canonicalEvent, relation, type EventKey } from "./event-key";

const EXPIRY = Date.UTC(2026, 4, 3, 6, 0);
const key = (over: Partial<EventKey>): EventKey => ({ underlying: "BTC", strike: "78213", expiryMs: EXPIRY, comparator: "ge", ...over });

describe("event key", () => {
  it("links Hyperliquid's 'mark ≥ 115000' with Kalshi's 'above 114999.99' on a cent grid", () => {
    const hl = canonicalEvent(key({ strike: "115000", comparator: "ge" }), 2);
    const ks = canonicalEvent(key({ strike: "114999.99", comparator: "gt", underlying: "btc" }), 2);
    expect(hl.ok && ks.ok).toBe(true);
    if (hl.ok && ks.ok) {
      expect(hl.value.id).toBe(`BTC|ge|115000|${EXPIRY}`);
      expect(relation(hl.value, ks.value)).toBe("same");
    }
  });

  it("links 'below K' as the complement of '≥ K', and '≤ K' as the complement of '> K'", () => {
    const up = canonicalEvent(key({}), 0);
    const below = canonicalEvent(key({ comparator: "lt" }), 0);
    const gt = canonicalEvent(key({ comparator: "gt" }), 0);
    const le = canonicalEvent(key({ comparator: "le" }), 0);
    if (!(up.ok && below.ok && gt.ok && le.ok)) throw new Error("keys must parse");
    expect(relation(up.value, below.value)).toBe("complement");
    expect(relation(gt.value, le.value)).toBe("complement");
    // '> K' and '≥ K' differ exactly at the strike: not the same event.
    expect(relation(up.value, gt.value)).toBe("unrelated");
  });

  it("keeps different expiries, strikes and underlyings apart", () => {
    const a = canonicalEvent(key({}), 0);
    const b = canonicalEvent(key({ expiryMs: EXPIRY + 86_400_000 }), 0);
    const c = canonicalEvent(key({ strike: "78214" }), 0);
    const d = canonicalEvent(key({ underlying: "ETH" }), 0);
    if (!(a.ok && b.ok && c.ok && d.ok)) throw new Error("keys must parse");
    for (const other of [b.value, c.value, d.value]) expect(relation(a.value, other)).toBe("unrelated");
  });

  it("refuses a strike off the settlement grid and malformed keys as typed errors", () => {
    expect(canonicalEvent(key({ strike: "78213.5" }), 0)).toMatchObject({ ok: false, error: { kind: "bad_strike" } });
    expect(canonicalEvent(key({ strike: "-1" }), 0)).toMatchObject({ ok: false, error: { kind: "bad_strike" } });
    expect(canonicalEvent(key({ underlying: "BTC/USD" }), 0)).toMatchObject({ ok: false, error: { kind: "bad_underlying" } });
    expect(canonicalEvent(key({ expiryMs: 1.5 }), 0)).toMatchObject({ ok: false, error: { kind: "bad_expiry" } });
  });
});
