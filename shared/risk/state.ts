/**
 * Construction of the risk state and the exposure arithmetic every rule shares.
 * Exposure is worst case (SPEC §10): the position plus every reserved and resting order, as if
 * all of one side filled. Per market (or outcome group, where YES and NO net) that is
 *   long  = max(0, pos + pendingLong),  short = max(0, pendingShort − pos)
 * and its notional is max(long·unitLong, short·unitShort): a perp costs its mark either way, a
 * binary contract at p risks p long and 1 − p short (buying NO at 1 − p).
 */
import { err, ok, type Result } from "../core/result";
import type { Instrument, Side } from "../execution/types";
import type { Exposure, RiskLimits, RiskState } from "./types";

export function createRiskState(cashUsd: number, nowMs: number, limits: RiskLimits): RiskState {
  return {
    version: 1,
    killed: false,
    killReason: null,
    killedMs: null,
    triggers: {},
    instruments: {},
    positions: {},
    marks: {},
    exposures: {},
    orders: {},
    cashUsd,
    equityUsd: cashUsd,
    equityPeakUsd: cashUsd,
    streaks: { slippage: 0, signerErrors: 0, venueErrors: 0 },
    submitBucket: { tokens: limits.max_submits_per_min, lastMs: nowMs },
  };
}

export type InstrumentError = { kind: "bad_instrument"; market: string; reason: string };

/** Adds (or replaces) an instrument; members of a group must share their lot size and payoff. */
export function registerInstrument(s: RiskState, inst: Instrument): Result<RiskState, InstrumentError> {
  const bad = (reason: string): Result<RiskState, InstrumentError> => err({ kind: "bad_instrument", market: inst.market, reason });
  if (!Number.isInteger(inst.pxDecimals) || inst.pxDecimals < 0 || inst.pxDecimals > 12) return bad("pxDecimals");
  if (!Number.isInteger(inst.szDecimals) || inst.szDecimals < 0 || inst.szDecimals > 12) return bad("szDecimals");
  if (inst.group !== undefined) {
    for (const other of Object.values(s.instruments)) {
      if (other.group !== inst.group || other.market === inst.market) continue;
      if (other.szDecimals !== inst.szDecimals || other.payoff !== inst.payoff) return bad(`group ${inst.group} mixes lot sizes or payoffs`);
    }
  }
  const key = exposureKey(inst);
  const exposures = key in s.exposures ? s.exposures : { ...s.exposures, [key]: emptyExposure(inst.market) };
  return ok({ ...s, instruments: { ...s.instruments, [inst.market]: inst }, exposures });
}

export const emptyExposure = (ref: string): Exposure => ({ ref, posLots: 0, pendingLongLots: 0, pendingShortLots: 0, openOrders: 0 });

export const exposureKey = (inst: Instrument): string => inst.group ?? inst.market;

/** +1 when the order adds long exposure to its key (a NO buy is short its outcome group). */
export const direction = (inst: Instrument, side: Side): 1 | -1 => ((side === "buy" ? 1 : -1) * (inst.groupSign ?? 1)) as 1 | -1;

export const lotUnits = (inst: Instrument): number => 1 / 10 ** inst.szDecimals;
/** Division by an exact power of ten is correctly rounded: 5000 ticks at 4 decimals is exactly 0.5. */
export const pxUsd = (inst: Instrument, ticks: number): number => ticks / 10 ** inst.pxDecimals;
export const lotsToUnits = (inst: Instrument, lots: number): number => lots / 10 ** inst.szDecimals;

/** The key's YES-equivalent (or linear) mark, falling back to `fallback` when nothing is marked yet. */
function keyMark(s: RiskState, inst: Instrument, fallback: number): number {
  const own = s.marks[inst.market];
  if (inst.group === undefined) return own ?? fallback;
  const sign = inst.groupSign ?? 1;
  if (own !== undefined) return sign === 1 || inst.payoff === "linear" ? own : 1 - own;
  for (const other of Object.values(s.instruments)) {
    if (other.group !== inst.group) continue;
    const m = s.marks[other.market];
    if (m !== undefined) return (other.groupSign ?? 1) === 1 || other.payoff === "linear" ? m : 1 - m;
  }
  return sign === 1 || inst.payoff === "linear" ? fallback : 1 - fallback;
}

/** USD at risk per lot of the key, long and short. `fallbackPx` (USD) prices a key with no mark. */
export function unitNotional(s: RiskState, inst: Instrument, fallbackPx: number): { long: number; short: number } {
  const m = keyMark(s, inst, fallbackPx);
  const units = lotUnits(inst);
  if (inst.payoff === "binary") return { long: m * units, short: (1 - m) * units };
  return { long: m * units, short: m * units };
}

export function worstLots(e: Exposure): { long: number; short: number } {
  return { long: Math.max(0, e.posLots + e.pendingLongLots), short: Math.max(0, e.pendingShortLots - e.posLots) };
}

export function worstNotional(e: Exposure, unit: { long: number; short: number }): number {
  const w = worstLots(e);
  return Math.max(w.long * unit.long, w.short * unit.short);
}

/** Worst-case gross notional over every key. */
export function grossNotional(s: RiskState): number {
  let total = 0;
  for (const key in s.exposures) {
    const e = s.exposures[key]!;
    if (e.posLots === 0 && e.pendingLongLots === 0 && e.pendingShortLots === 0) continue;
    const inst = s.instruments[e.ref];
    if (inst === undefined) continue;
    total += worstNotional(e, unitNotional(s, inst, 0));
  }
  return total;
}

/** Cash plus positions at their marks. */
export function equity(s: RiskState): number {
  let eq = s.cashUsd;
  for (const market in s.positions) {
    const lots = s.positions[market]!;
    if (lots === 0) continue;
    const inst = s.instruments[market];
    const mark = s.marks[market];
    if (inst === undefined || mark === undefined) continue;
    eq += lotsToUnits(inst, lots) * mark;
  }
  return eq;
}

export const drawdown = (s: RiskState): number => Math.max(0, s.equityPeakUsd - s.equityUsd);

/** Lots allowed per key by max_per_market_qty (or its per-market override). */
export function qtyCapLots(limits: RiskLimits, key: string, inst: Instrument): number {
  const units = limits.per_market_qty[key] ?? limits.per_market_qty[inst.market] ?? limits.max_per_market_qty;
  return Math.floor(units * 10 ** inst.szDecimals + 1e-9);
}
