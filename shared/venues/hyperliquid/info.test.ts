import { describe, expect, it } from "vitest";
import { parseInfoResponse } from "./info";
import { statusClass } from "./schema-common";

const order = {
  coin: "BTC", side: "B", limitPx: "60000", sz: "0.001", oid: 1, timestamp: 1, origSz: "0.001", triggerCondition: "N/A", isTrigger: false,
  triggerPx: "0.0", children: [], isPositionTpsl: false, reduceOnly: false, orderType: "Limit", tif: "Alo", cloid: null,
};

describe("info responses (shapes from the docs)", () => {
  it("clearinghouseState", () => {
    const summary = { accountValue: "1000.5", totalNtlPos: "60", totalRawUsd: "940.5", totalMarginUsed: "3" };
    const body = {
      marginSummary: summary, crossMarginSummary: summary, crossMaintenanceMarginUsed: "0.5", withdrawable: "997.5", time: 1_700_000_000_000,
      assetPositions: [{ type: "oneWay", position: { coin: "BTC", szi: "-0.001", entryPx: "60000", leverage: { type: "cross", value: 20 }, liquidationPx: null, marginUsed: "3", positionValue: "60", returnOnEquity: "0", unrealizedPnl: "0", maxLeverage: 40, cumFunding: { allTime: "0", sinceOpen: "0", sinceChange: "0" } } }],
    };
    expect(parseInfoResponse("clearinghouseState", body)).toMatchObject({ ok: true, value: { assetPositions: [{ position: { szi: "-0.001" } }] } });
  });

  it("spotClearinghouseState with an outcome holding (no token index)", () => {
    const body = { balances: [{ coin: "USDC", token: 0, total: "100", hold: "0", entryNtl: "0" }, { coin: "+150", total: "35", hold: "0", entryNtl: "10.2" }] };
    expect(parseInfoResponse("spotClearinghouseState", JSON.stringify(body))).toMatchObject({ ok: true, value: { balances: [{}, { coin: "+150" }] } });
  });

  it("orderStatus: a nested frontend order with children, or unknownOid", () => {
    const body = { status: "order", order: { order: { ...order, children: [{ ...order, oid: 2, isTrigger: true, triggerPx: "55000" }] }, status: "open", statusTimestamp: 2 } };
    expect(parseInfoResponse("orderStatus", body)).toMatchObject({ ok: true, value: { order: { order: { children: [{ oid: 2 }] } } } });
    expect(parseInfoResponse("orderStatus", { status: "unknownOid" })).toEqual({ ok: true, value: { status: "unknownOid" } });
  });

  it("openOrders, frontendOpenOrders, userRateLimit, perpDexs, outcomeMeta", () => {
    expect(parseInfoResponse("openOrders", [{ coin: "BTC", side: "A", limitPx: "70000", sz: "0.1", oid: 3, timestamp: 4 }]).ok).toBe(true);
    expect(parseInfoResponse("frontendOpenOrders", [order]).ok).toBe(true);
    expect(parseInfoResponse("userRateLimit", { cumVlm: "2854574.593578", nRequestsUsed: 2890, nRequestsCap: 2864574, nRequestsSurplus: 0 }).ok).toBe(true);
    expect(parseInfoResponse("perpDexs", [null, { name: "xyz", fullName: "XYZ", deployer: "0x1234567890123456789012345678901234567890" }]).ok).toBe(true);
    expect(parseInfoResponse("outcomeMeta", { outcomes: [{ outcome: 15, name: "Recurring", description: "class:priceBinary", sideSpecs: [{ name: "Yes" }, { name: "No" }], quoteToken: "USDC" }] }).ok).toBe(true);
  });

  it("refuses bodies that are not JSON or not the shape, as values", () => {
    expect(parseInfoResponse("meta", "<html>")).toMatchObject({ ok: false, error: { kind: "badJson", type: "meta" } });
    expect(parseInfoResponse("userRateLimit", { cumVlm: 1 })).toMatchObject({ ok: false, error: { kind: "badShape" } });
    expect(parseInfoResponse("outcomeMeta", { outcomes: [{ outcome: 1, name: "x", description: "", sideSpecs: [{ name: "Yes" }] }] }).ok).toBe(false);
  });
});

describe("statusClass", () => {
  it("groups venue statuses and keeps unknown ones unknown", () => {
    expect(["open", "filled", "triggered", "canceled", "scheduledCancel", "outcomeSettledCanceled", "badAloPxRejected", "rejected", "somethingNew"].map(statusClass)).toEqual([
      "open", "filled", "triggered", "canceled", "canceled", "canceled", "rejected", "rejected", "unknown",
    ]);
  });
});
