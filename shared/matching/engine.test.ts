import { describe, expect, it } from "vitest";
import { formatScaled } from "../core/decimal";
import { px, sz } from "../core/units";
import type { BookEvent, TradeEvent } from "../events";
import { MatchingEngine } from "./engine";
import { OUTCOME_FEES, PERP_TIER0_FEES } from "./fees";
import type { MatchOutput, OrderIn, SubmitOutcome } from "./types";

/*
 * Hand-built slices of the real HIP-4 recording (data/hyperliquid/hip4-2026-05-10,
 * prediction_binary__book_snapshot__H150.jsonl and prediction_binary__trade__H150.jsonl),
 * top levels only, exchange times in ms. Prices on a 5-decimal grid, whole-share sizes.
 */
const t0 = 1778385608135;
const book = (ts: number, bids: [string, string][], asks: [string, string][]): BookEvent => ({
  kind: "book",
  venue: "hl",
  coin: "#150",
  ts,
  bids: bids.map(([p, s]) => ({ px: p, sz: s })),
  asks: asks.map(([p, s]) => ({ px: p, sz: s })),
});
const trade = (ts: number, p: string, s: string, side: "buy" | "sell", tid: string): TradeEvent => ({
  kind: "trade",
  venue: "hl",
  coin: "#150",
  ts,
  px: p,
  sz: s,
  side,
  tid,
});

const SNAP_608135 = book(
  t0,
  [
    ["0.95236", "22"],
    ["0.95234", "105"],
    ["0.95205", "17"],
  ],
  [
    ["0.9555", "13"],
    ["0.957", "1338"],
  ],
);
const SNAP_608681 = book(
  1778385608681,
  [
    ["0.95234", "29"],
    ["0.95205", "17"],
    ["0.95139", "60"],
  ],
  [
    ["0.9555", "13"],
    ["0.9565", "230"],
  ],
);
const SNAP_609215 = book(
  1778385609215,
  [
    ["0.95232", "105"],
    ["0.95205", "17"],
    ["0.95139", "60"],
  ],
  [
    ["0.9555", "13"],
    ["0.957", "1338"],
  ],
);

const outcome = (): MatchingEngine =>
  new MatchingEngine({ coin: "#150", dualCoin: "#151", pxDecimals: 5, szDecimals: 0, fees: OUTCOME_FEES });
const p5 = (s: string): ReturnType<typeof px> => px(Number(s.replace("0.", "")) * 10 ** (7 - s.length));
const feed = (e: MatchingEngine, ev: BookEvent | TradeEvent): MatchOutput => {
  const r = e.onEvent(ev);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const submit = (e: MatchingEngine, o: Partial<OrderIn> & Pick<OrderIn, "side" | "px" | "sz" | "tif">, ts = t0): SubmitOutcome => {
  const r = e.submit({ oid: 1, owner: "paper", coin: "#150", ...o }, ts);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("ALO", () => {
  it("is rejected when it would cross, with the bbo it would have met", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    const r = submit(e, { side: "buy", px: p5("0.9555"), sz: sz(20), tif: "Alo" });
    expect(r.kind).toBe("rejected");
    if (r.kind !== "rejected" || r.reason !== "aloWouldCross") throw new Error("expected an ALO reject");
    expect([formatScaled(r.bbo.bid!, 5), formatScaled(r.bbo.ask!, 5)]).toEqual(["0.95236", "0.9555"]);
    expect(e.resting()).toEqual([]);
  });

  it("resting behind displayed size fills only after that size traded or was cancelled", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    const r = submit(e, { side: "buy", px: p5("0.95234"), sz: sz(10), tif: "Alo" });
    expect(r).toMatchObject({ kind: "done", rested: true, filled: 0 });
    expect(e.order(1)?.ahead).toBe(105);
    // The recorded sweep of that block: 22 at a better price, then 76 of the 105 ahead of us.
    expect(feed(e, trade(1778385608268, "0.95236", "22", "sell", "669968902624609")).fills).toEqual([]);
    expect(feed(e, trade(1778385608268, "0.95234", "76", "sell", "162426204330919")).fills).toEqual([]);
    expect(e.order(1)?.ahead).toBe(29);
    feed(e, SNAP_608681);
    expect(e.order(1)?.ahead).toBe(29);
    // The remaining 29 were cancelled: the level vanished from the next snapshot, we are first.
    expect(feed(e, SNAP_609215).fills).toEqual([]);
    expect(e.order(1)?.ahead).toBe(0);
    // The next seller printed through our price: we fill at ours, as maker.
    const out = feed(e, trade(1778385609436, "0.95227", "43", "sell", "1105569174118488"));
    expect(out.fills).toEqual([
      {
        oid: 1,
        owner: "paper",
        coin: "#150",
        side: "buy",
        px: p5("0.95234"),
        sz: 10,
        crossed: false,
        source: "trade",
        feeMicros: 0,
        remaining: 0,
        ts: 1778385609436,
        tid: "1105569174118488",
      },
    ]);
    expect(e.resting()).toEqual([]);
  });

  it("is never filled by a print smaller than the size ahead of it", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    submit(e, { side: "buy", px: p5("0.95236"), sz: sz(5), tif: "Alo" });
    expect(feed(e, trade(t0 + 1, "0.95236", "22", "sell", "1")).fills).toEqual([]);
    const out = feed(e, trade(t0 + 2, "0.95236", "3", "sell", "2"));
    expect(out.fills.map((f) => f.sz)).toEqual([3]);
  });
});

describe("IOC", () => {
  it("fills against the book level by level and cancels the rest", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    const r = submit(e, { side: "buy", px: p5("0.956"), sz: sz(20), tif: "Ioc" });
    expect(r).toMatchObject({ kind: "done", rested: false, filled: 13 });
    if (r.kind !== "done") throw new Error("expected fills");
    expect(r.output.fills.map((f) => [formatScaled(f.px, 5), f.sz, f.crossed, f.source])).toEqual([
      ["0.9555", 13, true, "take"],
    ]);
    expect(e.resting()).toEqual([]);
    // What we took is gone from the book we serve until the level vanishes.
    expect(e.levels("#150", 5).asks.map((l) => [formatScaled(l.px, 5), l.sz])).toEqual([["0.957", 1338]]);
    feed(e, book(t0 + 500, [["0.95236", "22"]], [["0.9555", "13"], ["0.957", "1338"]]));
    expect(e.levels("#150", 1).asks[0]?.px).toBe(p5("0.957"));
  });

  it("walks several levels up to its limit", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    const r = submit(e, { side: "buy", px: p5("0.957"), sz: sz(100), tif: "Ioc" });
    if (r.kind !== "done") throw new Error("expected fills");
    expect(r.output.fills.map((f) => [formatScaled(f.px, 5), f.sz])).toEqual([
      ["0.9555", 13],
      ["0.957", 87],
    ]);
  });

  it("that cannot match is rejected", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    expect(submit(e, { side: "buy", px: p5("0.95"), sz: sz(20), tif: "Ioc" })).toMatchObject({
      kind: "rejected",
      reason: "iocNoMatch",
    });
  });
});

describe("depletion", () => {
  it("fills a resting order when the other side is posted at or through its price", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    submit(e, { side: "sell", px: p5("0.9554"), sz: sz(50), tif: "Gtc" });
    const out = feed(e, book(t0 + 500, [["0.9554", "30"], ["0.9553", "40"]], [["0.9555", "13"]]));
    expect(out.fills.map((f) => [formatScaled(f.px, 5), f.sz, f.source])).toEqual([
      ["0.9554", 30, "depletion"],
    ]);
    expect(e.order(1)?.sz).toBe(20);
  });
});

describe("HIP-4 merged book", () => {
  it("serves the side-1 book as the mirror of side 0", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    const dual = e.levels("#151", 2);
    expect(dual.bids.map((l) => [formatScaled(l.px, 5), l.sz])).toEqual([
      ["0.0445", 13],
      ["0.043", 1338],
    ]);
    expect(dual.asks[0]).toMatchObject({ px: p5("0.04764"), sz: 22 });
  });

  it("a NO order rests and fills on the YES book, reported in NO terms", () => {
    const e = outcome();
    feed(e, SNAP_608135);
    // Selling NO at 0.04766 is buying YES at 0.95234.
    submit(e, { coin: "#151", side: "sell", px: p5("0.04766"), sz: sz(10), tif: "Alo" });
    expect(e.order(1)).toMatchObject({ coin: "#151", side: "sell", px: p5("0.04766"), ahead: 105 });
    feed(e, SNAP_609215);
    const out = feed(e, trade(1778385609436, "0.95227", "43", "sell", "1105569174118488"));
    expect(out.fills).toMatchObject([{ coin: "#151", side: "sell", px: p5("0.04766"), sz: 10 }]);
  });

  it("ignores events of the dual coin (they mirror the primary's)", () => {
    const e = outcome();
    expect(e.onEvent({ ...SNAP_608135, coin: "#151" })).toEqual({ ok: true, value: { fills: [], closed: [] } });
    expect(e.onEvent({ ...SNAP_608135, coin: "BTC" })).toEqual({ ok: false, error: { kind: "wrongCoin", coin: "BTC" } });
  });
});

describe("perp fees and self-trade prevention", () => {
  // Real BTC levels from data/hyperliquid/btc-eth-2025-09-04/orderbooks_BTC.csv (first row).
  const btc = (): MatchingEngine => {
    const e = new MatchingEngine({ coin: "BTC", pxDecimals: 1, szDecimals: 5, fees: PERP_TIER0_FEES });
    e.onEvent({
      kind: "book",
      venue: "hl",
      coin: "BTC",
      ts: 1757015216253,
      bids: [{ px: "109755.0", sz: "3.24457" }, { px: "109754.0", sz: "0.00341" }],
      asks: [{ px: "109756.0", sz: "15.17236" }, { px: "109757.0", sz: "0.00341" }],
    });
    return e;
  };

  it("charges the taker rate on a take and the maker rate on a resting fill", () => {
    const e = btc();
    const r = submit(e, { coin: "BTC", side: "buy", px: px(1097560), sz: sz(10000), tif: "Ioc" });
    if (r.kind !== "done") throw new Error("expected a fill");
    // 0.1 BTC × 109756 = 10975.6 USDC; 0.045 % = 4.93902 USDC.
    expect(r.output.fills[0]?.feeMicros).toBe(4_939_020);
    submit(e, { oid: 2, coin: "BTC", side: "sell", px: px(1097570), sz: sz(1000), tif: "Alo" });
    const out = feed(e, { kind: "trade", venue: "hl", coin: "BTC", ts: 1, px: "109758.0", sz: "0.01", side: "buy" });
    // 0.01 × 109757 = 1097.57 USDC; 0.015 % = 0.1646355 -> 0.164636.
    expect(out.fills.map((f) => [f.oid, f.feeMicros])).toEqual([[2, 164_636]]);
  });

  it("cancels the taker's own resting order rather than trading with it", () => {
    const e = btc();
    submit(e, { oid: 7, coin: "BTC", side: "sell", px: px(1097555), sz: sz(500), tif: "Alo" });
    const r = submit(e, { oid: 8, coin: "BTC", side: "buy", px: px(1097560), sz: sz(600), tif: "Ioc" });
    if (r.kind !== "done") throw new Error("expected a fill");
    expect(r.output.closed).toEqual([{ oid: 7, owner: "paper", status: "selfTradeCanceled" }]);
    expect(r.output.fills.map((f) => [f.oid, f.px, f.sz])).toEqual([[8, 1097560, 600]]);
  });

  it("matches the resting order of another owner before recorded size at a worse price", () => {
    const e = btc();
    submit(e, { oid: 7, owner: "other", coin: "BTC", side: "sell", px: px(1097555), sz: sz(500), tif: "Alo" });
    const r = submit(e, { oid: 8, coin: "BTC", side: "buy", px: px(1097560), sz: sz(600), tif: "Ioc" });
    if (r.kind !== "done") throw new Error("expected a fill");
    expect(r.output.fills.map((f) => [f.oid, f.px, f.sz, f.crossed])).toEqual([
      [8, 1097555, 500, true],
      [7, 1097555, 500, false],
      [8, 1097560, 100, true],
    ]);
  });

  it("refuses numbers off the grid with a typed error", () => {
    const e = btc();
    expect(e.onEvent({ kind: "trade", venue: "hl", coin: "BTC", ts: 1, px: "109758.05", sz: "1", side: "buy" })).toEqual({
      ok: false,
      error: { kind: "badNumber", field: "px", value: "109758.05" },
    });
  });
});
