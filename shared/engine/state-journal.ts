/**
 * The AccountEngine state as a store keeps it, in writes proportional to what changed. The
 * RiskDO must make a submit's reservation and its sent orders durable before it awaits the
 * signer (SPEC §10), and the output gate holds that call until the write is done; rewriting the
 * whole state there (finished orders kept for late answers, up to 4,096 trade ids: tens of kB of
 * JSON) costs more than the decision itself. So the state is kept in three parts:
 *   - the head: everything but the book's orders and the trade ids (risk state, ledger, churn
 *     budgets, feedback, counters; a few kB), rewritten whenever the engine changed;
 *   - the orders, one row per cloid, written when that order changed and removed when pruned;
 *   - the seen trade ids, appended as fills arrive, the oldest dropped past the engine's window.
 * Orders are replaced, never mutated, by the order manager, so "changed" is a reference test;
 * trade ids are only ever appended (and the oldest dropped), so new ones follow the last written.
 */
import type { ManagedOrder, OrderBookState } from "../execution/order-manager";
import type { AccountEngineState } from "./types";

export type StateHead = Omit<AccountEngineState, "book" | "seenTids"> & { book: Omit<OrderBookState, "orders"> };

export interface StateWrites {
  head: StateHead;
  /** Orders new or changed since the last write, by cloid, in the book's order. */
  orders: [string, ManagedOrder][];
  /** Cloids no longer in the book. */
  removed: string[];
  /** Trade ids seen since the last write, oldest first. */
  tids: string[];
  /** Keep only this many newest trade ids (the engine's window). */
  keepTids: number;
}

export function stateHead(s: Readonly<AccountEngineState>): StateHead {
  const { book, seenTids: _tids, ...rest } = s;
  const { orders: _orders, ...shell } = book;
  return { ...rest, book: shell };
}

export class StateJournal {
  private orders: Readonly<Record<string, ManagedOrder>> = {};
  private lastTid: string | null = null;

  /** `written`: the state the store already holds (a restored engine's), or nothing for an empty store. */
  constructor(written?: Readonly<AccountEngineState>) {
    if (written !== undefined) this.mark(written);
  }

  /** What to write so the store holds `s`; the journal then counts it as written. */
  changes(s: Readonly<AccountEngineState>): StateWrites {
    const orders: [string, ManagedOrder][] = [];
    const removed: string[] = [];
    const now = s.book.orders;
    if (now !== this.orders) {
      for (const cloid in now) if (now[cloid] !== this.orders[cloid]) orders.push([cloid, now[cloid]!]);
      for (const cloid in this.orders) if (!(cloid in now)) removed.push(cloid);
    }
    const tids = s.seenTids;
    const from = this.lastTid === null ? 0 : tids.lastIndexOf(this.lastTid) + 1;
    this.mark(s);
    return { head: stateHead(s), orders, removed, tids: tids.slice(from), keepTids: tids.length };
  }

  private mark(s: Readonly<AccountEngineState>): void {
    this.orders = s.book.orders;
    this.lastTid = s.seenTids.at(-1) ?? null;
  }
}

/** The state back from its parts: `orders` in the order they were first written, `tids` oldest first. */
export function joinState(head: StateHead, orders: readonly (readonly [string, ManagedOrder])[], tids: readonly string[]): AccountEngineState {
  const byCloid: Record<string, ManagedOrder> = {};
  for (const [cloid, o] of orders) byCloid[cloid] = o;
  const h = head;
  return {
    version: h.version,
    risk: h.risk,
    book: { cloidPrefix: h.book.cloidPrefix, nextSeq: h.book.nextSeq, orders: byCloid, slots: h.book.slots },
    ledger: h.ledger,
    churn: h.churn,
    slippage: h.slippage,
    fillRates: h.fillRates,
    seenTids: [...tids],
    counts: h.counts,
    lastMs: h.lastMs,
  };
}
