/**
 * The market-data side of one venue connection, decided once for every MarketDO: what to
 * subscribe, which frames count as the heartbeat of which feed (liveness is judged on the
 * connection: a book stream that stops while pongs still come is a stalled feed), the events that
 * tell the engine its view was lost or is whole again, and whether a REST book snapshot fetched
 * after a reconnect is still news (it may come back after the socket already delivered a newer
 * book; applying it then would move the book back in time).
 */
import type { BookEvent, ConnectionEvent } from "../../events";
import type { L2BookResponse } from "../../venues/hyperliquid/info-schemas";
import type { Subscription } from "../../venues/hyperliquid/ws-client";
import type { WsFrame } from "../../venues/hyperliquid/ws-frames";

/** l2Book with `fast` (5 levels, ~0.5 s: the only cadence fit for quoting, hyperliquid.md §1.3), bbo and trades of every coin. */
export function marketSubscriptions(coins: readonly string[]): Subscription[] {
  return coins.flatMap((coin): Subscription[] => [
    { type: "l2Book", coin, fast: true },
    { type: "bbo", coin },
    { type: "trades", coin },
  ]);
}

/** The liveness feed of a coin's book stream: watched with a stale limit. */
export const bookFeed = (coin: string): string => `l2Book:${coin}`;

/** The liveness feed a frame belongs to: "pong", "l2Book:<coin>", "bbo:<coin>", "trades:<coin>" or null. */
export function frameFeed(frame: WsFrame): string | null {
  switch (frame.channel) {
    case "pong":
      return "pong";
    case "l2Book":
      return bookFeed(frame.data.coin);
    case "bbo":
      return `bbo:${frame.data.coin}`;
    case "trades": {
      const first = frame.data[0];
      return first === undefined ? null : `trades:${first.coin}`;
    }
    default:
      return null;
  }
}

export function resyncingEvents(coins: readonly string[], reason: string, ts: number): ConnectionEvent[] {
  return coins.map((coin) => ({ kind: "resyncing", venue: "hl", coin, ts, reason }));
}

export function resyncedEvents(coins: readonly string[], ts: number): ConnectionEvent[] {
  return coins.map((coin) => ({ kind: "resynced", venue: "hl", coin, ts }));
}

/** A REST `/info l2Book` answer as the book event the socket would have carried. */
export function restBookEvent(b: L2BookResponse): BookEvent {
  return { kind: "book", venue: "hl", coin: b.coin, ts: b.time, bids: b.levels[0], asks: b.levels[1] };
}

/** Newest book time seen per coin, from the socket and from REST. */
export class BookClock {
  private readonly newest = new Map<string, number>();

  seen(coin: string, ts: number): void {
    const prev = this.newest.get(coin);
    if (prev === undefined || ts > prev) this.newest.set(coin, ts);
  }

  /** True when a book of `coin` at `ts` is newer than any seen (and records it). */
  takeIfNewer(coin: string, ts: number): boolean {
    const prev = this.newest.get(coin);
    if (prev !== undefined && ts <= prev) return false;
    this.newest.set(coin, ts);
    return true;
  }
}
