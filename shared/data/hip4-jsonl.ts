/**
 * Loader for the hlanalysis HIP-4 recorder's JSONL (data/hyperliquid/hip4-2026-05-10): outcome
 * book snapshots and trades (`#150`/`#151`), the BTC perp bbo and mark, and the market/question
 * metadata the recorder derived from outcomeMeta. Rows are the recorder's normalised schema, not
 * raw WS frames; prices and sizes are JSON numbers whose shortest text is the exact decimal
 * (turned back into decimal strings without float math), and times are ns strings.
 */
import * as z from "zod";
import type { BboEvent, BookEvent, LevelStr, MarkEvent, MarketEvent, TradeEvent } from "../events";
import { numberToDecimal } from "./decimal-text";
import { countSkip, msFromNsText, type LoadStats } from "./load-stats";

const Num = z.number().finite().positive();
const Base = { symbol: z.string().min(1), exchange_ts: z.string() };

const BookRow = z.object({
  ...Base,
  event_type: z.literal("book_snapshot"),
  bid_px: z.array(Num),
  bid_sz: z.array(Num),
  ask_px: z.array(Num),
  ask_sz: z.array(Num),
});
const TradeRow = z.object({
  ...Base,
  event_type: z.literal("trade"),
  price: Num,
  size: Num,
  side: z.enum(["buy", "sell"]),
  trade_id: z.string().regex(/^\d+$/),
});
const BboRow = z.object({ ...Base, event_type: z.literal("bbo"), bid_px: Num, bid_sz: Num, ask_px: Num, ask_sz: Num });
const MarkRow = z.object({ ...Base, event_type: z.literal("mark"), mark_px: Num });
const MarketRow = z.discriminatedUnion("event_type", [BookRow, TradeRow, BboRow, MarkRow]);

const MetaRow = z.object({
  ...Base,
  event_type: z.enum(["market_meta", "question_meta"]),
  keys: z.array(z.string()),
  values: z.array(z.string()),
});

/** One metadata row: the outcome side (`#150`) or question (`Q1000015`) and its key/values. */
export interface Hip4Meta {
  kind: "market_meta" | "question_meta";
  symbol: string;
  ts: number;
  fields: Record<string, string>;
}

function levels(px: number[], sz: number[]): LevelStr[] | null {
  if (px.length !== sz.length) return null;
  const out: LevelStr[] = [];
  for (let i = 0; i < px.length; i++) {
    const p = numberToDecimal(px[i]);
    const s = numberToDecimal(sz[i]);
    if (p === null || s === null) return null;
    out.push({ px: p, sz: s });
  }
  return out;
}

function toEvent(row: z.infer<typeof MarketRow>, ts: number): MarketEvent | null {
  const coin = row.symbol;
  switch (row.event_type) {
    case "book_snapshot": {
      const bids = levels(row.bid_px, row.bid_sz);
      const asks = levels(row.ask_px, row.ask_sz);
      if (bids === null || asks === null) return null;
      return { kind: "book", venue: "hl", coin, ts, bids, asks } satisfies BookEvent;
    }
    case "trade": {
      const px = numberToDecimal(row.price);
      const sz = numberToDecimal(row.size);
      if (px === null || sz === null) return null;
      return { kind: "trade", venue: "hl", coin, ts, px, sz, side: row.side, tid: row.trade_id } satisfies TradeEvent;
    }
    case "bbo": {
      const bid = levels([row.bid_px], [row.bid_sz]);
      const ask = levels([row.ask_px], [row.ask_sz]);
      if (bid === null || ask === null) return null;
      return { kind: "bbo", venue: "hl", coin, ts, bid: bid[0] ?? null, ask: ask[0] ?? null } satisfies BboEvent;
    }
    case "mark": {
      const px = numberToDecimal(row.mark_px);
      return px === null ? null : ({ kind: "mark", venue: "hl", coin, ts, px } satisfies MarkEvent);
    }
  }
}

/** Market rows of one JSONL file -> events in file order; everything else is counted. */
export function loadHip4Jsonl(lines: Iterable<string>, stats: LoadStats): MarketEvent[] {
  const out: MarketEvent[] = [];
  for (const line of lines) {
    stats.lines++;
    if (line.length === 0) {
      countSkip(stats, "blank");
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      countSkip(stats, "not-json");
      continue;
    }
    const row = MarketRow.safeParse(raw);
    if (!row.success) {
      countSkip(stats, "schema");
      continue;
    }
    const ts = msFromNsText(row.data.exchange_ts);
    if (ts === null) {
      countSkip(stats, "timestamp");
      continue;
    }
    const ev = toEvent(row.data, ts);
    if (ev === null) {
      countSkip(stats, "levels");
      continue;
    }
    out.push(ev);
    stats.events++;
  }
  return out;
}

/** Metadata rows (market_meta / question_meta) of one JSONL file. */
export function loadHip4Meta(lines: Iterable<string>, stats: LoadStats): Hip4Meta[] {
  const out: Hip4Meta[] = [];
  for (const line of lines) {
    stats.lines++;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      countSkip(stats, "not-json");
      continue;
    }
    const row = MetaRow.safeParse(raw);
    const ts = row.success ? msFromNsText(row.data.exchange_ts) : null;
    if (!row.success || ts === null || row.data.keys.length !== row.data.values.length) {
      countSkip(stats, "schema");
      continue;
    }
    const fields: Record<string, string> = {};
    row.data.keys.forEach((k, i) => (fields[k] = row.data.values[i] as string));
    out.push({ kind: row.data.event_type, symbol: row.data.symbol, ts, fields });
    stats.events++;
  }
  return out;
}
