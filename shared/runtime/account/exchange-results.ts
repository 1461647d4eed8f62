/**
 * What one POST /exchange came to, per order or cancel (SPEC §9 command outcomes; peers.md §1.2,
 * Nautilus's command outcome policy). The rule that keeps orders from doubling: an answer that
 * does not say what happened is never a rejection.
 *   - no answer (timeout, network error), a 5xx, or a 200 whose body does not parse: `unknown`
 *     (the action may have run; the order is resolved by asking the venue);
 *   - 429: Hyperliquid's IP limiter refused the request before it ran: an error, nothing placed;
 *   - other 4xx (422 = the venue could not deserialise the body): an error, nothing placed;
 *   - `{status:"err"}`: the whole request was refused (signature, nonce, expiresAfter,
 *     pre-validation of the batch): an error for every item;
 *   - per-order `{error}`: `rejected` when the venue refuses as a matter of course (post-only
 *     would cross, IOC found nothing, below the minimum value), otherwise `error` (counts
 *     against the venue-error streak).
 */
import { parseScaled, pow10 } from "../../core/decimal";
import type { CancelResult, SendResult } from "../../engine/types";
import type { UnknownCause } from "../../execution/order-manager";
import { orderOutcomes, parseExchangeResponse, type ExchangeResponse } from "../../venues/hyperliquid/exchange-responses";
import type { ActionResult } from "./signer-protocol";

/** How the post ended, as seen by the signer. */
export type HttpOutcome =
  | { kind: "answered"; status: number; body: string }
  | { kind: "timeout" }
  | { kind: "network"; message: string };

/** Per-order venue errors that are the normal cost of trading, not a sign of trouble [docs error-responses]. */
const ROUTINE_REJECTS = [
  /^Post only order would have immediately matched/,
  /^Order could not immediately match against any resting orders/,
  /^No liquidity available for market order/,
  /^Order must have minimum value of /,
];

export const isRoutineReject = (message: string): boolean => ROUTINE_REJECTS.some((re) => re.test(message));

type Parsed = { kind: "ok"; res: ExchangeResponse } | { kind: "unknown"; cause: UnknownCause; detail: string } | { kind: "error"; message: string };

function parsed(h: HttpOutcome): Parsed {
  if (h.kind === "timeout") return { kind: "unknown", cause: "timeout", detail: "no answer before the timeout" };
  if (h.kind === "network") return { kind: "unknown", cause: "socket_closed", detail: h.message };
  if (h.status >= 500) return { kind: "unknown", cause: "http_5xx", detail: `HTTP ${h.status}` };
  if (h.status === 429) return { kind: "error", message: "HTTP 429: rate limited, not executed" };
  if (h.status !== 200) return { kind: "error", message: `HTTP ${h.status}: ${h.body.slice(0, 200)}` };
  const r = parseExchangeResponse(h.body);
  if (!r.ok) return { kind: "unknown", cause: "parse_error", detail: `${r.error.kind}: ${r.error.detail}` };
  if (r.value.status === "err") return { kind: "error", message: r.value.response };
  return { kind: "ok", res: r.value };
}

/** Average price of a fill answer in ticks; averages may sit between ticks. */
function avgTicks(avgPx: string, pxDecimals: number): number | null {
  const exact = parseScaled(avgPx, pxDecimals);
  if (exact !== null) return exact;
  const x = Number(avgPx);
  return Number.isFinite(x) && x > 0 ? x * pow10(pxDecimals) : null;
}

/** One SendResult per order sent, in request order. */
export function classifyOrders(h: HttpOutcome, orders: readonly { pxDecimals: number; szDecimals: number }[]): SendResult[] {
  const p = parsed(h);
  if (p.kind === "unknown") return orders.map(() => ({ kind: "unknown", cause: p.cause }));
  if (p.kind === "error") return orders.map(() => ({ kind: "error", message: p.message }));
  return orderOutcomes(p.res, orders.length).map((o, i): SendResult => {
    const grid = orders[i]!;
    switch (o.kind) {
      case "resting":
        return { kind: "resting", oid: o.oid };
      case "filled": {
        const lots = parseScaled(o.totalSz, grid.szDecimals);
        const px = avgTicks(o.avgPx, grid.pxDecimals);
        // A fill we cannot read on the instrument's grid is not a rejection: ask the venue.
        if (lots === null || px === null) return { kind: "unknown", cause: "parse_error" };
        return { kind: "filled", oid: o.oid, totalLots: lots, avgPx: px };
      }
      case "error":
        return isRoutineReject(o.message) ? { kind: "rejected", reason: o.message } : { kind: "error", message: o.message };
      // waitingForFill/waitingForTrigger or a missing status: accepted but not placed yet; ask.
      case "waiting":
      case "unknown":
        return { kind: "unknown", cause: "parse_error" };
    }
  });
}

/** One CancelResult per cancel sent, in request order. */
export function classifyCancels(h: HttpOutcome, count: number): CancelResult[] {
  const p = parsed(h);
  if (p.kind === "unknown") return Array.from({ length: count }, () => ({ kind: "unknown" }));
  if (p.kind === "error") return Array.from({ length: count }, () => ({ kind: "error", message: p.message }));
  const res = p.res;
  if (res.status !== "ok" || res.response.type !== "cancel") {
    const message = `unexpected response to a cancel: ${res.status === "ok" ? res.response.type : "err"}`;
    return Array.from({ length: count }, () => ({ kind: "error", message }));
  }
  const statuses = res.response.data.statuses;
  return Array.from({ length: count }, (_, i): CancelResult => {
    const s = statuses[i];
    if (s === undefined) return { kind: "unknown" };
    return s === "success" ? { kind: "ok" } : { kind: "error", message: s.error };
  });
}

/** The answer to scheduleCancel or noop (`{type:"default"}` when it ran). */
export function classifyAction(h: HttpOutcome): ActionResult {
  const p = parsed(h);
  if (p.kind === "unknown") return { kind: "unknown" };
  if (p.kind === "error") return { kind: "error", message: p.message };
  const res = p.res;
  return res.status === "ok" && res.response.type === "default" ? { kind: "ok" } : { kind: "error", message: "unexpected response type" };
}

/** A one-line reason for the audit log when the whole call did not come back with statuses. */
export function httpNote(h: HttpOutcome): string | null {
  const p = parsed(h);
  if (p.kind === "unknown") return `${p.cause}: ${p.detail}`;
  if (p.kind === "error") return p.message;
  return null;
}
