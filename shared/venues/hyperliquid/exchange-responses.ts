/**
 * Responses of POST /exchange (and of `post` action requests over the WebSocket)
 * [docs exchange-endpoint, error-responses; reference/hyperliquid.md §3.3]:
 * - order / batchModify: one status per order, in request order;
 * - cancel / cancelByCloid: "success" or { error } per cancel;
 * - most other actions: { type: "default" };
 * - a whole request refused (bad signature recovering another address, pre-validation of the
 *   batch, stale expiresAfter): { status: "err", response: "<text>" }, which applies to every
 *   order of the batch.
 */
import * as z from "zod";
import { err, ok, type Result } from "../../core/result";
import { CloidStr, UDecimalStr, UInt } from "./schema-common";

export const OrderStatus = z.union([
  z.object({ resting: z.object({ oid: UInt, cloid: CloidStr.optional() }) }),
  z.object({ filled: z.object({ totalSz: UDecimalStr, avgPx: UDecimalStr, oid: UInt, cloid: CloidStr.optional() }) }),
  z.object({ error: z.string() }),
  z.literal("waitingForFill"),
  z.literal("waitingForTrigger"),
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const CancelStatus = z.union([z.literal("success"), z.object({ error: z.string() })]);
export type CancelStatus = z.infer<typeof CancelStatus>;

const OkOrder = z.object({ type: z.literal("order"), data: z.object({ statuses: z.array(OrderStatus) }) });
const OkCancel = z.object({ type: z.literal("cancel"), data: z.object({ statuses: z.array(CancelStatus) }) });
const OkDefault = z.object({ type: z.literal("default") });
const OkTwap = z.object({
  type: z.literal("twapOrder"),
  data: z.object({ status: z.union([z.object({ running: z.object({ twapId: UInt }) }), z.object({ error: z.string() })]) }),
});

export const ExchangeResponse = z.discriminatedUnion("status", [
  z.object({ status: z.literal("ok"), response: z.discriminatedUnion("type", [OkOrder, OkCancel, OkDefault, OkTwap]) }),
  z.object({ status: z.literal("err"), response: z.string() }),
]);
export type ExchangeResponse = z.infer<typeof ExchangeResponse>;

export interface ExchangeResponseError {
  kind: "badJson" | "badShape";
  detail: string;
}

/** Parses a response body (text or already-decoded JSON); never throws. */
export function parseExchangeResponse(body: string | unknown): Result<ExchangeResponse, ExchangeResponseError> {
  let value: unknown = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return err({ kind: "badJson", detail: body.slice(0, 200) });
    }
  }
  const r = ExchangeResponse.safeParse(value);
  return r.success ? ok(r.data) : err({ kind: "badShape", detail: z.prettifyError(r.error).slice(0, 500) });
}

/** What one order of a batch became: the statuses of an ok response, or the batch-wide error. */
export type OrderOutcome =
  | { kind: "resting"; oid: number; cloid?: string }
  | { kind: "filled"; oid: number; totalSz: string; avgPx: string; cloid?: string }
  | { kind: "waiting"; on: "fill" | "trigger" }
  | { kind: "error"; message: string; batchWide: boolean }
  /** No status came back for this order: not a rejection; resolve it by asking the venue. */
  | { kind: "unknown"; reason: string };

/** One outcome per order sent (batch-wide refusals repeated for every order, as the docs require). */
export function orderOutcomes(res: ExchangeResponse, ordersSent: number): OrderOutcome[] {
  if (res.status === "err") {
    return Array.from({ length: ordersSent }, () => ({ kind: "error" as const, message: res.response, batchWide: true }));
  }
  if (res.response.type !== "order") {
    const message = `unexpected response type ${res.response.type} to an order`;
    return Array.from({ length: ordersSent }, () => ({ kind: "error" as const, message, batchWide: true }));
  }
  const statuses = res.response.data.statuses;
  // Pre-validation answers once for the whole batch [docs error-responses].
  if (statuses.length === 1 && ordersSent > 1) {
    const only = statuses[0];
    if (only !== undefined && typeof only === "object" && "error" in only) {
      return Array.from({ length: ordersSent }, () => ({ kind: "error" as const, message: only.error, batchWide: true }));
    }
  }
  const outcomes = statuses.slice(0, ordersSent).map((s): OrderOutcome => {
    if (s === "waitingForFill") return { kind: "waiting", on: "fill" };
    if (s === "waitingForTrigger") return { kind: "waiting", on: "trigger" };
    if ("resting" in s) return { kind: "resting", ...s.resting };
    if ("filled" in s) return { kind: "filled", ...s.filled };
    return { kind: "error", message: s.error, batchWide: false };
  });
  while (outcomes.length < ordersSent) outcomes.push({ kind: "unknown", reason: "no status returned for this order" });
  return outcomes;
}
