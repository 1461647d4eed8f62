/**
 * Captures (SPEC §15) as input of `npm run replay -- --capture <path>` and `npm run backtest --
 * --capture <path>`: a capture file (`.jsonl`, as the cron job writes it and the admin API serves
 * it) or a folder of them, merged in time order. Only live or historical captures are read;
 * anything else is refused with the reason before a record is used. A live capture's books run
 * through the same pipelines as a recording's, one per coin, at the finest decimals the captured
 * prices and sizes show (every captured level is exact on that grid).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { decodeCapture, loadCaptures, type LoadedCapture } from "../../shared/capture";
import { decimalPlaces } from "../../shared/core/decimal";
import { err, ok, type Result } from "../../shared/core/result";
import type { BookEvent } from "../../shared/events";
import { coinKind } from "../../shared/venues/hyperliquid/assets";
import type { PipelineConfig } from "../../shared/pipeline/config";
import { LEAD_LAG, OUTCOME, outcome, perp, type LoadedRecording } from "./recordings";

export interface CaptureInput {
  /** "capture-<id>" for one capture, "captures-<folder>" for a folder. */
  name: string;
  files: string[];
  loaded: LoadedCapture;
}

/** Reads and checks the capture(s) at `path`; the error says which file and why. */
export function readCaptureInput(path: string): Result<CaptureInput, string> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith(".jsonl"))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (e) {
    return err(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (files.length === 0) return err(`no .jsonl capture in ${path}`);
  const loaded = loadCaptures(files.map((f) => ({ name: basename(f), decoded: decodeCapture(readFileSync(f, "utf8")) })));
  if (!loaded.ok) return loaded;
  const ids = loaded.value.manifests.map((m) => m.id);
  const name = files.length === 1 ? `capture-${ids[0]}` : `captures-${basename(path)}`;
  return ok({ name, files, loaded: loaded.value });
}

/** A live capture's books as a recording the replay runner and the backtest take. */
export function captureRecording(c: CaptureInput): LoadedRecording {
  // The pipeline's input is the books; price samples and candles are summarised apart.
  const stats = { ...c.loaded.stats, events: c.loaded.events.books.length };
  return { name: c.name, events: c.loaded.events.books, files: [{ file: c.files.map((f) => basename(f)).join(", "), stats }] };
}

/** The finest decimals of price and size each coin's captured levels show. */
export function observedScales(books: readonly BookEvent[]): Map<string, { pxDecimals: number; szDecimals: number }> {
  const m = new Map<string, { pxDecimals: number; szDecimals: number }>();
  for (const b of books) {
    const s = m.get(b.coin) ?? { pxDecimals: 0, szDecimals: 0 };
    for (const l of [...b.bids, ...b.asks]) {
      s.pxDecimals = Math.max(s.pxDecimals, decimalPlaces(l.px));
      s.szDecimals = Math.max(s.szDecimals, decimalPlaces(l.sz));
    }
    m.set(b.coin, s);
  }
  return m;
}

/** The base asset of a Hyperliquid coin ("rpl:ETH" -> "ETH"). */
export const baseOf = (coin: string): string => (coinKind(coin) === "hip3" ? coin.slice(coin.indexOf(":") + 1) : coin);

/**
 * One pipeline per captured coin, in first-seen order: outcome sides as the HIP-4 recording's,
 * perps and spot as a perp's; the lag coin of a BTC -> ETH pair on one dex gets the lead-lag rule.
 */
export function capturePipelines(c: CaptureInput): { markets: PipelineConfig[]; pair?: { lead: string; lag: string } } {
  const scales = observedScales(c.loaded.events.books);
  const pair = leadLagPair([...scales.keys()]);
  const markets = [...scales].map(([coin, s]) => {
    if (coinKind(coin) === "outcome") {
      const p = outcome(coin);
      p.scale = { pxDecimals: Math.max(OUTCOME.pxDecimals, s.pxDecimals), szDecimals: Math.max(OUTCOME.szDecimals, s.szDecimals) };
      return p;
    }
    const p = perp(coin, s, 0.5);
    if (pair !== undefined && coin === pair.lag) p.leadLag = { ...pair, ...LEAD_LAG };
    return p;
  });
  return pair === undefined ? { markets } : { markets, pair };
}

/** BTC leads ETH (SPEC §4) when both were captured on one dex; the first dex is preferred. */
export function leadLagPair(coins: readonly string[]): { lead: string; lag: string } | undefined {
  const dexes = [...new Set(coins.map((c) => (coinKind(c) === "hip3" ? c.slice(0, c.indexOf(":") + 1) : "")))].sort();
  for (const d of dexes) if (coins.includes(`${d}BTC`) && coins.includes(`${d}ETH`)) return { lead: `${d}BTC`, lag: `${d}ETH` };
  return undefined;
}
