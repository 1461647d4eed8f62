/**
 * Normalised events every venue connector, loader and replay emits (SPEC §2). Prices and
 * sizes stay exact decimal strings here; the book turns them into integer ticks and lots
 * at its instrument's scale. Times are exchange milliseconds since the epoch.
 */

export type Venue = "hl" | "pm" | "ks";

/** One price level as the venue printed it. `n` is the order count where the venue sends it. */
export interface LevelStr {
  px: string;
  sz: string;
  n?: number;
}

/** A full snapshot of the top levels (Hyperliquid l2Book; Polymarket/Kalshi snapshots). */
export interface BookEvent {
  kind: "book";
  venue: Venue;
  coin: string;
  ts: number;
  bids: LevelStr[]; // best first
  asks: LevelStr[]; // best first
  /** Hyperliquid l2Book subscribed with `fast: true` (5 levels). */
  fast?: boolean;
}

/** Incremental level changes (Polymarket price_change, Kalshi orderbook_delta). size 0 removes. */
export interface BookDeltaEvent {
  kind: "bookDelta";
  venue: Venue;
  coin: string;
  ts: number;
  changes: { side: "bid" | "ask"; px: string; sz: string }[];
  seq?: number;
}

/** Best bid and offer between snapshots (Hyperliquid `bbo`). Null = that side is empty. */
export interface BboEvent {
  kind: "bbo";
  venue: Venue;
  coin: string;
  ts: number;
  bid: LevelStr | null;
  ask: LevelStr | null;
}

/** A public trade. `side` is the aggressor's side. */
export interface TradeEvent {
  kind: "trade";
  venue: Venue;
  coin: string;
  ts: number;
  px: string;
  sz: string;
  side: "buy" | "sell";
  tid?: string;
}

/** Mark price (Hyperliquid perps: the price funding and outcome settlement use). */
export interface MarkEvent {
  kind: "mark";
  venue: Venue;
  coin: string;
  ts: number;
  px: string;
}

/**
 * A price sample that is neither a trade nor a mark: Hyperliquid `allMids` (the book's mid, or
 * the last trade when the book is empty [docs info-endpoint]) or a point of Polymarket's
 * `/prices-history`. Captures (shared/capture) carry these; `ts` is when the sample was taken.
 */
export interface PriceEvent {
  kind: "price";
  venue: Venue;
  coin: string;
  ts: number;
  px: string;
  basis: "allMids" | "pricesHistory";
}

/**
 * One OHLCV candle of history (Hyperliquid `candleSnapshot`, Kalshi candlesticks). `ts` is the
 * candle's end: its close is only known then. Never turned into trades.
 */
export interface CandleEvent {
  kind: "candle";
  venue: Venue;
  coin: string;
  ts: number;
  openTs: number;
  interval: string;
  o: string;
  h: string;
  l: string;
  c: string;
  v: string;
  /** Trades in the candle, where the venue says. */
  n?: number;
}

/** One of our own fills. */
export interface FillEvent {
  kind: "fill";
  venue: Venue;
  coin: string;
  ts: number;
  px: string;
  sz: string;
  side: "buy" | "sell";
  oid: number;
  cloid?: string;
  tid: string;
  fee: string;
  feeToken?: string;
  crossed: boolean;
  startPosition?: string;
  closedPnl?: string;
  /** True when the venue sent it inside a snapshot (already seen before a reconnect). */
  snapshot?: boolean;
}

/** A change of state of one of our orders, as the venue reports it. */
export interface OrderUpdateEvent {
  kind: "orderUpdate";
  venue: Venue;
  coin: string;
  ts: number;
  oid: number;
  cloid?: string;
  side: "buy" | "sell";
  px: string;
  sz: string;
  origSz: string;
  status: string;
}

/** The connector lost its view of the market and is rebuilding it (quotes must be pulled). */
export interface ResyncingEvent {
  kind: "resyncing";
  venue: Venue;
  coin: string;
  ts: number;
  reason: string;
}

/** The view is whole again (fresh snapshot after a reconnect or a sequence gap). */
export interface ResyncedEvent {
  kind: "resynced";
  venue: Venue;
  coin: string;
  ts: number;
}

export type MarketEvent = BookEvent | BookDeltaEvent | BboEvent | TradeEvent | MarkEvent;
export type AccountEvent = FillEvent | OrderUpdateEvent;
export type ConnectionEvent = ResyncingEvent | ResyncedEvent;
export type VenueEvent = MarketEvent | AccountEvent | ConnectionEvent;

/** Best bid and ask prices of a book or bbo event (a side may be empty); null for any other event. */
export function touchPrices(ev: VenueEvent): { bid: string | undefined; ask: string | undefined } | null {
  if (ev.kind === "book") return { bid: ev.bids[0]?.px, ask: ev.asks[0]?.px };
  if (ev.kind === "bbo") return { bid: ev.bid?.px, ask: ev.ask?.px };
  return null;
}
