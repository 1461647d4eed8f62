/**
 * The capture loader for replay and backtest: decoded records -> time-ordered books, price
 * samples and candles (events.ts), every unreadable record counted by venue, type and reason.
 * Several captures (one cron run after another) merge into one stream; a source that is not
 * live or historical is refused before anything is read.
 */
import { addStats, newLoadStats, type LoadStats } from "../data/load-stats";
import { inTimeOrder } from "../data/merge";
import { emptyEvents, type CaptureEvents, type RecordReader } from "./events";
import { readHyperliquid } from "./hyperliquid";
import { readKalshi } from "./kalshi";
import type { DecodedCapture } from "./jsonl";
import { acceptSource, type CaptureManifest, type CaptureSourceKind } from "./manifest";
import { readPolymarket } from "./polymarket";
import type { CaptureRecord } from "./record";

const READERS: Record<CaptureRecord["venue"], RecordReader> = { hl: readHyperliquid, pm: readPolymarket, ks: readKalshi };

export function captureEvents(records: readonly CaptureRecord[], stats: LoadStats): CaptureEvents {
  const out = emptyEvents();
  for (const r of records) READERS[r.venue](r, out, stats);
  return {
    books: inTimeOrder(out.books, stats),
    prices: inTimeOrder(out.prices, stats),
    candles: inTimeOrder(out.candles, stats),
  };
}

/** Earliest and latest market time of the events (candles from their open), null when there are none. */
export function spanOf(ev: CaptureEvents): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const e of ev.books) [from, to] = [Math.min(from, e.ts), Math.max(to, e.ts)];
  for (const e of ev.prices) [from, to] = [Math.min(from, e.ts), Math.max(to, e.ts)];
  for (const e of ev.candles) [from, to] = [Math.min(from, e.openTs), Math.max(to, e.ts)];
  return Number.isFinite(from) ? { from, to } : null;
}

export interface LoadedCapture {
  /** One manifest per capture read, in the order given. */
  manifests: CaptureManifest[];
  source: CaptureSourceKind;
  events: CaptureEvents;
  stats: LoadStats;
}

/**
 * Captures of one source, merged. Refused (with the reason, naming the capture) when any has no
 * acceptable manifest, or when live and historical captures are mixed (a replay runs one kind).
 */
export function loadCaptures(captures: readonly { name: string; decoded: DecodedCapture }[]): { ok: true; value: LoadedCapture } | { ok: false; error: string } {
  if (captures.length === 0) return { ok: false, error: "no capture given" };
  const manifests: CaptureManifest[] = [];
  const stats = newLoadStats();
  const records: CaptureRecord[] = [];
  let source: CaptureSourceKind | null = null;
  for (const c of captures) {
    const a = acceptSource(c.decoded.manifest);
    if (!a.ok) return { ok: false, error: `${c.name}: ${a.error}` };
    if (source !== null && a.source !== source) return { ok: false, error: `${c.name}: a ${a.source} capture mixed with ${source} ones; replay one kind at a time` };
    source = a.source;
    manifests.push(a.manifest);
    addStats(stats, c.decoded.stats);
    records.push(...c.decoded.records);
  }
  const events = captureEvents(records, stats);
  stats.events = events.books.length + events.prices.length + events.candles.length;
  return { ok: true, value: { manifests, source: source as CaptureSourceKind, events, stats } };
}
