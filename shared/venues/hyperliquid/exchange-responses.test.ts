import { describe, expect, it } from "vitest";
import { orderOutcomes, parseExchangeResponse } from "./exchange-responses";

const parsed = (body: unknown) => {
  const r = parseExchangeResponse(body);
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

describe("order outcomes", () => {
  it("maps each status to its order, in request order", () => {
    const res = parsed({
      status: "ok",
      response: {
        type: "order",
        data: { statuses: [{ resting: { oid: 1, cloid: "0x00000000000000000000000000000001" } }, { filled: { totalSz: "0.02", avgPx: "1891.4", oid: 2 } }, "waitingForTrigger"] },
      },
    });
    expect(orderOutcomes(res, 3)).toEqual([
      { kind: "resting", oid: 1, cloid: "0x00000000000000000000000000000001" },
      { kind: "filled", oid: 2, totalSz: "0.02", avgPx: "1891.4" },
      { kind: "waiting", on: "trigger" },
    ]);
  });

  it("repeats a whole-request refusal and a single pre-validation error for every order of the batch", () => {
    expect(orderOutcomes(parsed({ status: "err", response: "Must deposit before performing actions. User: 0x123" }), 2)).toEqual([
      { kind: "error", message: "Must deposit before performing actions. User: 0x123", batchWide: true },
      { kind: "error", message: "Must deposit before performing actions. User: 0x123", batchWide: true },
    ]);
    const pre = parsed({ status: "ok", response: { type: "order", data: { statuses: [{ error: "Order price too far from oracle" }] } } });
    expect(orderOutcomes(pre, 3).every((o) => o.kind === "error" && o.batchWide)).toBe(true);
  });

  it("leaves an order the response has no status for unknown (to be resolved with orderStatus)", () => {
    const res = parsed({ status: "ok", response: { type: "order", data: { statuses: [{ resting: { oid: 1 } }, { resting: { oid: 2 } }] } } });
    expect(orderOutcomes(res, 3)[2]).toEqual({ kind: "unknown", reason: "no status returned for this order" });
  });

  it("treats a non-order response to an order as an error for each order", () => {
    expect(orderOutcomes(parsed({ status: "ok", response: { type: "default" } }), 1)).toMatchObject([{ kind: "error", batchWide: true }]);
  });

  it("refuses malformed bodies as values", () => {
    expect(parseExchangeResponse("<html>502</html>")).toMatchObject({ ok: false, error: { kind: "badJson" } });
    expect(parseExchangeResponse({ status: "ok", response: { type: "order", data: { statuses: [{ resting: {} }] } } })).toMatchObject({
      ok: false,
      error: { kind: "badShape" },
    });
  });
});
