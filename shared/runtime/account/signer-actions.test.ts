import { describe, expect, it } from "vitest";
import { parseL1Action } from "../../venues/hyperliquid/action-schemas";
import { burnNonceAction, cancelCloidAction, cancelOidAction, deadManAction, placeAction } from "./signer-actions";
import type { WireOrder } from "./signer-protocol";

const order = (o: Partial<WireOrder>): WireOrder => ({
  asset: 100_000_150,
  isBuy: true,
  price: "0.95236",
  size: "13",
  tif: "Alo",
  reduceOnly: false,
  cloid: "0x1B2C3D4E5F60718200000000000000A1",
  pxDecimals: 5,
  szDecimals: 0,
  ...o,
});

describe("signer actions", () => {
  it("one order action per batch, grouping na, keys in the signed order, cloids lowercased", () => {
    const a = placeAction([order({}), order({ asset: 0, isBuy: false, price: "80742", size: "0.12", tif: "Ioc", reduceOnly: true, cloid: "0x1b2c3d4e5f60718200000000000000a2" })]);
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(JSON.stringify(a.value)).toBe(
      '{"type":"order","orders":[{"a":100000150,"b":true,"p":"0.95236","s":"13","r":false,"t":{"limit":{"tif":"Alo"}},"c":"0x1b2c3d4e5f60718200000000000000a1"},' +
        '{"a":0,"b":false,"p":"80742","s":"0.12","r":true,"t":{"limit":{"tif":"Ioc"}},"c":"0x1b2c3d4e5f60718200000000000000a2"}],"grouping":"na"}',
    );
    // The simulator's (and the venue's) parser takes it as is: key order and canonical strings.
    expect(parseL1Action(a.value)).toMatchObject({ ok: true });
  });

  it("refuses what the venue would refuse: empty batches, reduce-only outcomes, non-canonical numbers", () => {
    expect(placeAction([])).toMatchObject({ ok: false, error: { field: "orders" } });
    expect(placeAction([order({ reduceOnly: true })])).toMatchObject({ ok: false, error: { field: "orders[0].reduceOnly" } });
    expect(placeAction([order({ price: "-1" })])).toMatchObject({ ok: false, error: { field: "orders[0].price" } });
  });

  it("cancel by cloid, by oid, the dead man's switch and noop", () => {
    expect(cancelCloidAction([{ asset: 100_000_151, cloid: "0x1b2c3d4e5f60718200000000000000a1" }])).toEqual({
      ok: true,
      value: { type: "cancelByCloid", cancels: [{ asset: 100_000_151, cloid: "0x1b2c3d4e5f60718200000000000000a1" }] },
    });
    expect(cancelOidAction([{ asset: 0, oid: 77738308 }])).toEqual({ ok: true, value: { type: "cancel", cancels: [{ a: 0, o: 77738308 }] } });
    expect(deadManAction(1_778_385_640_000)).toEqual({ ok: true, value: { type: "scheduleCancel", time: 1_778_385_640_000 } });
    expect(deadManAction(null)).toEqual({ ok: true, value: { type: "scheduleCancel" } });
    expect(burnNonceAction()).toEqual({ type: "noop" });
  });
});
