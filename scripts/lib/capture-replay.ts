/**
 * `npm run replay -- --capture <path>`: what a replay can do with a capture. A live capture's
 * books run through the market pipeline exactly as a recording's do (signals, regimes, OFI
 * regression, the BTC -> ETH lead-lag when both were captured); its price samples (allMids)
 * and any history are summarised. A historical capture holds candles and price history only:
 * it is summarised, and the report says plainly that signals, regimes and OFI need books and
 * that no trade is made up from a candle.
 */
import { summarizeCandles, summarizePrices, type CandleSummary, type PriceSummary } from "../../shared/capture/summary";
import { captureRecording, capturePipelines, type CaptureInput } from "./capture-input";
import { formatReport } from "./replay-format";
import { runReplay, type ReplayOptions, type ReplayReport } from "./replay-runner";

export interface CaptureReplayReport {
  name: string;
  source: "live" | "historical";
  captures: { id: string; mode: string; from: number; to: number; records: number; failedRequests: number }[];
  /** The pipeline run over the captured books; null when there are none. */
  pipeline: ReplayReport | null;
  prices: PriceSummary[];
  candles: CandleSummary[];
  notes: string[];
}

export function replayCapture(c: CaptureInput, opts: ReplayOptions = {}): CaptureReplayReport {
  const from = opts.from ?? -Infinity;
  const to = opts.to ?? Infinity;
  const inRange = (ts: number): boolean => ts >= from && ts < to;
  const books = c.loaded.events.books;
  const notes: string[] = [];
  let pipeline: ReplayReport | null = null;
  if (books.length > 0) {
    const { markets, pair } = capturePipelines(c);
    pipeline = runReplay(captureRecording(c), markets, opts, pair);
  } else if (c.loaded.source === "historical") {
    notes.push("historical capture: candles and price history only. Signals, regimes and OFI need order books, and no trades are made up from candles; use a live capture for those.");
  } else {
    notes.push("no order book was captured: only price samples are summarised.");
  }
  return {
    name: c.name,
    source: c.loaded.source,
    captures: c.loaded.manifests.map((m) => ({ id: m.id, mode: m.mode, from: m.from, to: m.to, records: m.records, failedRequests: m.sources.reduce((n, s) => n + s.failed, 0) })),
    pipeline,
    prices: summarizePrices(c.loaded.events.prices.filter((p) => inRange(p.ts))),
    candles: summarizeCandles(c.loaded.events.candles.filter((x) => inRange(x.ts))),
    notes,
  };
}

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : "-");

export function formatCaptureReport(r: CaptureReplayReport): string {
  const out: string[] = [`${r.name}: ${r.source} capture${r.captures.length > 1 ? `s (${r.captures.length})` : ""}`];
  for (const c of r.captures) out.push(`  ${c.id} (mode ${c.mode}): ${c.records} records received ${iso(c.from)} -> ${iso(c.to)}${c.failedRequests > 0 ? `, ${c.failedRequests} requests failed` : ""}`);
  for (const n of r.notes) out.push(n);
  if (r.pipeline !== null) out.push("", formatReport(r.pipeline));
  if (r.prices.length > 0) {
    out.push("", `price samples (${r.prices.length} series):`);
    for (const p of r.prices) out.push(`  ${p.venue} ${p.coin} [${p.basis}]: ${p.count} from ${p.first.px} at ${iso(p.first.ts)} to ${p.last.px} at ${iso(p.last.ts)}`);
  }
  if (r.candles.length > 0) {
    out.push("", "candles:");
    for (const c of r.candles) out.push(`  ${c.venue} ${c.coin} ${c.interval}: ${c.count} candles ${iso(c.from)} -> ${iso(c.to)}, open ${c.open} high ${c.high} low ${c.low} close ${c.close}, volume ${c.volume ?? "-"}`);
  }
  return out.join("\n");
}
