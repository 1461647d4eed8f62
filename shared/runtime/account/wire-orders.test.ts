import { describe, expect, it } from "vitest";
import { px, sz } from "../../core/units";
import type { Instrument, OrderIntent } from "../../execution/types";
import { buildUniverse } from "../../venues/hyperliquid/universe";
import { assetTable, cancelBatch, cancelByOidBatch, hlCoin, orderBatch, wireOrder } from "./wire-orders";

// The 2023 mainnet meta lists BTC first (szDecimals 5) and ETH second (4); outcome 15 is the
// recorded HIP-4 BTC binary (#150 / #151).
const u = buildUniverse({
  meta: { universe: [{ name: "BTC", szDecimals: 5, maxLeverage: 50 }, { name: "ETH", szDecimals: 4, maxLeverage: 50 }] },
  outcomeMeta: { outcomes: [{ outcome: 15, name: "Recurring", description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d", sideSpecs: [{ name: "Yes" }, { name: "No" }], quoteToken: "USDC" }] },
});
if (!u.ok) throw new Error("universe");

const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear" };
const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:o15", groupSign: 1, minNotionalUsd: 10 };
const NO: Instrument = { ...YES, market: "hl:#151", groupSign: -1 };
const PM: Instrument = { market: "pm:123", venue: "pm", pxDecimals: 3, szDecimals: 2, payoff: "binary" };

const intent = (o: Partial<OrderIntent>): OrderIntent => ({
  market: "hl:#150",
  venue: "hl",
  side: "buy",
  px: px(95236),
  sz: sz(13),
  tif: "Alo",
  reduceOnly: false,
  tactic: "post_only",
  strategy: "mm",
  slot: "hl:#150:mm:bid",
  refPx: px(95300),
  createdMs: 0,
  cloid: "0x1b2c3d4e5f60718200000000000000a1",
  ...o,
});

const { table } = assetTable(u.value, [BTC, YES, NO]);

describe("assetTable", () => {
  it("resolves perps by meta index and outcome sides by encoding", () => {
    expect(table).toEqual({
      "hl:BTC": { coin: "BTC", assetId: 0, tick: { kind: "perp", szDecimals: 5 } },
      "hl:#150": { coin: "#150", assetId: 100_000_150, tick: { kind: "outcome", szDecimals: 0 } },
      "hl:#151": { coin: "#151", assetId: 100_000_151, tick: { kind: "outcome", szDecimals: 0 } },
    });
  });

  it("names Hyperliquid markets the venue does not list and skips other venues", () => {
    const r = assetTable(u.value, [{ ...BTC, market: "hl:SOL" }, PM]);
    expect(r).toEqual({ table: {}, missing: ["hl:SOL"] });
    expect([hlCoin("hl:#20"), hlCoin("hl:rpl:ETH"), hlCoin("pm:1"), hlCoin("hl:")]).toEqual(["#20", "rpl:ETH", null, null]);
  });
});

describe("wireOrder", () => {
  it("prints ticks and lots as the venue's canonical strings", () => {
    expect(wireOrder(intent({}), YES, table["hl:#150"])).toEqual({
      ok: true,
      value: { asset: 100_000_150, isBuy: true, price: "0.95236", size: "13", tif: "Alo", reduceOnly: false, cloid: "0x1b2c3d4e5f60718200000000000000a1", pxDecimals: 5, szDecimals: 0 },
    });
    const perp = wireOrder(intent({ market: "hl:BTC", side: "sell", px: px(807420), sz: sz(12_000), tif: "Ioc", reduceOnly: true }), BTC, table["hl:BTC"]);
    expect(perp).toMatchObject({ ok: true, value: { asset: 0, isBuy: false, price: "80742", size: "0.12", tif: "Ioc", reduceOnly: true } });
  });

  it("refuses prices off the venue's grid (more than 5 significant figures) before anything is signed", () => {
    // 80742.5 has 6 significant figures: a BTC price must be an integer at this level.
    expect(wireOrder(intent({ market: "hl:BTC", px: px(807425), sz: sz(100) }), BTC, table["hl:BTC"])).toEqual({ ok: false, error: { kind: "off_grid", field: "price", value: "80742.5" } });
    expect(wireOrder(intent({ px: px(100000) }), YES, table["hl:#150"])).toEqual({ ok: false, error: { kind: "off_grid", field: "price", value: "1" } });
    expect(wireOrder(intent({ sz: sz(0) }), YES, table["hl:#150"])).toMatchObject({ ok: false, error: { field: "size" } });
    expect(wireOrder(intent({}), undefined, table["hl:#150"])).toEqual({ ok: false, error: { kind: "unknown_instrument", market: "hl:#150" } });
    expect(wireOrder(intent({}), YES, undefined)).toEqual({ ok: false, error: { kind: "unknown_asset", market: "hl:#150" } });
  });

  it("never sends a reduce-only flag on an outcome (HIP-4 refuses it)", () => {
    expect(wireOrder(intent({ reduceOnly: true }), YES, table["hl:#150"])).toMatchObject({ ok: true, value: { reduceOnly: false } });
  });
});

describe("batches", () => {
  it("splits a batch into what is sent and what is denied, keeping each cloid", () => {
    const good = intent({});
    const bad = intent({ cloid: "0x1b2c3d4e5f60718200000000000000a2", market: "hl:SOL" });
    const b = orderBatch([good, bad], { "hl:#150": YES }, table);
    expect(b.send.map((s) => s.cloid)).toEqual([good.cloid]);
    expect(b.denied).toEqual([{ cloid: bad.cloid, reason: "unknown instrument hl:SOL" }]);
  });

  it("cancels by cloid and by oid carry the asset id", () => {
    expect(cancelBatch([{ cloid: "0xaa", market: "hl:#151" }, { cloid: "0xbb", market: "hl:X" }], table)).toEqual({
      send: [{ cloid: "0xaa", wire: { asset: 100_000_151, cloid: "0xaa" } }],
      denied: [{ cloid: "0xbb", reason: "unknown asset hl:X" }],
    });
    expect(cancelByOidBatch([{ oid: 7, market: "hl:BTC" }, { oid: 8, market: "hl:X" }], table)).toEqual({ send: [{ asset: 0, oid: 7 }], missing: ["hl:X"] });
  });
});
