import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { AccountEngine } from "./account-engine";
import { accountConfig, NO, YES } from "./fixtures.test-util";
import type { MarketDecision } from "./types";

const T = 1778385608681;

function withTwoQuotes(): { a: AccountEngine; bid: string; ask: string } {
  const r = AccountEngine.create(accountConfig(), T);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const a = r.value;
  const q = (slot: string, market: string, ticks: number, lots: number) => ({ slot, market, venue: "hl" as const, side: "buy" as const, px: px(ticks), sz: sz(lots), tif: "Alo" as const, tactic: "post_only" as const, strategy: "mm" as const, refPx: px(95_300) });
  const d: MarketDecision = {
    engine: "hl:#150",
    seq: 1,
    ts: T,
    slots: ["hl:#150:bid", "hl:#150:ask"],
    quotes: [q("hl:#150:bid", YES.market, 95_000, 25), q("hl:#150:ask", NO.market, 4_400, 300)],
    orders: [],
    requote: { refresh_tolerance_ticks: 10, size_tolerance: 0.25, min_order_age_ms: 3_000, urgent_ticks: 50 },
    churnPerMin: 30,
    context: { strategy: "mm", tradable: true, alpha: 0, signals: {}, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: null, mid: null, inputs: {}, notes: [] },
  };
  const [bid, ask] = a.submit(d, T).orders.map((o) => o.cloid) as [string, string];
  return { a, bid, ask };
}

describe("AccountEngine against the venue's own view", () => {
  it("reconcile applies a missed fill, resolves an unanswered order, and cancels a foreign one", () => {
    const { a, bid, ask } = withTwoQuotes();
    a.onSendResult(bid, { kind: "resting", oid: 11 }, T + 400);
    const o = a.onReconcile(
      {
        venue: "hl",
        asOfMs: T + 10_000,
        openOrders: [
          { market: YES.market, oid: 11, cloid: bid, side: "buy", px: px(95_000), sz: sz(15), origSz: sz(25), timestampMs: T },
          { market: NO.market, oid: 12, cloid: ask, side: "buy", px: px(4_400), sz: sz(250), origSz: sz(250), timestampMs: T },
          { market: YES.market, oid: 99, cloid: null, side: "sell", px: px(99_000), sz: sz(5), origSz: sz(5), timestampMs: T },
        ],
        fills: [{ market: YES.market, oid: 11, cloid: bid, tid: "f1", side: "buy", px: px(95_000), sz: sz(10), timeMs: T + 5_000 }],
      },
      T + 10_000,
    );
    expect(a.state.risk.positions[YES.market]).toBe(10);
    expect(a.state.ledger.markets[YES.market]!.lots).toBe(10);
    expect(a.state.book.orders[ask]!).toMatchObject({ status: "resting", oid: 12 });
    expect(o.cancelsByOid).toEqual([{ oid: 99, market: YES.market, reason: "unknown_at_venue" }]);
    expect(o.changed).toContain(YES.market);
    // The same fill arriving on the userFills stream afterwards changes nothing.
    a.onFill({ kind: "fill", venue: "hl", coin: "#150", ts: T + 5_000, px: "0.95", sz: "10", side: "buy", oid: 11, cloid: bid, tid: "f1", fee: "0", crossed: false }, T + 11_000);
    expect(a.state.risk.positions[YES.market]).toBe(10);
  });

  it("orderUpdates close an order the venue cancelled (self-trade) and release its reservation", () => {
    const { a, ask } = withTwoQuotes();
    a.onSendResult(ask, { kind: "resting", oid: 12 }, T + 400);
    const before = a.state.risk.exposures["hl:out15"]!.pendingShortLots;
    a.onOrderUpdate({ kind: "orderUpdate", venue: "hl", coin: "#151", ts: T + 900, oid: 12, cloid: ask, side: "buy", px: "0.044", sz: "250", origSz: "250", status: "selfTradeCanceled" }, T + 1_000);
    expect(a.state.book.orders[ask]!.status).toBe("cancelled");
    expect(a.state.risk.exposures["hl:out15"]!.pendingShortLots).toBe(before - 250);
  });

  it("the alarm turns unanswered sends into UNKNOWN (asked about), cancels stale quotes and forgets finished orders", () => {
    const { a, bid, ask } = withTwoQuotes();
    a.onSendResult(bid, { kind: "resting", oid: 11 }, T + 400);
    const t1 = a.tick(T + 6_000);
    expect(a.state.book.orders[ask]!.status).toBe("unknown");
    expect(t1.queries).toEqual([{ cloid: ask, oid: null }]);
    const t2 = a.tick(T + 400 + 300_001);
    expect(t2.cancels).toEqual([{ cloid: bid, market: YES.market, reason: "stale" }]);
    a.onCancelResult(bid, { kind: "ok" }, T + 301_000);
    a.onStatus(ask, { kind: "rejected", reason: "never landed" }, T + 301_000);
    // Cancelled, but the venue has not said how much filled first: still reserved, and asked about.
    expect(a.state.risk.orders[bid]).toBeDefined();
    expect(a.tick(T + 310_000).queries).toEqual([{ cloid: bid, oid: 11 }]);
    a.onStatus(bid, { kind: "cancelled", oid: 11, filledSz: 0, reason: "canceled" }, T + 310_100);
    a.tick(T + 400_000);
    expect(Object.keys(a.state.book.orders)).toEqual([]);
    expect(Object.keys(a.state.risk.orders)).toEqual([]);
  });

  it("a cancel answered before its fill arrives keeps the filled part reserved until the fill lands", () => {
    const { a, bid } = withTwoQuotes();
    a.onSendResult(bid, { kind: "resting", oid: 11 }, T + 400);
    const pending = (): number => a.state.risk.exposures["hl:out15"]!.pendingLongLots;
    const reserved = pending();
    // The venue filled 10 of the 25 in the block that also cancelled the rest; the cancel's
    // "success" arrives first, the fill is still on its way over userFills.
    a.onCancelResult(bid, { kind: "ok" }, T + 1_000);
    expect(pending()).toBe(reserved);
    a.onOrderUpdate({ kind: "orderUpdate", venue: "hl", coin: "#150", ts: T + 1_000, oid: 11, cloid: bid, side: "buy", px: "0.95", sz: "15", origSz: "25", status: "canceled" }, T + 1_050);
    expect(pending()).toBe(reserved - 15);
    a.onFill({ kind: "fill", venue: "hl", coin: "#150", ts: T + 1_000, px: "0.95", sz: "10", side: "buy", oid: 11, cloid: bid, tid: "f9", fee: "0", crossed: false }, T + 1_100);
    expect(pending()).toBe(reserved - 25);
    expect(a.state.risk.positions[YES.market]).toBe(10);
    expect(a.state.risk.orders[bid]).toBeUndefined();
  });
});
