/**
 * Cash and PnL book-keeping in integer micro-units of the quote token (6 decimals, the unit of
 * the matching model's fees), so the books balance exactly, not to a float tolerance:
 *   cash + Σ value(position at mark) = start + realised + unrealised − fees
 * with unrealised = value − basis per market. Cost is tracked as a signed basis (what was paid
 * for a long, what was received for a short) and released pro rata when a position shrinks;
 * the closed part's proceeds minus its released basis is realised. Marks are kept one decimal
 * finer than the price grid, so a mid halfway between two ticks is exact.
 *
 * The state is a plain JSON object the functions below update in place; the AccountEngine and
 * the backtest's venue side each keep one.
 */
import { notionalMicros } from "../matching/fees";
import type { Instrument, Side } from "../execution/types";

export interface LedgerMarket {
  lots: number;
  /** Signed cost of the open position, micros (+ paid for a long, − received for a short). */
  basisMicros: number;
  realisedMicros: number;
  feesMicros: number;
  /** Mark at pxDecimals + 1 decimals (null until marked: the position is then valued at cost). */
  markE: number | null;
  fills: number;
  /** Traded notional, micros. */
  volumeMicros: number;
}

export interface LedgerState {
  startMicros: number;
  cashMicros: number;
  markets: Record<string, LedgerMarket>;
}

export interface LedgerTotals {
  cashMicros: number;
  valueMicros: number;
  realisedMicros: number;
  unrealisedMicros: number;
  feesMicros: number;
  /** cash + value. */
  equityMicros: number;
}

export const MICROS = 1_000_000;

export const createLedger = (startUsd: number): LedgerState => {
  const start = Math.round(startUsd * MICROS);
  return { startMicros: start, cashMicros: start, markets: {} };
};

const market = (l: LedgerState, key: string): LedgerMarket =>
  (l.markets[key] ??= { lots: 0, basisMicros: 0, realisedMicros: 0, feesMicros: 0, markE: null, fills: 0, volumeMicros: 0 });

/** `v · num / den` rounded half away from zero, exactly (BigInt), for pro-rata splits. */
function share(v: number, num: number, den: number): number {
  const p = BigInt(v) * BigInt(num);
  const d = BigInt(den);
  const neg = p < 0n !== d < 0n;
  const a = p < 0n ? -p : p;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return Number(neg ? -q : q);
}

/** One fill: `lots` > 0 at `px` ticks, with its fee (micros, negative = rebate). */
export function ledgerFill(l: LedgerState, inst: Instrument, side: Side, px: number, lots: number, feeMicros: number): void {
  const m = market(l, inst.market);
  const q = side === "buy" ? lots : -lots;
  const gross = notionalMicros(px, lots, inst.pxDecimals, inst.szDecimals);
  const signedN = side === "buy" ? gross : -gross;
  l.cashMicros -= signedN + feeMicros;
  m.feesMicros += feeMicros;
  m.fills++;
  m.volumeMicros += gross;
  if (m.lots === 0 || Math.sign(m.lots) === Math.sign(q)) {
    m.lots += q;
    m.basisMicros += signedN;
    return;
  }
  const closed = Math.min(lots, Math.abs(m.lots));
  const closedN = closed === lots ? signedN : share(signedN, closed, lots);
  const released = closed === Math.abs(m.lots) ? m.basisMicros : share(m.basisMicros, closed, Math.abs(m.lots));
  m.realisedMicros += -closedN - released;
  m.basisMicros -= released;
  m.lots += side === "buy" ? closed : -closed;
  const rest = lots - closed;
  if (rest > 0) {
    m.lots += side === "buy" ? rest : -rest;
    m.basisMicros += signedN - closedN;
  }
}

/** Marks a market at `markE` (price at pxDecimals + 1 decimals). */
export function ledgerMark(l: LedgerState, inst: Instrument, markE: number): void {
  market(l, inst.market).markE = markE;
}

/** Value of one market's position at its mark, micros (at cost when unmarked). */
export function marketValue(m: LedgerMarket, inst: Instrument): number {
  if (m.lots === 0) return 0;
  if (m.markE === null) return m.basisMicros;
  return notionalMicros(m.markE, m.lots, inst.pxDecimals + 1, inst.szDecimals);
}

export function ledgerTotals(l: LedgerState, instruments: Readonly<Record<string, Instrument>>): LedgerTotals {
  let value = 0;
  let realised = 0;
  let basis = 0;
  let fees = 0;
  for (const key in l.markets) {
    const m = l.markets[key]!;
    const inst = instruments[key];
    realised += m.realisedMicros;
    fees += m.feesMicros;
    value += inst === undefined ? m.basisMicros : marketValue(m, inst);
    basis += m.basisMicros;
  }
  return {
    cashMicros: l.cashMicros,
    valueMicros: value,
    realisedMicros: realised,
    unrealisedMicros: value - basis,
    feesMicros: fees,
    equityMicros: l.cashMicros + value,
  };
}

/**
 * The balance identity, computed the second way: start + realised + unrealised − fees. Equal to
 * `equityMicros` exactly when the book-keeping is right; the backtest checks it at every step.
 */
export const equityFromPnl = (l: LedgerState, t: LedgerTotals): number => l.startMicros + t.realisedMicros + t.unrealisedMicros - t.feesMicros;
