import { describe, expect, it } from "vitest";
import { parseExchangeRequest, parseL1Action } from "./action-schemas";

const order = { a: 1, b: true, p: "100", s: "100", r: false, t: { limit: { tif: "Gtc" } } };
const sig = { r: "0x53749d5b30552aeb2fca34b530185976545bb22d0b3ce6f62e31be961a59298", s: "0x755c40ba9bf05223521753995abb2f73ab3229be8ec921f350cb447e384d8ed8", v: 27 };

describe("parseL1Action (what a verifier accepts)", () => {
  it("accepts an action in wire key order", () => {
    expect(parseL1Action({ type: "order", orders: [order], grouping: "na" }).ok).toBe(true);
  });

  it("names the first object whose keys are out of order", () => {
    const swapped = { a: 1, b: true, s: "100", p: "100", r: false, t: { limit: { tif: "Gtc" } } };
    expect(parseL1Action({ type: "order", orders: [order, swapped], grouping: "na" })).toEqual({
      ok: false,
      error: { kind: "keyOrder", path: "$.orders[1]", expected: ["a", "b", "p", "s", "r", "t"], got: ["a", "b", "s", "p", "r", "t"] },
    });
    expect(parseL1Action({ type: "order", orders: [{ ...order, t: { trigger: { triggerPx: "1", isMarket: true, tpsl: "tp" } } }], grouping: "na" })).toMatchObject({
      ok: false,
      error: { kind: "keyOrder", path: "$.orders[0].t.trigger" },
    });
  });

  it.each([
    ["cancel with f:false", { type: "cancel", cancels: [{ a: 1, o: 2 }], f: false }],
    ["modify with a:false", { type: "modify", oid: 1, order, a: false }],
    ["a trailing zero", { type: "order", orders: [{ ...order, p: "100.0" }], grouping: "na" }],
    ["a leading zero", { type: "order", orders: [{ ...order, s: "0100" }], grouping: "na" }],
    ["an uppercase cloid", { type: "order", orders: [{ ...order, c: "0x0000000000000000000000000000ABCD" }], grouping: "na" }],
    ["an unknown key", { type: "noop", extra: 1 }],
    ["an unknown action", { type: "dummy", num: 1 }],
    ["a float asset id", { type: "cancel", cancels: [{ a: 1.5, o: 2 }] }],
    ["not an object", "order"],
  ])("refuses %s", (_, raw) => {
    expect(parseL1Action(raw).ok).toBe(false);
  });
});

describe("parseExchangeRequest", () => {
  const body = { action: { type: "scheduleCancel" }, nonce: 1_700_000_000_000, signature: sig, vaultAddress: null };

  it("accepts Python-style unpadded r/s and null vault/expiresAfter", () => {
    expect(parseExchangeRequest(JSON.stringify(body))).toMatchObject({ ok: true, value: { nonce: 1_700_000_000_000, action: { type: "scheduleCancel" } } });
  });

  it("refuses bad JSON, bad signatures and a bad action as error values", () => {
    expect(parseExchangeRequest("{")).toMatchObject({ ok: false, error: { kind: "badJson" } });
    expect(parseExchangeRequest({ ...body, signature: { ...sig, v: 29 } })).toMatchObject({ ok: false, error: { kind: "badShape" } });
    expect(parseExchangeRequest({ ...body, action: { type: "cancel", cancels: [] } })).toMatchObject({ ok: false, error: { kind: "badShape" } });
    expect(parseExchangeRequest({ ...body, nonce: -1 })).toMatchObject({ ok: false, error: { kind: "badShape" } });
  });
});
