/**
 * Flatten (SPEC §10, admin and flatten_on_disconnect): cancel every open order of the scope and
 * send one IOC per position that closes it, priced through the mark by `flattenSlippageBps`
 * (bps of the price for a perp, of the payout for an outcome). Flatten orders reduce exposure by
 * construction and must pass even with the kill switch on, so they are reserved without the
 * gate's decision; each is recorded as such. A position whose previous flatten is still in
 * flight is not flattened twice.
 */
import { pow10 } from "../core/decimal";
import { px, sz } from "../core/units";
import { place } from "../execution/order-manager";
import type { OrderDraft } from "../execution/types";
import type { Venue } from "../events";
import { reserve, type Decision } from "../risk";
import { cancelOpen, orderEvent, riskRecord, type AccountCtx } from "./account-core";
import { snapPx } from "./price-grid";
import type { AccountOutput } from "./types";

export function flattenOrders(c: AccountCtx, venue: Venue | "*", nowMs: number, o: AccountOutput): void {
  cancelOpen(c, (_m, inst) => venue === "*" || inst?.venue === venue, "cancel_all", nowMs, o);
  const bps = c.config.flattenSlippageBps / 1e4;
  for (const market in c.s.risk.positions) {
    const lots = c.s.risk.positions[market]!;
    const inst = c.inst[market];
    const mark = c.s.risk.marks[market];
    if (lots === 0 || inst === undefined || (venue !== "*" && inst.venue !== venue)) continue;
    if (mark === undefined || !(mark > 0)) {
      o.held.push({ slot: `flatten:${market}`, why: "no mark to price the flatten order" });
      continue;
    }
    const side = lots > 0 ? "sell" : "buy";
    const unit = pow10(inst.pxDecimals);
    const through = inst.payoff === "binary" ? (side === "buy" ? mark + bps : mark - bps) : side === "buy" ? mark * (1 + bps) : mark * (1 - bps);
    let ticks = snapPx(through * unit, inst.pxDecimals, side === "buy" ? "ceil" : "floor");
    if (inst.payoff === "binary") ticks = Math.max(1, Math.min(unit - 1, ticks));
    if (!(ticks > 0)) continue;
    const draft: OrderDraft = {
      market,
      venue: inst.venue,
      side,
      px: px(ticks),
      sz: sz(Math.abs(lots)),
      tif: "Ioc",
      reduceOnly: inst.payoff === "linear",
      tactic: "reduce_only",
      strategy: "manual",
      slot: `flatten:${market}`,
      refPx: px(Math.round(mark * unit)),
      createdMs: nowMs,
    };
    const placed = place(c.s.book, draft, nowMs);
    if (!placed.ok) {
      o.held.push({ slot: draft.slot, why: `flatten already in flight (${placed.error.kind})` });
      continue;
    }
    c.s.book = placed.value.book;
    const intent = placed.value.intent;
    const d: Decision = { kind: "pass", sz: intent.sz };
    const before = c.s.risk;
    c.s.risk = reserve(c.s.risk, intent, d, c.config.limits, nowMs);
    o.records.push(riskRecord(c, before, intent, d, null, null, nowMs));
    orderEvent(c, intent.cloid, { kind: "risk", decision: d }, nowMs, o);
    orderEvent(c, intent.cloid, { kind: "signed" }, nowMs, o);
    orderEvent(c, intent.cloid, { kind: "sent" }, nowMs, o);
    o.orders.push(intent);
    c.s.counts.sent++;
  }
}
