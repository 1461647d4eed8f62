import { describe, expect, it } from "vitest";
import type { Instrument } from "../../execution/types";
import type { ClearinghouseStateResponse, SpotClearinghouseStateResponse } from "../../venues/hyperliquid/info-schemas";
import type { Fill, FrontendOrder } from "../../venues/hyperliquid/schema-common";
import { accountValueUsd, bookDepthUsd, depthScopes, marksFromMids, positionDrift, venueOrderStatus, venuePositions, venueSnapshot } from "./venue-snapshot";

const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear" };
const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "o15", groupSign: 1 };
const NO: Instrument = { ...YES, market: "hl:#151", groupSign: -1 };
const INST = { [BTC.market]: BTC, [YES.market]: YES, [NO.market]: NO };

const order = (o: Partial<FrontendOrder>): FrontendOrder => ({
  coin: "#150",
  side: "B",
  limitPx: "0.95205",
  sz: "9.0",
  oid: 101,
  timestamp: 1_778_385_608_200,
  origSz: "13.0",
  triggerCondition: "N/A",
  isTrigger: false,
  triggerPx: "0.0",
  children: [],
  isPositionTpsl: false,
  reduceOnly: false,
  orderType: "Limit",
  tif: "Alo",
  cloid: "0x1B2C3D4E5F60718200000000000000A1",
  ...o,
});

const fill = (f: Partial<Fill>): Fill => ({
  coin: "#150",
  px: "0.9555",
  sz: "13.0",
  side: "B",
  time: 1_778_385_608_300,
  startPosition: "0.0",
  dir: "Buy",
  closedPnl: "0.0",
  hash: "0x00",
  oid: 102,
  crossed: true,
  fee: "0.0",
  tid: 669968902624609,
  feeToken: "USDC",
  ...f,
});

describe("venueSnapshot", () => {
  it("reads open orders and fills of the bot's instruments in ticks and lots, cloids lowercased", () => {
    const r = venueSnapshot(
      { openOrders: [order({}), order({ coin: "ETH", oid: 7 })], fills: [fill({}), fill({ coin: "SOL", tid: 2 })], asOfMs: 5, fillsSinceMs: 0 },
      INST,
    );
    expect(r.snapshot).toEqual({
      venue: "hl",
      asOfMs: 5,
      openOrders: [{ market: "hl:#150", oid: 101, cloid: "0x1b2c3d4e5f60718200000000000000a1", side: "buy", px: 95205, sz: 9, origSz: 13, timestampMs: 1_778_385_608_200 }],
      fills: [{ market: "hl:#150", oid: 102, cloid: null, tid: "669968902624609", side: "buy", px: 95550, sz: 13, timeMs: 1_778_385_608_300 }],
    });
    expect(r.skipped).toEqual({ foreignOrders: 1, foreignFills: 1, unreadable: [] });
  });

  it("leaves out fills from before the engine existed and numbers off the grid", () => {
    const r = venueSnapshot({ openOrders: [order({ limitPx: "0.952051" })], fills: [fill({ time: 10 }), fill({ tid: 9, sz: "0.5" })], asOfMs: 0, fillsSinceMs: 100 }, INST);
    expect(r.snapshot.openOrders).toEqual([]);
    expect(r.snapshot.fills).toEqual([]);
    expect(r.skipped.unreadable).toEqual(["order 101", "fill 9"]);
  });
});

describe("venueOrderStatus", () => {
  const answer = (status: string, sz = "9.0") => ({ status: "order" as const, order: { order: order({ sz }), status, statusTimestamp: 1 } });
  it("maps the venue's statuses with what filled so far", () => {
    expect(venueOrderStatus(answer("open"), YES)).toEqual({ kind: "open", oid: 101, filledSz: 4 });
    expect(venueOrderStatus(answer("filled", "0.0"), YES)).toEqual({ kind: "filled", oid: 101, filledSz: 13 });
    expect(venueOrderStatus(answer("scheduledCancel"), YES)).toEqual({ kind: "cancelled", oid: 101, filledSz: 4, reason: "scheduledCancel" });
    expect(venueOrderStatus(answer("badAloPxRejected", "13.0"), YES)).toEqual({ kind: "rejected", reason: "badAloPxRejected" });
    expect(venueOrderStatus({ status: "unknownOid" }, YES)).toEqual({ kind: "not_found" });
  });
  it("a status it does not know, or unreadable sizes, stay unresolved (null)", () => {
    expect(venueOrderStatus(answer("somethingNew"), YES)).toBeNull();
    expect(venueOrderStatus(answer("open", "0.5"), YES)).toBeNull();
  });
});

const margin = { accountValue: "100012.5", totalNtlPos: "0.0", totalRawUsd: "0.0", totalMarginUsed: "0.0" };
const perps = (positions: { coin: string; szi: string }[]): ClearinghouseStateResponse => ({
  marginSummary: margin,
  crossMarginSummary: margin,
  crossMaintenanceMarginUsed: "0.0",
  withdrawable: "0.0",
  time: 1,
  assetPositions: positions.map((p) => ({
    type: "oneWay",
    position: {
      ...p,
      leverage: { type: "cross", value: 20 },
      entryPx: "80742.0",
      positionValue: "0.0",
      unrealizedPnl: "0.0",
      returnOnEquity: "0.0",
      liquidationPx: null,
      marginUsed: "0.0",
      maxLeverage: 50,
      cumFunding: { allTime: "0.0", sinceOpen: "0.0", sinceChange: "0.0" },
    },
  })),
});
const spot: SpotClearinghouseStateResponse = {
  balances: [
    { coin: "USDC", token: 0, hold: "0.0", total: "99987.5785", entryNtl: "0.0" },
    { coin: "+150", total: "13.0", hold: "0.0", entryNtl: "12.4215" },
    { coin: "+990", total: "4.0", hold: "0.0", entryNtl: "1" },
  ],
};

describe("positions, drift, marks", () => {
  it("perps from assetPositions, outcome sides from +<enc> balances, absent = 0", () => {
    expect(venuePositions(perps([{ coin: "BTC", szi: "-0.12" }, { coin: "ETH", szi: "1.0" }]), spot, INST)).toEqual({
      lots: { "hl:BTC": -12_000, "hl:#150": 13, "hl:#151": 0 },
      unreadable: [],
    });
  });

  it("names every market where the engine and the venue disagree", () => {
    expect(positionDrift({ "hl:BTC": -12_000, "hl:#150": 12 }, { "hl:BTC": -12_000, "hl:#150": 13, "hl:#151": 0 })).toEqual([{ market: "hl:#150", engineLots: 12, venueLots: 13 }]);
  });

  it("marks from allMids for the bot's coins; account value adds spot USDC", () => {
    expect(marksFromMids({ BTC: "80742.5", "#150": "0.95393", "#151": "0", ETH: "2300" }, INST)).toEqual({ "hl:BTC": 80742.5, "hl:#150": 0.95393 });
    expect(accountValueUsd(perps([]), spot)).toBeCloseTo(200000.0785, 6);
  });
});

describe("bookDepthUsd", () => {
  it("USD in the top 5 levels of the thinner side; an empty side or book is 0", () => {
    // The first recorded #150 book of hip4-2026-05-10 (hand-cut, test/node/sim/helpers.ts).
    const book = { coin: "#150", time: 1, levels: [[{ px: "0.95236", sz: "22" }, { px: "0.95234", sz: "105" }, { px: "0.95205", sz: "17" }], [{ px: "0.9555", sz: "13" }, { px: "0.957", sz: "1338" }]] as [{ px: string; sz: string }[], { px: string; sz: string }[]] };
    expect(bookDepthUsd(book)).toBeCloseTo(0.95236 * 22 + 0.95234 * 105 + 0.95205 * 17, 9);
    expect(bookDepthUsd({ ...book, levels: [book.levels[0], []] })).toBe(0);
    expect(bookDepthUsd(null)).toBe(0);
    expect(bookDepthUsd(book, 1)).toBeCloseTo(0.9555 * 13, 9);
  });
});

describe("depthScopes", () => {
  it("one book per exposure: an outcome group reads its YES book, a perp its own", () => {
    expect(depthScopes(INST)).toEqual([
      { scope: "o15", market: "hl:#150" },
      { scope: "hl:BTC", market: "hl:BTC" },
    ]);
    expect(depthScopes({ [NO.market]: NO })).toEqual([{ scope: "o15", market: "hl:#151" }]);
  });
});
