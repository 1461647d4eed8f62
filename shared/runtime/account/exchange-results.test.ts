import { describe, expect, it } from "vitest";
import { classifyAction, classifyCancels, classifyOrders, httpNote, isRoutineReject, type HttpOutcome } from "./exchange-results";

// Bodies below are the documented /exchange answers (docs exchange-endpoint and error-responses,
// as copied into ../shared/vectors/hyperliquid/exchange_responses.json).
const answered = (body: unknown, status = 200): HttpOutcome => ({ kind: "answered", status, body: typeof body === "string" ? body : JSON.stringify(body) });
const orderOk = (...statuses: unknown[]): HttpOutcome => answered({ status: "ok", response: { type: "order", data: { statuses } } });
const BTC = { pxDecimals: 1, szDecimals: 5 };
const OUTCOME = { pxDecimals: 5, szDecimals: 0 };

describe("classifyOrders", () => {
  it("maps resting and filled statuses in request order, fills read on each order's grid", () => {
    const h = orderOk({ resting: { oid: 77738308 } }, { filled: { totalSz: "22.0", avgPx: "0.04764", oid: 77747314 } });
    expect(classifyOrders(h, [BTC, OUTCOME])).toEqual([
      { kind: "resting", oid: 77738308 },
      { kind: "filled", oid: 77747314, totalLots: 22, avgPx: 4764 },
    ]);
  });

  it("keeps an average price that falls between ticks as fractional ticks", () => {
    const h = orderOk({ filled: { totalSz: "0.02", avgPx: "1891.45", oid: 1 } });
    expect(classifyOrders(h, [{ pxDecimals: 1, szDecimals: 4 }])).toEqual([{ kind: "filled", oid: 1, totalLots: 200, avgPx: 18914.5 }]);
  });

  it("a fill size off the instrument's lot is not a rejection: unknown, resolved by asking", () => {
    const h = orderOk({ filled: { totalSz: "0.5", avgPx: "0.5", oid: 9 } });
    expect(classifyOrders(h, [OUTCOME])).toEqual([{ kind: "unknown", cause: "parse_error" }]);
  });

  it("routine refusals (post-only cross, IOC no match, minimum value) are rejections; others are venue errors", () => {
    const messages = [
      "Post only order would have immediately matched, bbo was 0.9555@0.95236",
      "Order could not immediately match against any resting orders. asset=100000150",
      "Order must have minimum value of $10.",
      "Order must have minimum value of 10 USDC.",
      "Insufficient margin to place order. asset=0",
      "Price must be divisible by tick size. asset=0",
    ];
    const res = classifyOrders(orderOk(...messages.map((error) => ({ error }))), messages.map(() => BTC));
    expect(res.map((r) => r.kind)).toEqual(["rejected", "rejected", "rejected", "rejected", "error", "error"]);
    expect(res[4]).toEqual({ kind: "error", message: messages[4] });
    expect(isRoutineReject("No liquidity available for market order.")).toBe(true);
  });

  it("a pre-validation error answered once applies to every order of the batch", () => {
    const h = orderOk({ error: "Order price too far from oracle" });
    expect(classifyOrders(h, [BTC, BTC, BTC])).toEqual(Array(3).fill({ kind: "error", message: "Order price too far from oracle" }));
  });

  it("a whole request refused ({status:err}) is an error for each order, never unknown", () => {
    const h = answered({ status: "err", response: "Invalid nonce: duplicate nonce 1741107452532" });
    expect(classifyOrders(h, [BTC, OUTCOME])).toEqual(Array(2).fill({ kind: "error", message: "Invalid nonce: duplicate nonce 1741107452532" }));
  });

  it("ambiguous answers are unknown with their cause: timeout, dropped connection, 5xx, unreadable 200", () => {
    const two = [BTC, BTC];
    expect(classifyOrders({ kind: "timeout" }, two)).toEqual(Array(2).fill({ kind: "unknown", cause: "timeout" }));
    expect(classifyOrders({ kind: "network", message: "Network connection lost." }, two)).toEqual(Array(2).fill({ kind: "unknown", cause: "socket_closed" }));
    expect(classifyOrders(answered("Bad Gateway", 502), two)).toEqual(Array(2).fill({ kind: "unknown", cause: "http_5xx" }));
    expect(classifyOrders(answered('{"status":"ok","respo'), two)).toEqual(Array(2).fill({ kind: "unknown", cause: "parse_error" }));
    expect(classifyOrders(answered({ status: "ok", response: { type: "order", data: { statuses: "x" } } }), two)[0]).toEqual({ kind: "unknown", cause: "parse_error" });
  });

  it("429 and other 4xx mean the request did not run: errors", () => {
    expect(classifyOrders(answered("null", 429), [BTC])).toEqual([{ kind: "error", message: "HTTP 429: rate limited, not executed" }]);
    expect(classifyOrders(answered("Failed to deserialize the JSON body into the target type", 422), [BTC])[0]).toMatchObject({ kind: "error", message: expect.stringMatching(/^HTTP 422/) });
  });

  it("statuses missing for some orders, or waiting ones, leave those orders unknown", () => {
    const h = orderOk({ resting: { oid: 5 } }, "waitingForFill");
    expect(classifyOrders(h, [BTC, BTC, BTC])).toEqual([
      { kind: "resting", oid: 5 },
      { kind: "unknown", cause: "parse_error" },
      { kind: "unknown", cause: "parse_error" },
    ]);
  });
});

describe("classifyCancels", () => {
  const cancelOk = (...statuses: unknown[]): HttpOutcome => answered({ status: "ok", response: { type: "cancel", data: { statuses } } });

  it("success, a per-cancel error, and a missing status", () => {
    const h = cancelOk("success", { error: "Order was never placed, already canceled, or filled." });
    expect(classifyCancels(h, 3)).toEqual([{ kind: "ok" }, { kind: "error", message: "Order was never placed, already canceled, or filled." }, { kind: "unknown" }]);
  });

  it("ambiguous transport outcomes are unknown; a refused request is an error for every cancel", () => {
    expect(classifyCancels({ kind: "timeout" }, 2)).toEqual([{ kind: "unknown" }, { kind: "unknown" }]);
    expect(classifyCancels(answered("Internal Server Error", 500), 1)).toEqual([{ kind: "unknown" }]);
    expect(classifyCancels(answered({ status: "err", response: "Action already expired" }), 2)).toEqual(Array(2).fill({ kind: "error", message: "Action already expired" }));
    expect(classifyCancels(orderOk({ resting: { oid: 1 } }), 1)[0]).toMatchObject({ kind: "error" });
  });
});

describe("classifyAction and httpNote", () => {
  it("scheduleCancel / noop: default is ok, err carries the venue's text", () => {
    expect(classifyAction(answered({ status: "ok", response: { type: "default" } }))).toEqual({ kind: "ok" });
    const refusal = "Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.00.";
    expect(classifyAction(answered({ status: "err", response: refusal }))).toEqual({ kind: "error", message: refusal });
    expect(classifyAction({ kind: "network", message: "reset" })).toEqual({ kind: "unknown" });
  });

  it("notes why a call failed as a whole, and nothing when statuses came back", () => {
    expect(httpNote({ kind: "timeout" })).toBe("timeout: no answer before the timeout");
    expect(httpNote(answered("null", 429))).toBe("HTTP 429: rate limited, not executed");
    expect(httpNote(orderOk({ resting: { oid: 1 } }))).toBeNull();
  });
});
