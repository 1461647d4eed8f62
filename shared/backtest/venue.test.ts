import { describe, expect, it } from "vitest";
import { px, sz } from "../core/units";
import { createLedger, ledgerTotals } from "../engine/ledger";
import { BOOK0, BOOK1, BTC, NO, T0, YES } from "../engine/fixtures.test-util";
import type { TradeEvent } from "../events";
import type { OrderIntent } from "../execution/types";
import { OUTCOME_FEES, PERP_TIER0_FEES } from "../matching/fees";
import { markAt, RecordedMids } from "./mids";
import { SimVenue, type VenueMessage } from "./venue";

const order = (cloid: string, market: string, side: "buy" | "sell", ticks: number, lots: number, tif: OrderIntent["tif"]): OrderIntent => ({
  cloid,
  market,
  venue: "hl",
  side,
  px: px(ticks),
  sz: sz(lots),
  tif,
  reduceOnly: false,
  tactic: tif === "Ioc" ? "ioc" : "post_only",
  strategy: "mm",
  slot: cloid,
  refPx: px(ticks),
  createdMs: T0,
});

function venue(): { v: SimVenue; ledger: ReturnType<typeof createLedger> } {
  const ledger = createLedger(1_000);
  const v = new SimVenue(
    [
      { coin: "#150", dualCoin: "#151", pxDecimals: 5, szDecimals: 0, fees: OUTCOME_FEES },
      { coin: "BTC", pxDecimals: 1, szDecimals: 5, fees: PERP_TIER0_FEES },
    ],
    { [YES.market]: YES, [NO.market]: NO, [BTC.market]: BTC },
    ledger,
  );
  return { v, ledger };
}

describe("backtest venue", () => {
  it("answers like the venue: ALO that would cross refused with the bbo, IOC with nothing to take refused", () => {
    const { v } = venue();
    const out: VenueMessage[] = [];
    v.onRecorded(BOOK0, out);
    v.submit(order("a", YES.market, "buy", 95_550, 10, "Alo"), T0 + 1, out);
    v.submit(order("b", YES.market, "buy", 95_000, 10, "Ioc"), T0 + 2, out);
    expect(out).toEqual([
      { kind: "send_result", cloid: "a", result: { kind: "rejected", reason: "Post only order would have immediately matched, bbo was 95236/95550" } },
      { kind: "send_result", cloid: "b", result: { kind: "rejected", reason: "Order could not immediately match against any resting orders." } },
    ]);
  });

  it("fills a crossing NO buy against the YES bids (merged book), fills first, then the ack; books it in the ledger", () => {
    const { v, ledger } = venue();
    const out: VenueMessage[] = [];
    v.onRecorded(BOOK0, out);
    // Buying NO at 0.04766 = selling YES at 0.95234: takes 22 at 0.95236 and 105 at 0.95234.
    v.submit(order("n", NO.market, "buy", 4_766, 127, "Ioc"), T0 + 1, out);
    expect(out.map((m) => m.kind)).toEqual(["fill", "fill", "send_result"]);
    expect(out[0]).toMatchObject({ fill: { coin: "#151", px: "0.04764", sz: "22", side: "buy", crossed: true, fee: "0", cloid: "n" } });
    expect(out[2]).toMatchObject({ result: { kind: "filled", totalLots: 127 } });
    expect(ledger.markets[NO.market]!.lots).toBe(127);
    expect(ledgerTotals(ledger, { [NO.market]: NO }).cashMicros).toBe(1_000_000_000 - (22 * 4_764 + 105 * 4_766) * 10);
  });

  it("a resting order fills from a recorded trade; cancelling it afterwards is refused like the venue does", () => {
    const { v } = venue();
    const out: VenueMessage[] = [];
    v.onRecorded(BOOK0, out);
    v.submit(order("q", YES.market, "buy", 95_240, 5, "Alo"), T0 + 1, out);
    const trade: TradeEvent = { kind: "trade", venue: "hl", coin: "#150", ts: T0 + 133, px: "0.95236", sz: "22", side: "sell", tid: "669968902624609" };
    v.onRecorded(trade, out);
    expect(v.fills.map((f) => [f.cloid, f.lots, f.source])).toEqual([["q", 5, "trade"]]);
    v.cancel("q", out);
    expect(out.at(-1)).toEqual({ kind: "cancel_result", cloid: "q", result: { kind: "error", message: "Order was never placed, already canceled, or filled." } });
    v.query("q", out);
    expect(out.at(-1)).toMatchObject({ kind: "status", answer: { kind: "filled", filledSz: 5 } });
  });
});

describe("recorded mids", () => {
  it("marks YES at its mid and NO at 1 − mid, one decimal finer than the grid, and looks marks up by time", () => {
    const m = new RecordedMids([
      { inst: YES, coin: "#150", mirror: false },
      { inst: NO, coin: "#150", mirror: true },
    ]);
    expect(m.onEvent(BOOK0)).toBe(true);
    expect(m.markE(YES.market)).toBe(953_930); // (0.95236 + 0.9555) / 2
    expect(m.markE(NO.market)).toBe(46_070);
    expect(m.onEvent(BOOK1)).toBe(true);
    expect(m.usd([YES])[YES.market]).toBeCloseTo(0.95392, 12);
    const p = m.paths.get(YES.market)!;
    expect(markAt(p, T0 - 1)).toBeUndefined();
    expect(markAt(p, BOOK1.ts - 1)).toBe(953_930);
    expect(markAt(p, BOOK1.ts + 60_000)).toBe(953_920);
  });
});
