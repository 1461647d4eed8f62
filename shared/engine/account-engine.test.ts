import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import type { FillEvent } from "../events";
import type { QuoteTarget } from "../execution/types";
import { AccountEngine } from "./account-engine";
import { equityFromPnl, ledgerTotals } from "./ledger";
import { accountConfig, BTC, NO, YES } from "./fixtures.test-util";
import type { AccountOutput, MarketDecision } from "./types";

const T = 1778385608681;

function account(over = {}): AccountEngine {
  const r = AccountEngine.create(accountConfig(over), T);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const quote = (slot: string, market: string, side: "buy" | "sell", ticks: number, lots: number): QuoteTarget => ({
  slot,
  market,
  venue: "hl",
  side,
  px: px(ticks),
  sz: sz(lots),
  tif: "Alo",
  tactic: "post_only",
  strategy: "mm",
  refPx: px(95_300),
});

const decision = (quotes: QuoteTarget[], over: Partial<MarketDecision> = {}): MarketDecision => ({
  engine: "hl:#150",
  seq: 1,
  ts: T,
  slots: ["hl:#150:bid", "hl:#150:ask"],
  quotes,
  orders: [],
  requote: { refresh_tolerance_ticks: 10, size_tolerance: 0.25, min_order_age_ms: 3_000, urgent_ticks: 50 },
  churnPerMin: 30,
  context: { strategy: "mm", tradable: true, alpha: 0, signals: {}, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: 0.953, mid: 0.9539, inputs: {}, notes: [] },
  ...over,
});

// Quotes around the recorded 0.95234 / 0.9555 touch: buy YES at 0.9500, buy NO at 0.0440 (= sell YES at 0.9560).
const TWO = [quote("hl:#150:bid", YES.market, "buy", 95_000, 25), quote("hl:#150:ask", NO.market, "buy", 4_400, 300)];

const fill = (cloid: string, market: string, side: "buy" | "sell", p: string, s: string, tid: string, oid = 1): FillEvent => ({
  kind: "fill",
  venue: "hl",
  coin: market.slice(3),
  ts: T,
  px: p,
  sz: s,
  side,
  oid,
  cloid,
  tid,
  fee: "0",
  crossed: false,
});

const balanced = (a: AccountEngine): void => {
  const s = a.state;
  const t = ledgerTotals(s.ledger, { [YES.market]: YES, [NO.market]: NO, [BTC.market]: BTC });
  expect(t.equityMicros).toBe(equityFromPnl(s.ledger, t));
  expect(Math.abs(t.equityMicros / 1e6 - s.risk.equityUsd)).toBeLessThan(1e-6);
};

describe("AccountEngine order path", () => {
  it("plans, allocates cloids, gates and reserves before anything is sent", () => {
    const a = account();
    const o = a.submit(decision(TWO), T);
    expect(o.cancels).toEqual([]);
    expect(o.orders.map((x) => [x.slot, x.market, x.side, x.sz])).toEqual([
      ["hl:#150:bid", "hl:#150", "buy", 25],
      // 300 NO would take the outcome group 300 short against a cap of 250: resized before sending
      // (250 × 0.044 = 11 still meets the 10 minimum).
      ["hl:#150:ask", "hl:#151", "buy", 250],
    ]);
    expect(o.orders.every((x) => /^0x00000000000000aa0{15}[12]$/.test(x.cloid))).toBe(true);
    expect(o.records.map((r) => r.decision.kind)).toEqual(["pass", "resize"]);
    expect(o.records[1]!.decision).toMatchObject({ limit: "max_per_market_qty", requested: 300, sz: 250 });
    const exp = a.state.risk.exposures["hl:out15"]!;
    expect([exp.pendingLongLots, exp.pendingShortLots, exp.openOrders]).toEqual([25, 250, 2]);
    expect(Object.values(a.state.book.orders).map((x) => x.status)).toEqual(["sent", "sent"]);
  });

  it("leaves resting quotes alone within tolerance and replaces them by cancel + new beyond it", () => {
    const a = account();
    const o = a.submit(decision(TWO), T);
    for (const [i, ord] of o.orders.entries()) a.onSendResult(ord.cloid, { kind: "resting", oid: 100 + i }, T + 400);
    const slice = a.slice([YES.market, NO.market], "hl:#150:", T + 400);
    expect(Object.keys(slice.liveOrders)).toEqual(["hl:#150:bid", "hl:#150:ask"]);
    expect(a.submit(decision([quote("hl:#150:bid", YES.market, "buy", 95_010, 25), TWO[1]!]), T + 5_000).orders).toEqual([]);
    const moved = a.submit(decision([quote("hl:#150:bid", YES.market, "buy", 95_100, 25), TWO[1]!]), T + 5_000);
    expect(moved.cancels).toEqual([{ cloid: o.orders[0]!.cloid, market: YES.market, reason: "requote" }]);
    expect(moved.orders.map((x) => x.px)).toEqual([95_100]);
  });

  it("moves fills into the position once (deduplicated by tid), keeps the books balanced", () => {
    const a = account();
    const [bid] = a.submit(decision(TWO), T).orders;
    a.onSendResult(bid!.cloid, { kind: "resting", oid: 7 }, T + 400);
    const f = fill(bid!.cloid, YES.market, "buy", "0.95", "10", "t1", 7);
    const first = a.onFill(f, T + 900);
    expect(first.changed).toEqual([YES.market]);
    a.onFill({ ...f, snapshot: true }, T + 950);
    expect(a.state.risk.positions[YES.market]).toBe(10);
    expect(a.state.book.orders[bid!.cloid]!.status).toBe("partially_filled");
    expect(a.state.risk.exposures["hl:out15"]!.pendingLongLots).toBe(15);
    a.onMarks({ [YES.market]: 0.953, [NO.market]: 0.047 }, T + 1_000);
    balanced(a);
    expect(a.view(T + 1_000).pnl.unrealisedUsd).toBeCloseTo(0.03, 9);
  });

  it("keeps an IOC's reservation for fills the ack reported until they arrive", () => {
    const a = account();
    const ioc = { ...TWO[0]!, tif: "Ioc" as const, tactic: "ioc" as const, px: px(95_550), slot: "hl:#150:parity:outcome" };
    const { slot: _s, ...draft } = ioc;
    const o = a.submit(decision([], { slots: [], orders: [{ ...draft, reduceOnly: false, slot: ioc.slot, createdMs: T }] }), T);
    const cloid = o.orders[0]!.cloid;
    a.onSendResult(cloid, { kind: "filled", oid: 9, totalLots: 13, avgPx: 95_550 }, T + 400);
    expect(a.state.book.orders[cloid]!.status).toBe("cancelled"); // IOC remainder gone
    expect(a.state.risk.exposures["hl:out15"]!.pendingLongLots).toBe(13);
    a.onFill(fill(cloid, YES.market, "buy", "0.9555", "13", "t9", 9), T + 450);
    expect(a.state.risk.exposures["hl:out15"]!).toMatchObject({ pendingLongLots: 0, posLots: 13, openOrders: 0 });
  });

  it("never doubles an order whose outcome is unknown: the slot waits for the venue's answer", () => {
    const a = account();
    const [bid] = a.submit(decision(TWO), T).orders;
    const u = a.onSendResult(bid!.cloid, { kind: "unknown", cause: "timeout" }, T + 5_000);
    expect(u.queries).toEqual([{ cloid: bid!.cloid, oid: null }]);
    const retry = a.submit(decision([quote("hl:#150:bid", YES.market, "buy", 94_000, 25)]), T + 6_000);
    expect(retry.orders.filter((x) => x.slot === "hl:#150:bid")).toEqual([]);
    expect(retry.held).toContainEqual({ slot: "hl:#150:bid", why: "order outcome unknown" });
    expect(a.state.risk.exposures["hl:out15"]!.pendingLongLots).toBe(25);
    a.onStatus(bid!.cloid, { kind: "open", oid: 77, filledSz: 0 }, T + 6_500);
    expect(a.state.book.orders[bid!.cloid]!.status).toBe("resting");
  });

  it("rejects what a resize leaves under the venue minimum, naming the limit that cut it", () => {
    const a = account({ limits: { ...accountConfig().limits, max_per_market_qty: 200 } });
    const o = a.submit(decision(TWO), T);
    expect(o.records[1]!.decision).toMatchObject({ kind: "reject", limit: "max_per_market_qty", reason: expect.stringMatching(/under venue minimum 10$/) });
    expect(o.orders).toHaveLength(1);
  });

  it("releases a reservation when the venue refuses an ALO that would cross", () => {
    const a = account();
    const [bid] = a.submit(decision(TWO), T).orders;
    a.onSendResult(bid!.cloid, { kind: "rejected", reason: "Post only order would have immediately matched" }, T + 400);
    expect(a.state.risk.exposures["hl:out15"]!.pendingLongLots).toBe(0);
    expect(a.state.risk.streaks.venueErrors).toBe(0);
    expect(a.view(T).counts.venueRejects).toBe(1);
  });
});

describe("AccountEngine controls", () => {
  const resting = (a: AccountEngine): AccountOutput => {
    const o = a.submit(decision(TWO), T);
    o.orders.forEach((x, i) => a.onSendResult(x.cloid, { kind: "resting", oid: 10 + i }, T + 400));
    return o;
  };

  it("kill cancels every resting order, refuses new ones, and pulls an order that lands afterwards", () => {
    const a = account();
    const placed = resting(a);
    const late = a.submit(decision([], { engine: "hl:BTC", slots: [], orders: [{ market: BTC.market, venue: "hl", side: "buy", px: px(807_430), sz: sz(100), tif: "Gtc", reduceOnly: false, tactic: "gtc", strategy: "manual", slot: "hl:BTC:x", refPx: px(807_430), createdMs: T }] }), T + 500);
    const k = a.kill("operator", T + 600);
    expect(k.cancels.map((c) => c.cloid).sort()).toEqual(placed.orders.map((x) => x.cloid).sort());
    const landed = a.onSendResult(late.orders[0]!.cloid, { kind: "resting", oid: 99 }, T + 700);
    expect(landed.cancels).toEqual([{ cloid: late.orders[0]!.cloid, market: BTC.market, reason: "risk" }]);
    const refused = a.submit(decision([quote("hl:#150:bid", YES.market, "buy", 90_000, 25)], { slots: ["hl:#150:z"], orders: [] }), T + 800);
    expect(refused.records).toEqual([]);
    const again = a.submit(decision([quote("hl:#150:z", YES.market, "buy", 90_000, 25)], { slots: ["hl:#150:z"] }), T + 800);
    expect(again.records[0]!.decision).toMatchObject({ kind: "reject", limit: "kill_switch" });
    expect(a.view(T + 800)).toMatchObject({ killed: true, mode: "halted" });
  });

  it("a drawdown past the limit from the peak kills and cancels", () => {
    const a = account({ limits: { ...accountConfig().limits, max_drawdown_usd: 1 } });
    const [bid] = resting(a).orders;
    a.onFill(fill(bid!.cloid, YES.market, "buy", "0.95", "25", "t1", 10), T + 500);
    const o = a.onMarks({ [YES.market]: 0.9, [NO.market]: 0.1 }, T + 600);
    expect(a.state.risk.killed).toBe(true);
    expect(o.cancels.length).toBe(1);
    expect(a.resume({ resetPeak: false }, T + 700).ok).toBe(false);
    expect(a.resume({ resetPeak: true }, T + 700).ok).toBe(true);
  });

  it("flatten closes each position with an IOC through the mark, even while killed", () => {
    const a = account();
    const [bid] = resting(a).orders;
    a.onFill(fill(bid!.cloid, YES.market, "buy", "0.95", "25", "t1", 10), T + 500);
    a.onMarks({ [YES.market]: 0.95 }, T + 600);
    a.kill("test", T + 700);
    const f = a.flatten(T + 800);
    expect(f.orders).toHaveLength(1);
    // 0.95 − 100 bps of the payout = 0.94.
    expect(f.orders[0]).toMatchObject({ market: YES.market, side: "sell", sz: 25, tif: "Ioc", px: 94_000 });
    expect(a.flatten(T + 900).orders).toEqual([]);
  });

  it("survives a restart through JSON with its peak, kill switch, reservations and cloid counter", () => {
    const a = account();
    resting(a);
    a.kill("persisted", T + 500);
    const saved = JSON.parse(JSON.stringify(a.exportState()));
    const r = AccountEngine.restore(accountConfig(), saved);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.exportState()).toEqual(a.exportState());
    expect(r.value.view(T + 600)).toEqual(a.view(T + 600));
    expect(AccountEngine.restore(accountConfig({ cloidPrefix: "00000000000000bb" }), saved).ok).toBe(false);
    expect(AccountEngine.restore(accountConfig(), { version: 1 }).ok).toBe(false);
  });
});
