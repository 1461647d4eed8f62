/**
 * Fills into the account: the order manager (deduplicated by tid), the risk state (position,
 * cash, reservation, revaluation and the drawdown kill), the exact ledger, slippage against the
 * decision-time reference, and the reconciliation with a venue snapshot that feeds the same path.
 */
import { parseScaled, pow10 } from "../core/decimal";
import type { FillEvent } from "../events";
import { applyReconcile, reconcile, type VenueFill, type VenueSnapshot } from "../execution/reconcile";
import type { Instrument, Side } from "../execution/types";
import { recordSlippage, slippageBps } from "../feedback/slippage";
import { applyFill, observeSlippage, reserve } from "../risk";
import { newOutput, orderEvent, settleRisk, takeTransition, type AccountCtx } from "./account-core";
import { findByOid } from "./account-orders";
import { ledgerFill } from "./ledger";
import type { AccountOutput } from "./types";

/** Trade ids remembered for deduplication (a userFills snapshot after a reconnect resends recent fills). */
const MAX_SEEN_TIDS = 4_096;

interface FillIn {
  market: string;
  inst: Instrument;
  cloid: string | undefined;
  tid: string;
  side: Side;
  lots: number;
  px: number;
  feeMicros: number;
}

/** The one path every fill takes, whoever reported it. */
function applyOne(c: AccountCtx, f: FillIn, nowMs: number, o: AccountOutput): void {
  if (c.s.seenTids.includes(f.tid)) return;
  c.s.seenTids.push(f.tid);
  if (c.s.seenTids.length > MAX_SEEN_TIDS) c.s.seenTids.splice(0, c.s.seenTids.length - MAX_SEEN_TIDS);
  const ord = f.cloid === undefined ? undefined : c.s.book.orders[f.cloid];
  if (ord !== undefined) orderEvent(c, f.cloid!, { kind: "fill", tid: f.tid, sz: f.lots, px: f.px }, nowMs, o);
  const limits = c.config.limits;
  const r = applyFill(c.s.risk, { ...(ord === undefined ? {} : { cloid: f.cloid! }), market: f.market, side: f.side, lots: f.lots, px: f.px, feeUsd: f.feeMicros / 1e6 }, limits, nowMs);
  if (!r.ok) {
    o.errors.push({ kind: "risk", detail: `${r.error.kind}: ${r.error.detail}` });
    return;
  }
  takeTransition(c, r.value, nowMs, o);
  ledgerFill(c.s.ledger, f.inst, f.side, f.px, f.lots, f.feeMicros);
  c.s.counts.fills++;
  o.changed.push(f.market);
  if (ord !== undefined) {
    const unit = pow10(f.inst.pxDecimals);
    const ref = ord.intent.refPx / unit;
    // A binary contract's slippage is in bps of its payout of 1, as the risk gate's price band
    // is: a NO at 0.05 bought one tick over the reference is not 200 bps worse.
    const rel = slippageBps(f.side, f.px / unit, ref);
    const bps = f.inst.payoff === "binary" ? rel * ref : rel;
    c.s.slippage = recordSlippage(c.s.slippage, ord.intent.tactic, bps, f.lots, c.config.feedback.slippage_ewma_weight);
    takeTransition(c, observeSlippage(c.s.risk, bps, limits, nowMs), nowMs, o);
    settleRisk(c, f.cloid!);
  }
}

/** Fee text in the quote token -> micros; venues print up to 6 decimals, anything finer is rounded. */
function feeMicros(text: string): number | null {
  const exact = parseScaled(text, 6);
  if (exact !== null) return exact;
  const x = Number(text);
  return Number.isFinite(x) ? Math.round(x * 1e6) : null;
}

export function onFill(c: AccountCtx, f: FillEvent, nowMs: number): AccountOutput {
  const o = newOutput();
  const market = `${f.venue}:${f.coin}`;
  const inst = c.inst[market];
  if (inst === undefined) {
    o.errors.push({ kind: "unknown_market", market });
    return o;
  }
  const lots = parseScaled(f.sz, inst.szDecimals);
  const px = parseScaled(f.px, inst.pxDecimals);
  const fee = feeMicros(f.fee);
  if (lots === null || !(lots > 0) || px === null || px < 0 || fee === null) {
    o.errors.push({ kind: "bad_number", field: "fill", value: `${f.sz}@${f.px} fee ${f.fee}` });
    return o;
  }
  const cloid = f.cloid !== undefined && f.cloid in c.s.book.orders ? f.cloid : findByOid(c, f.oid);
  applyOne(c, { market, inst, cloid, tid: f.tid, side: f.side, lots, px, feeMicros: fee }, nowMs, o);
  return o;
}

/** A snapshot fill has no fee field: one first seen here is booked without its fee (the tid then dedups the userFills copy). */
function fromVenue(c: AccountCtx, v: VenueFill, cloid: string | undefined): FillIn | null {
  const inst = c.inst[v.market];
  return inst === undefined ? null : { market: v.market, inst, cloid, tid: v.tid, side: v.side, lots: v.sz, px: v.px, feeMicros: 0 };
}

export function onReconcile(c: AccountCtx, snap: VenueSnapshot, nowMs: number): AccountOutput {
  const o = newOutput();
  const actions = reconcile(c.s.book, snap, c.config.execution.reconcile);
  // Fills first, through the common path (it updates the order book itself).
  for (const a of actions) {
    if (a.kind !== "apply_fill" && a.kind !== "orphan_fill") continue;
    const f = fromVenue(c, a.fill, a.kind === "apply_fill" ? a.cloid : undefined);
    if (f === null) o.errors.push({ kind: "unknown_market", market: a.fill.market });
    else applyOne(c, f, nowMs, o);
  }
  const rest = actions.filter((a) => a.kind !== "apply_fill" && a.kind !== "orphan_fill");
  const r = applyReconcile(c.s.book, rest, nowMs);
  c.s.book = r.book;
  for (const e of r.errors) o.errors.push({ kind: "order", detail: JSON.stringify(e) });
  for (const a of rest) {
    switch (a.kind) {
      case "resolve":
        settleRisk(c, a.cloid);
        o.changed.push(c.s.book.orders[a.cloid]?.intent.market ?? "");
        break;
      case "adopt": {
        // An adopted order holds exposure like our own: reserve what it can still fill.
        const key = a.order.cloid ?? `oid:${a.order.oid}`;
        const ord = c.s.book.orders[key];
        if (ord !== undefined && c.inst[ord.intent.market] !== undefined) {
          c.s.risk = reserve(c.s.risk, ord.intent, { kind: "pass", sz: a.order.sz }, c.config.limits, nowMs);
          settleRisk(c, key);
        }
        break;
      }
      case "cancel":
        if (a.cloid !== null && a.cloid in c.s.book.orders) {
          orderEvent(c, a.cloid, { kind: "cancel_requested" }, nowMs, o);
          o.cancels.push({ cloid: a.cloid, market: a.market, reason: a.reason });
        } else o.cancelsByOid.push({ oid: a.oid, market: a.market, reason: a.reason });
        break;
      case "query_status":
        o.queries.push({ cloid: a.cloid, oid: a.oid });
        break;
      default:
        break;
    }
  }
  o.changed = o.changed.filter((m) => m !== "");
  return o;
}
