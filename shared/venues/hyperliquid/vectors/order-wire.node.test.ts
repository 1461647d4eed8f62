import { describe, expect, it } from "vitest";
import { casesWith, type Json } from "../../../../test/node/hl-fixtures";
import { parseL1Action } from "../action-schemas";
import { orderAction, type OrderKind } from "../actions";
import { floatToWire } from "../wire-decimal";

const cases = casesWith("sdk_input");

function wireOf(x: number | string): string {
  if (typeof x === "string") return x;
  const r = floatToWire(x);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("order wire vectors (SDK order request -> wire, key order included)", () => {
  it("finds the vectors", () => expect(cases.length).toBeGreaterThanOrEqual(5));

  for (const { name, v } of cases) {
    if (typeof v.sdk_input !== "object") {
      // The Rust case hashes the non-canonical "2000.0" verbatim: the builders canonicalise, so
      // they cannot produce it; the schema check documents that it would be refused on input.
      it(`${name}: non-canonical decimals are refused by the action schema`, () => {
        const r = parseL1Action({ type: "order", orders: [v.wire], grouping: "na" });
        expect(r.ok).toBe(false);
      });
      continue;
    }
    it(name, () => {
      const s: Json = v.sdk_input;
      const type: OrderKind =
        "limit" in s.order_type
          ? { limit: { tif: s.order_type.limit.tif } }
          : { trigger: { triggerPx: wireOf(s.order_type.trigger.triggerPx), isMarket: s.order_type.trigger.isMarket, tpsl: s.order_type.trigger.tpsl } };
      const order = { asset: s.asset, isBuy: s.is_buy, price: wireOf(s.limit_px), size: wireOf(s.sz), reduceOnly: s.reduce_only, type };
      const built = orderAction({ orders: [s.cloid === null ? order : { ...order, cloid: s.cloid }] });
      expect(built.ok).toBe(true);
      if (!built.ok) return;
      // toStrictEqual ignores key order, so compare the serialised form too.
      expect(JSON.stringify(built.value.orders[0])).toBe(JSON.stringify(v.wire));
      expect(parseL1Action(built.value)).toEqual({ ok: true, value: built.value });
    });
  }
});
