/**
 * Fill rate per tactic (SPEC §11): how many posted orders ever traded, and how much of the
 * posted size did. A post-only quote that never fills is information too (queue position,
 * adverse selection); an IOC that rarely fills means the router crosses too late.
 */
import type { Tactic } from "../execution/types";

export interface FillCounters {
  /** Orders that reached the venue. */
  posted: number;
  /** Orders with at least one fill. */
  traded: number;
  /** Orders filled completely. */
  completed: number;
  sizePosted: number;
  sizeFilled: number;
}

export type FillRateBook = Partial<Record<Tactic, FillCounters>>;

const ZERO: FillCounters = { posted: 0, traded: 0, completed: 0, sizePosted: 0, sizeFilled: 0 };

/** Records one order once it is finished (filled, cancelled, expired), with what it filled. */
export function recordOrderOutcome(book: FillRateBook, tactic: Tactic, size: number, filled: number): FillRateBook {
  if (!(size > 0) || !(filled >= 0)) return book;
  const c = book[tactic] ?? ZERO;
  const f = Math.min(filled, size);
  return {
    ...book,
    [tactic]: {
      posted: c.posted + 1,
      traded: c.traded + (f > 0 ? 1 : 0),
      completed: c.completed + (f >= size ? 1 : 0),
      sizePosted: c.sizePosted + size,
      sizeFilled: c.sizeFilled + f,
    },
  };
}

export interface FillRates {
  /** Orders with any fill / orders posted. */
  orderRate: number;
  /** Size filled / size posted. */
  sizeRate: number;
}

export function fillRates(book: FillRateBook, tactic: Tactic): FillRates | null {
  const c = book[tactic];
  if (c === undefined || c.posted === 0) return null;
  return { orderRate: c.traded / c.posted, sizeRate: c.sizePosted > 0 ? c.sizeFilled / c.sizePosted : 0 };
}
