/**
 * Loader for Hyperliquid's official market-data archive (s3://hyperliquid-archive, one NDJSON
 * line per pushed frame: `{"time":"<capture ISO>","ver_num":1,"raw":{"channel","data"}}`).
 * `raw` is the WebSocket frame as the node served it, so it goes through the wire layer's own
 * frame parser (the same zod schemas the live connection uses) and its event mapping; no second
 * schema exists for it here.
 *
 * The archive prints `raw` last, after a fixed `time` / `ver_num` prefix. A line of exactly that
 * shape hands its `raw` text to the wire layer's single-pass decoder (hot-frames.ts), which
 * returns what the schemas would or nothing; any other line, or a frame the decoder defers, goes
 * through JSON.parse and the schemas, which name what is wrong.
 */
import type { MarketEvent } from "../events";
import { decodeHotFrame } from "../venues/hyperliquid/hot-frames";
import { frameToEvents, parseWsValue, type WsFrame } from "../venues/hyperliquid/ws-frames";
import { countSkip, type LoadStats } from "./load-stats";

const PREFIX = /^\{"time":"[0-9T:.\-]*","ver_num":[0-9]+,"raw":/;

/** Parses one archive line into the market events of its frame, counting what it skips. */
export function parseArchiveLine(line: string, stats: LoadStats): MarketEvent[] {
  stats.lines++;
  if (line.length === 0) {
    countSkip(stats, "blank");
    return [];
  }
  const hot = hotFrame(line);
  if (hot !== undefined) return marketEvents(hot, stats);
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
  return marketEvents(frame.value, stats);
}

/** The frame of a line in the archive's own layout, when the single-pass decoder takes it. */
function hotFrame(line: string): WsFrame | undefined {
  const prefix = PREFIX.exec(line);
  if (prefix === null || line.charCodeAt(line.length - 1) !== 125 /* } */) return undefined;
  return decodeHotFrame(line.slice(prefix[0].length, line.length - 1));
}

function marketEvents(frame: WsFrame, stats: LoadStats): MarketEvent[] {
  const out: MarketEvent[] = [];
  for (const ev of frameToEvents(frame)) {
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
