/**
 * Loaders for the djienne Hyperliquid recorder's CSVs (data/hyperliquid/btc-eth-2025-09-04):
 * `orderbooks_*` (20-level l2Book rows), `prices_*` (the bbo channel, one bid row and one ask row
 * per message) and `trades_*`. The recorder printed values through Python floats, so `1e-05`
 * appears for 0.00001; values are turned back into exact decimal text. Every line that cannot
 * become an event is counted by reason, never thrown.
 */
import type { BboEvent, BookEvent, LevelStr, TradeEvent } from "../events";
import { plainDecimal } from "./decimal-text";
import { countSkip, msFromText, type LoadStats } from "./load-stats";

const BOOK_PREFIX = "timestamp,sequence,exchange_timestamp,bid_price_0,bid_size_0,ask_price_0,ask_size_0";
const BBO_HEADER = "timestamp,price,size,side,exchange_timestamp";
const TRADES_HEADER = "timestamp,price,size,side,trade_id,exchange_timestamp";

/** A positive decimal as plain text, or null. */
function positive(text: string | undefined): string | null {
  if (text === undefined) return null;
  const d = plainDecimal(text);
  return d !== null && !d.startsWith("-") && /[1-9]/.test(d) ? d : null;
}

function* dataLines(lines: Iterable<string>, header: (line: string) => boolean, stats: LoadStats): Generator<string[]> {
  let first = true;
  for (const raw of lines) {
    stats.lines++;
    // The recorder wrote CRLF line endings.
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (first) {
      first = false;
      if (header(line)) continue;
      countSkip(stats, "no-header");
    }
    if (line.length === 0) {
      countSkip(stats, "blank");
      continue;
    }
    yield line.split(",");
  }
}

/** `orderbooks_<COIN>.csv` -> one BookEvent per row. */
export function loadBookCsv(lines: Iterable<string>, coin: string, stats: LoadStats): BookEvent[] {
  const out: BookEvent[] = [];
  let width = 0;
  const isHeader = (h: string): boolean => {
    if (!h.startsWith(BOOK_PREFIX)) return false;
    width = h.split(",").length;
    return true;
  };
  for (const cols of dataLines(lines, isHeader, stats)) {
    if (cols.length !== width || (width - 3) % 4 !== 0) {
      countSkip(stats, "columns");
      continue;
    }
    const ts = msFromText(cols[2] ?? "");
    if (ts === null) {
      countSkip(stats, "timestamp");
      continue;
    }
    const bids: LevelStr[] = [];
    const asks: LevelStr[] = [];
    let bad = false;
    for (let c = 3; c < width && !bad; c += 4) {
      const bp = positive(cols[c]);
      const bs = positive(cols[c + 1]);
      const ap = positive(cols[c + 2]);
      const as = positive(cols[c + 3]);
      if (bp === null || bs === null || ap === null || as === null) bad = true;
      else {
        bids.push({ px: bp, sz: bs });
        asks.push({ px: ap, sz: as });
      }
    }
    if (bad) {
      countSkip(stats, "decimal");
      continue;
    }
    out.push({ kind: "book", venue: "hl", coin, ts, bids, asks });
    stats.events++;
  }
  return out;
}

type Row<T> = T | { skip: string };

function bboRow(cols: string[]): Row<{ ts: number; side: "bid" | "ask"; level: LevelStr }> {
  if (cols.length !== 5) return { skip: "columns" };
  const ts = msFromText(cols[4] ?? "");
  if (ts === null) return { skip: "timestamp" };
  const px = positive(cols[1]);
  const sz = positive(cols[2]);
  if (px === null || sz === null) return { skip: "decimal" };
  const side = cols[3];
  if (side !== "bid" && side !== "ask") return { skip: "side" };
  return { ts, side, level: { px, sz } };
}

/** `prices_<COIN>.csv` -> BboEvents, pairing the bid row and ask row of each message. */
export function loadBboCsv(lines: Iterable<string>, coin: string, stats: LoadStats): BboEvent[] {
  const out: BboEvent[] = [];
  let pending: { key: string; side: "bid" | "ask"; level: LevelStr } | null = null;
  for (const cols of dataLines(lines, (h) => h === BBO_HEADER, stats)) {
    const row = bboRow(cols);
    if ("skip" in row) {
      countSkip(stats, row.skip);
      continue;
    }
    // Both rows of one message share the local receive time and the exchange time.
    const key = `${cols[0]}|${cols[4]}`;
    if (pending !== null && pending.key === key && pending.side !== row.side) {
      const bid = row.side === "bid" ? row.level : pending.level;
      const ask = row.side === "ask" ? row.level : pending.level;
      out.push({ kind: "bbo", venue: "hl", coin, ts: row.ts, bid, ask });
      stats.events++;
      pending = null;
      continue;
    }
    if (pending !== null) countSkip(stats, "unpaired");
    pending = { key, side: row.side, level: row.level };
  }
  if (pending !== null) countSkip(stats, "unpaired");
  return out;
}

function tradeRow(cols: string[]): Row<{ ts: number; px: string; sz: string; side: "buy" | "sell"; tid: string }> {
  if (cols.length !== 6) return { skip: "columns" };
  const ts = msFromText(cols[5] ?? "");
  if (ts === null) return { skip: "timestamp" };
  const px = positive(cols[1]);
  const sz = positive(cols[2]);
  if (px === null || sz === null) return { skip: "decimal" };
  const side = cols[3];
  if (side !== "buy" && side !== "sell") return { skip: "side" };
  const tid = cols[4] ?? "";
  if (!/^\d+$/.test(tid)) return { skip: "trade-id" };
  return { ts, px, sz, side, tid };
}

/**
 * `trades_<COIN>.csv` -> TradeEvents. A trade seen twice (the venue resends its recent trades
 * after a reconnect) is skipped: a trade is unique by (exchange time, coin, tid).
 */
export function loadTradesCsv(lines: Iterable<string>, coin: string, stats: LoadStats): TradeEvent[] {
  const out: TradeEvent[] = [];
  const seen = new Set<string>();
  for (const cols of dataLines(lines, (h) => h === TRADES_HEADER, stats)) {
    const row = tradeRow(cols);
    if ("skip" in row) {
      countSkip(stats, row.skip);
      continue;
    }
    const key = `${row.ts}|${row.tid}`;
    if (seen.has(key)) {
      countSkip(stats, "duplicate");
      continue;
    }
    seen.add(key);
    out.push({ kind: "trade", venue: "hl", coin, ...row });
    stats.events++;
  }
  return out;
}
