/**
 * Loader for Hyperliquid's official market-data archive (s3://hyperliquid-archive, one NDJSON
 * line per pushed frame: `{"time":"<capture ISO>","ver_num":1,"raw":{"channel","data"}}`).
 * `raw` is the WebSocket frame as the node served it, so it goes through the wire layer's own
 * frame parser (the same zod schemas the live connection uses) and its event mapping; no second
 * schema exists for it here.
 */
import type { MarketEvent } from "../events";
import { frameToEvents, parseWsValue } from "../venues/hyperliquid/ws-frames";
import { countSkip, type LoadStats } from "./load-stats";

/** Parses one archive line into the market events of its frame, counting what it skips. */
export function parseArchiveLine(line: string, stats: LoadStats): MarketEvent[] {
  stats.lines++;
  if (line.length === 0) {
    countSkip(stats, "blank");
    return [];
  }
  let wrapper: unknown;
  try {
    wrapper = JSON.parse(line);
  } catch {
    countSkip(stats, "not-json");
    return [];
  }
  if (typeof wrapper !== "object" || wrapper === null || !("raw" in wrapper)) {
    countSkip(stats, "no-frame");
    return [];
  }
  const frame = parseWsValue((wrapper as { raw: unknown }).raw);
  if (!frame.ok) {
    countSkip(stats, `frame-${frame.error.kind}`);
    return [];
  }
  const out: MarketEvent[] = [];
  for (const ev of frameToEvents(frame.value)) {
    if (ev.kind === "book" || ev.kind === "bbo" || ev.kind === "trade" || ev.kind === "bookDelta" || ev.kind === "mark") out.push(ev);
  }
  if (out.length === 0) countSkip(stats, "no-market-event");
  stats.events += out.length;
  return out;
}

/** Every market event of an archive file, in file order. */
export function loadArchive(lines: Iterable<string>, stats: LoadStats): MarketEvent[] {
  const out: MarketEvent[] = [];
  for (const line of lines) for (const ev of parseArchiveLine(line, stats)) out.push(ev);
  return out;
}
