import { describe, expect, it } from "vitest";
import { parseL1Action } from "./action-schemas";
import {
  batchModifyAction,
  cancelAction,
  cancelByCloidAction,
  modifyAction,
  noopAction,
  orderAction,
  scheduleCancelAction,
  updateLeverageAction,
  type OrderSpec,
} from "./actions";

const btcBid: OrderSpec = { asset: 0, isBuy: true, price: "60000.0", size: "0.00100", type: { limit: { tif: "Alo" } } };
const json = (r: { ok: boolean; value?: unknown }): string => (r.ok ? JSON.stringify(r.value) : "error");

describe("action builders write the signed key order", () => {
  it("order: a,b,p,s,r,t then c; type,orders,grouping then builder; decimals canonical, hex lowercase", () => {
    const r = orderAction({
      orders: [{ ...btcBid, cloid: "0x0000000000000000000000000000ABCD" }],
      builder: { address: "0x1234567890ABCDEF1234567890ABCDEF12345678", feeTenthsBps: 10 },
    });
    expect(json(r)).toBe(
      '{"type":"order","orders":[{"a":0,"b":true,"p":"60000","s":"0.001","r":false,"t":{"limit":{"tif":"Alo"}},"c":"0x0000000000000000000000000000abcd"}],"grouping":"na","builder":{"b":"0x1234567890abcdef1234567890abcdef12345678","f":10}}',
    );
  });

  it("trigger: isMarket before triggerPx", () => {
    const r = orderAction({
      orders: [{ asset: 1, isBuy: false, price: "1800", size: "1", reduceOnly: true, type: { trigger: { triggerPx: "1850.0", isMarket: true, tpsl: "sl" } } }],
      grouping: "positionTpsl",
    });
    expect(json(r)).toBe('{"type":"order","orders":[{"a":1,"b":false,"p":"1800","s":"1","r":true,"t":{"trigger":{"isMarket":true,"triggerPx":"1850","tpsl":"sl"}}}],"grouping":"positionTpsl"}');
  });

  it("cancel flags are omitted unless true (f:false is rejected by the venue)", () => {
    expect(json(cancelAction([{ asset: 1, oid: 5 }]))).toBe('{"type":"cancel","cancels":[{"a":1,"o":5}]}');
    expect(json(cancelAction([{ asset: 1, oid: 5 }], true))).toBe('{"type":"cancel","cancels":[{"a":1,"o":5}],"f":true}');
    expect(json(cancelByCloidAction([{ asset: 1, cloid: "0x000000000000000000000000000000FF" }]))).toBe(
      '{"type":"cancelByCloid","cancels":[{"asset":1,"cloid":"0x000000000000000000000000000000ff"}]}',
    );
  });

  it("modify and batchModify: oid (number or cloid), order, then a only when true", () => {
    expect(json(modifyAction({ oid: 7, order: btcBid }))).toBe(
      '{"type":"modify","oid":7,"order":{"a":0,"b":true,"p":"60000","s":"0.001","r":false,"t":{"limit":{"tif":"Alo"}}}}',
    );
    const b = batchModifyAction([{ oid: "0x00000000000000000000000000000001", order: btcBid }], true);
    expect(json(b)).toBe(
      '{"type":"batchModify","modifies":[{"oid":"0x00000000000000000000000000000001","order":{"a":0,"b":true,"p":"60000","s":"0.001","r":false,"t":{"limit":{"tif":"Alo"}}}}],"a":true}',
    );
  });

  it("scheduleCancel, updateLeverage and noop", () => {
    expect(json(scheduleCancelAction())).toBe('{"type":"scheduleCancel"}');
    expect(json(scheduleCancelAction(1_700_000_060_000))).toBe('{"type":"scheduleCancel","time":1700000060000}');
    expect(json(updateLeverageAction({ asset: 1, isCross: true, leverage: 10 }))).toBe('{"type":"updateLeverage","asset":1,"isCross":true,"leverage":10}');
    expect(JSON.stringify(noopAction())).toBe('{"type":"noop"}');
  });

  it("everything built parses back unchanged through the action schema", () => {
    const built = [
      orderAction({ orders: [btcBid] }),
      cancelAction([{ asset: 0, oid: 1 }], true),
      modifyAction({ oid: 1, order: btcBid, alwaysPlace: true }),
      scheduleCancelAction(1_700_000_060_000),
    ];
    for (const r of built) expect(r.ok && parseL1Action(r.value)).toEqual({ ok: true, value: r.ok && r.value });
  });
});

describe("action builders refuse what the venue would", () => {
  const outcomeYes: OrderSpec = { asset: 100_002_200, isBuy: true, price: "0.29128", size: "35", type: { limit: { tif: "Alo" } } };

  it.each<[string, () => { ok: boolean }, string]>([
    ["an empty batch", () => orderAction({ orders: [] }), "orders"],
    ["a zero price", () => orderAction({ orders: [{ ...btcBid, price: "0" }] }), "orders[0].price"],
    ["a non-decimal size", () => orderAction({ orders: [{ ...btcBid, size: "1e-3" }] }), "orders[0].size"],
    ["a bad cloid", () => orderAction({ orders: [{ ...btcBid, cloid: "0x1" }] }), "orders[0].cloid"],
    ["a trigger order on an outcome", () => orderAction({ orders: [{ ...outcomeYes, type: { trigger: { triggerPx: "0.3", isMarket: true, tpsl: "tp" } } }] }), "orders[0].type"],
    ["a reduce-only outcome order", () => orderAction({ orders: [{ ...outcomeYes, reduceOnly: true }] }), "orders[0].reduceOnly"],
    ["a priority fee on an outcome", () => orderAction({ orders: [{ ...outcomeYes, type: { limit: { tif: "Ioc" } } }], grouping: { p: 10 } }), "grouping"],
    ["a priority fee on mixed IOC/GTC", () => orderAction({ orders: [{ ...btcBid, type: { limit: { tif: "Ioc" } } }, { ...btcBid, type: { limit: { tif: "Gtc" } } }], grouping: { p: 10 } }), "grouping"],
    ["a builder fee above 1%", () => orderAction({ orders: [btcBid], builder: { address: "0x1234567890123456789012345678901234567890", feeTenthsBps: 1001 } }), "builder.fee"],
    ["a price off the tick when the tick is given", () => orderAction({ orders: [{ ...btcBid, price: "60000.5", tick: { kind: "perp", szDecimals: 5 } }] }), "orders[0].price"],
    ["a fractional outcome size", () => orderAction({ orders: [{ ...outcomeYes, size: "35.5", tick: { kind: "outcome", szDecimals: 0 } }] }), "orders[0].size"],
    ["leverage 0", () => updateLeverageAction({ asset: 0, isCross: true, leverage: 0 }), "leverage"],
    ["an empty cancel", () => cancelAction([]), "cancels"],
  ])("%s", (_, build, field) => {
    expect(build()).toMatchObject({ ok: false, error: { kind: "badAction", field } });
  });

  it("allows a priority fee on all-IOC or all-ALO-not-reduce-only perp batches", () => {
    expect(orderAction({ orders: [{ ...btcBid, type: { limit: { tif: "Ioc" } } }], grouping: { p: 100 } }).ok).toBe(true);
    expect(orderAction({ orders: [btcBid, btcBid], grouping: { p: 100 } }).ok).toBe(true);
  });
});
