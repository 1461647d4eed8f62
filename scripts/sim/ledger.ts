/**
 * What a fill does to an account, on exact integers: positions in lots, money in micro-USDC.
 *
 * Perps (one-way mode): a fill opens, adds to, reduces, closes or flips the position; the entry
 * notional is the cost basis of the open size, reduced pro rata on a close, and realised PnL
 * (closedPnl, before fees, as the venue prints it) goes to the USDC balance. Directions are the
 * venue's fill `dir` values: Open Long, Close Long, Open Short, Close Short, Long > Short,
 * Short > Long [docs entry-price-and-pnl; WsFill.dir].
 * Outcomes and spot: fully collateralised; a buy pays the notional from the quote balance and
 * adds shares at cost, a sell removes shares pro rata from the cost basis (dir Buy / Sell).
 */
import { notionalMicros } from "../../shared/matching/fees";

export interface Position {
  /** Signed size in lots. */
  szi: number;
  /** Cost basis of |szi| in micro-USDC. */
  entryNtl: number;
}

export interface FillEffect {
  after: Position;
  closedPnl: number;
  dir: string;
  /** Change of the quote balance before fees (perps: the realised PnL; spot: -/+ notional). */
  quoteDelta: number;
}

/** floor(a * b / c) on safe integers, through BigInt so the product cannot lose precision. */
export function mulDiv(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

export function perpFill(pos: Position, buy: boolean, px: number, sz: number, pxDecimals: number, szDecimals: number): FillEffect {
  const s0 = pos.szi;
  const delta = buy ? sz : -sz;
  if (s0 === 0 || s0 > 0 === buy) {
    const after = { szi: s0 + delta, entryNtl: pos.entryNtl + notionalMicros(px, sz, pxDecimals, szDecimals) };
    return { after, closedPnl: 0, dir: buy ? "Open Long" : "Open Short", quoteDelta: 0 };
  }
  const held = Math.abs(s0);
  const closing = Math.min(sz, held);
  const removed = mulDiv(pos.entryNtl, closing, held);
  const exit = notionalMicros(px, closing, pxDecimals, szDecimals);
  const closedPnl = s0 > 0 ? exit - removed : removed - exit;
  const szi = s0 + delta;
  if (sz > held) {
    const after = { szi, entryNtl: notionalMicros(px, sz - held, pxDecimals, szDecimals) };
    return { after, closedPnl, dir: s0 > 0 ? "Long > Short" : "Short > Long", quoteDelta: closedPnl };
  }
  return { after: { szi, entryNtl: pos.entryNtl - removed }, closedPnl, dir: s0 > 0 ? "Close Long" : "Close Short", quoteDelta: closedPnl };
}

/** A spot-like (outcome) fill; the caller has checked the seller holds the shares. */
export function spotFill(pos: Position, buy: boolean, px: number, sz: number, pxDecimals: number, szDecimals: number): FillEffect {
  const notional = notionalMicros(px, sz, pxDecimals, szDecimals);
  if (buy) {
    return { after: { szi: pos.szi + sz, entryNtl: pos.entryNtl + notional }, closedPnl: 0, dir: "Buy", quoteDelta: -notional };
  }
  const removed = pos.szi > 0 ? mulDiv(pos.entryNtl, Math.min(sz, pos.szi), pos.szi) : 0;
  return {
    after: { szi: pos.szi - sz, entryNtl: pos.entryNtl - removed },
    closedPnl: notional - removed,
    dir: "Sell",
    quoteDelta: notional,
  };
}

/** Unrealised PnL of a perp position at a mark, micro-USDC. */
export function unrealizedPnl(pos: Position, markPx: number, pxDecimals: number, szDecimals: number): number {
  const value = notionalMicros(markPx, Math.abs(pos.szi), pxDecimals, szDecimals);
  return pos.szi >= 0 ? value - pos.entryNtl : pos.entryNtl - value;
}
