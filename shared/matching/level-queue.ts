/**
 * One price level of one side: the recorded (public) size the replay shows, and our resting
 * orders queued in time priority behind the recorded size that was there when each arrived.
 *
 * Queue rules (the hip4-mm-simulator rules in peers.md §1.7, Nautilus-style queue position):
 * - an order joins behind everything displayed at its price (`ahead` = displayed size);
 * - volume that reaches the level (a recorded trade at this price, or one of our own takes)
 *   consumes the queue from the front: recorded size ahead of the first order, that order, the
 *   recorded size between it and the next, ... — so a fill needs volume beyond `ahead`;
 * - displayed size shrinking without a trade is a cancel somewhere in the queue; we only assume
 *   it was ahead of us when the level no longer holds `ahead` (ahead = min(ahead, displayed)),
 *   never otherwise, so cancels alone never fill us and only move us up when they must;
 * - growth of the displayed size joins behind us.
 */
import { px as asPx, sz as asSz } from "../core/units";
import type { LevelView, Side, Tif } from "./types";

export interface RestingOrder {
  oid: number;
  owner: string;
  /** Coin and side as placed (the dual leg keeps its own coordinates for reporting). */
  coin: string;
  side: Side;
  /** Price on the merged (primary) grid, and the side it rests on there. */
  mergedPx: number;
  mergedSide: Side;
  rem: number;
  origSz: number;
  tif: Tif;
  /** Recorded size ahead of us; Infinity until the level has been seen on the book. */
  ahead: number;
  seq: number;
}

export interface Level {
  px: number;
  /** Recorded size the last book update showed here (others only: the recording never holds us). */
  shown: number;
  /** Recorded order count when the recording has it. */
  n: number | null;
  /** Recorded size we took with our own orders; remembered until the level vanishes. */
  taken: number;
  /** Recorded trade volume printed here since the last book update of the level. */
  traded: number;
  orders: RestingOrder[];
}

export function newLevel(px: number): Level {
  return { px, shown: 0, n: null, taken: 0, traded: 0, orders: [] };
}

/** Recorded size still available to match at the level. */
export function available(level: Level): number {
  const a = level.shown - level.taken - level.traded;
  return a > 0 ? a : 0;
}

export interface LevelWalk {
  fills: { order: RestingOrder; sz: number }[];
  /** Orders of the taker itself met in the queue (self-trade prevention cancels them). */
  selfTrades: RestingOrder[];
  /** Recorded size the volume consumed. */
  othersUsed: number;
  /** Volume the level could not absorb. */
  left: number;
}

/**
 * Runs `volume` through the level's queue from the front. `taker` is the owner of an incoming
 * order of ours (null for a recorded trade); meeting the taker's own resting order cancels it
 * instead of filling it (Hyperliquid's "expire maker" self-trade prevention). Filled and
 * cancelled orders are removed from the level; the others move up by the recorded size consumed.
 */
export function walkLevel(level: Level, volume: number, taker: string | null): LevelWalk {
  const others = available(level);
  let v = volume;
  let othersUsed = 0;
  const fills: LevelWalk["fills"] = [];
  const selfTrades: RestingOrder[] = [];
  for (const o of level.orders) {
    if (v <= 0) break;
    // An order whose level the book has not shown yet sits behind unknown liquidity: a recorded
    // print cannot be attributed to it (nor to anything placed after it). One of our own takes
    // only ever meets what is displayed, so for it the order sits behind the displayed size.
    if (o.ahead === Infinity && taker === null) break;
    const gap = Math.min(o.ahead, others) - othersUsed;
    if (gap > 0) {
      const t = Math.min(gap, v);
      othersUsed += t;
      v -= t;
      if (v <= 0) break;
    }
    if (taker !== null && o.owner === taker) {
      selfTrades.push(o);
      continue;
    }
    const f = Math.min(o.rem, v);
    o.rem -= f;
    v -= f;
    fills.push({ order: o, sz: f });
  }
  if (v > 0) {
    const t = Math.min(others - othersUsed, v);
    othersUsed += t;
    v -= t;
  }
  if (othersUsed > 0 || fills.length > 0 || selfTrades.length > 0) {
    level.orders = level.orders.filter((o) => o.rem > 0 && !selfTrades.includes(o));
    for (const o of level.orders) o.ahead = Math.max(0, o.ahead - othersUsed);
  }
  return { fills, selfTrades, othersUsed, left: v };
}

/**
 * A recorded trade printed beyond this level (the aggressor went through our price): everything
 * queued here traded, so our orders fill in time order from the print's volume.
 */
export function sweepLevel(level: Level, volume: number): LevelWalk {
  let v = volume;
  const fills: LevelWalk["fills"] = [];
  for (const o of level.orders) {
    if (v <= 0) break;
    const f = Math.min(o.rem, v);
    o.rem -= f;
    v -= f;
    fills.push({ order: o, sz: f });
  }
  level.orders = level.orders.filter((o) => o.rem > 0);
  for (const o of level.orders) o.ahead = 0;
  return { fills, selfTrades: [], othersUsed: 0, left: v };
}

/** Applies a fresh recorded size to the level; queued orders keep no more ahead than is there. */
export function showLevel(level: Level, size: number, n: number | null): void {
  level.shown = size;
  level.n = n;
  level.traded = 0;
  if (level.taken > size) level.taken = size;
  const a = available(level);
  for (const o of level.orders) if (o.ahead > a) o.ahead = a;
}

/** The level vanished from a book update that covers its price. */
export function clearLevel(level: Level): void {
  level.shown = 0;
  level.n = null;
  level.traded = 0;
  level.taken = 0;
  for (const o of level.orders) o.ahead = 0;
}

/** What the level shows on the venue's book at `px`: recorded size left plus ours. */
export function levelView(l: Level, px: number): LevelView {
  const recorded = available(l);
  let sz = recorded;
  for (const o of l.orders) sz += o.rem;
  return { px: asPx(px), sz: asSz(sz), n: (recorded > 0 ? (l.n ?? 1) : 0) + l.orders.length };
}
