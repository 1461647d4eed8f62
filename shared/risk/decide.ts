/**
 * The pre-trade decision (SPEC §10), pure: the same state and intent always give the same
 * answer. Checks run in the SPEC's order and the first limit that binds is named:
 *   kill switch -> halting triggers -> drawdown -> open orders per market -> submit rate ->
 *   fat-finger price band -> REDUCING (only exposure-shrinking size) -> max_per_market_qty ->
 *   max_order_notional_usd -> max_gross_notional_usd -> venue minimum notional.
 * Size limits resize down to what still fits; nothing left, or less than the venue minimum, is a
 * rejection naming the limit that cut it. Cancels are never gated: pulling an order only ever
 * lowers worst-case exposure.
 */
import { sz } from "../core/units";
import type { OrderIntent } from "../execution/types";
import {
  direction,
  drawdown,
  exposureKey,
  grossNotional,
  lotUnits,
  lotsToUnits,
  pxUsd as toUsd,
  qtyCapLots,
  unitNotional,
  worstNotional,
} from "./state";
import { TRIGGER_POLICY } from "./trigger-policy";
import type { ActiveTrigger, Decision, LimitName, Mode, RiskLimits, RiskState } from "./types";

const reject = (limit: LimitName, reason: string): Decision => ({ kind: "reject", limit, reason });

/** Triggers that apply to an order in `market` (key `key`) on `venue`. */
function inScope(t: ActiveTrigger, market: string, key: string, venue: string): boolean {
  return t.scope === "*" || t.scope === market || t.scope === key || t.scope === `venue:${venue}`;
}

/** The gate's mode for one market: HALTED, REDUCING or ACTIVE. */
export function modeFor(s: RiskState, market: string): { mode: Mode; trigger: ActiveTrigger | null } {
  if (s.killed) return { mode: "halted", trigger: null };
  const inst = s.instruments[market];
  const key = inst === undefined ? market : exposureKey(inst);
  const venue = inst?.venue ?? "";
  let reducing: ActiveTrigger | null = null;
  for (const id in s.triggers) {
    const t = s.triggers[id]!;
    if (!inScope(t, market, key, venue)) continue;
    if (TRIGGER_POLICY[t.kind].mode === "halted") return { mode: "halted", trigger: t };
    reducing ??= t;
  }
  return reducing === null ? { mode: "active", trigger: null } : { mode: "reducing", trigger: reducing };
}

/** The account-wide mode: HALTED when killed or halted everywhere, REDUCING when reducing everywhere. */
export function globalMode(s: RiskState): Mode {
  if (s.killed) return "halted";
  let mode: Mode = "active";
  for (const id in s.triggers) {
    const t = s.triggers[id]!;
    if (t.scope !== "*") continue;
    if (TRIGGER_POLICY[t.kind].mode === "halted") return "halted";
    mode = "reducing";
  }
  return mode;
}

/** Tokens in the submit bucket at `nowMs` (refilled at max_submits_per_min per minute). */
export function submitTokens(s: RiskState, limits: RiskLimits, nowMs: number): number {
  const rate = limits.max_submits_per_min / 60_000;
  return Math.min(limits.max_submits_per_min, s.submitBucket.tokens + Math.max(0, nowMs - s.submitBucket.lastMs) * rate);
}

export function decide(s: RiskState, o: OrderIntent, limits: RiskLimits, nowMs: number): Decision {
  const inst = s.instruments[o.market];
  if (inst === undefined) return reject("unknown_instrument", `no instrument ${o.market}`);
  if (!Number.isSafeInteger(o.sz) || o.sz <= 0 || !Number.isSafeInteger(o.px) || o.px <= 0) {
    return reject("invalid_order", `size ${o.sz} / price ${o.px} must be positive integers`);
  }
  if (s.killed) return reject("kill_switch", s.killReason ?? "kill switch on");
  const m = modeFor(s, o.market);
  if (m.mode === "halted" && m.trigger !== null) return reject(m.trigger.kind, `halted: ${m.trigger.detail}`);
  if (drawdown(s) > limits.max_drawdown_usd) {
    return reject("max_drawdown_usd", `drawdown ${drawdown(s).toFixed(2)} from peak ${s.equityPeakUsd.toFixed(2)}`);
  }
  const key = exposureKey(inst);
  const e = s.exposures[key];
  if (e === undefined) return reject("unknown_instrument", `no exposure for ${key}`);
  if (e.openOrders >= limits.max_open_orders_per_market) {
    return reject("max_open_orders_per_market", `${e.openOrders} open orders in ${key}`);
  }
  if (submitTokens(s, limits, nowMs) < 1) return reject("max_submits_per_min", "submit budget spent");
  const pxUsd = toUsd(inst, o.px);
  const mark = s.marks[o.market];
  if (mark !== undefined && mark > 0) {
    const devBps = (Math.abs(pxUsd - mark) / (inst.payoff === "binary" ? 1 : mark)) * 1e4;
    if (devBps > limits.max_px_deviation_bps) return reject("max_px_deviation_bps", `${devBps.toFixed(0)} bps from mark`);
  }

  const dir = direction(inst, o.side);
  let allowed: number = o.sz;
  let bound: LimitName | null = null;
  let why = "";
  const cut = (lots: number, limit: LimitName, reason: string): void => {
    const l = Math.max(0, Math.floor(lots));
    if (l < allowed) {
      allowed = l;
      bound = limit;
      why = reason;
    }
  };
  if (m.mode === "reducing") {
    // Only what still shrinks the position once every pending order on the same side fills.
    const reducible = dir === 1 ? -(e.posLots + e.pendingLongLots) : e.posLots - e.pendingShortLots;
    cut(reducible, "reducing", `reducing (${m.trigger?.kind ?? "manual"}): only exposure-reducing size passes`);
  }
  const cap = qtyCapLots(limits, key, inst);
  cut(dir === 1 ? cap - (e.posLots + e.pendingLongLots) : cap - (e.pendingShortLots - e.posLots), "max_per_market_qty", `cap ${cap} lots in ${key}`);

  const unit = unitNotional(s, inst, pxUsd);
  const unitDir = dir === 1 ? unit.long : unit.short;
  if (unitDir > 0) {
    cut(limits.max_order_notional_usd / Math.max(unitDir, pxUsd * lotUnits(inst)), "max_order_notional_usd", "order notional");
    const before = worstNotional(e, unit);
    const budget = limits.max_gross_notional_usd - (grossNotional(s) - before);
    // Lots on this side that keep the key's worst case within its share of the budget,
    // or that do not raise the key's worst case at all (an order that reduces exposure).
    const signedBase = dir === 1 ? e.posLots + e.pendingLongLots : e.pendingShortLots - e.posLots;
    const fit = Math.max(budget, before) / unitDir;
    let room = Math.floor(fit + 1e-9) - signedBase;
    while (room > 0 && Math.max(0, signedBase + room) * unitDir > Math.max(budget, before) * (1 + 1e-12)) room--;
    cut(room, "max_gross_notional_usd", `gross budget ${limits.max_gross_notional_usd}`);
  }
  if (allowed <= 0) return reject(bound ?? "invalid_order", why || "nothing left after limits");
  const min = inst.minNotionalUsd ?? 0;
  const notional = lotsToUnits(inst, allowed) * pxUsd;
  if (min > 0 && notional < min - 1e-9) {
    // A limit that cut the order below what the venue accepts is the one that refused it: a
    // spent gross budget leaving one lot must not read as an order too small to send.
    if (allowed < o.sz && bound !== null) {
      return reject(bound, `${why}: ${allowed} of ${o.sz} lots left (${notional.toFixed(2)} USD), under venue minimum ${min}`);
    }
    return reject("min_notional_usd", `${notional.toFixed(2)} under venue minimum ${min}`);
  }
  if (allowed === o.sz || bound === null) return { kind: "pass", sz: o.sz };
  return { kind: "resize", sz: sz(allowed), requested: o.sz, limit: bound, reason: why };
}
