/**
 * The recordings in data/, by replay name: which files make one, how each file is loaded
 * (shared/data loaders), how the streams merge into one time-ordered stream, and the pipeline
 * configuration of each market in it.
 */
import { loadBboCsv, loadBookCsv, loadTradesCsv } from "../../shared/data/djienne-csv";
import { loadArchive } from "../../shared/data/hl-archive";
import { loadHip4Jsonl } from "../../shared/data/hip4-jsonl";
import { newLoadStats, type LoadStats } from "../../shared/data/load-stats";
import { inTimeOrder, mergeByTs } from "../../shared/data/merge";
import type { MarketEvent } from "../../shared/events";
import { defaultPipelineConfig, type PipelineConfig } from "../../shared/pipeline/config";
import { readLines, repoPath } from "./files";

export interface FileLoad {
  file: string;
  stats: LoadStats;
}

export interface LoadedRecording {
  name: string;
  /** All market events, merged by exchange time (stable for ties). */
  events: MarketEvent[];
  files: FileLoad[];
}

export interface RecordingSpec {
  name: string;
  description: string;
  dir: string;
  /** One pipeline per market, in report order. */
  markets: () => PipelineConfig[];
  /** Markets whose mid returns are cross-correlated, and whose lead-lag signal is scored. */
  pair?: { lead: string; lag: string };
  load: () => LoadedRecording;
}

const BTC = { pxDecimals: 1, szDecimals: 5 };
const ETH = { pxDecimals: 2, szDecimals: 4 };
// HIP-4 outcome sides: prices 0.00001..0.99999 (5 decimals), whole-share sizes (hyperliquid.md §4.5).
export const OUTCOME = { pxDecimals: 5, szDecimals: 0 };

/** The lead-lag rule of a BTC -> ETH pair (SPEC §4: a window under 300 ms). */
export const LEAD_LAG = { windowMs: 250, leadThresholdBps: 0.5, reflectedFraction: 0.5 };

export function perp(coin: string, scale: typeof BTC, priorAnnualised: number): PipelineConfig {
  const c = defaultPipelineConfig(coin, scale);
  c.vol.priorAnnualised = priorAnnualised;
  return c;
}

export function outcome(coin: string): PipelineConfig {
  const c = defaultPipelineConfig(coin, OUTCOME);
  // A probability near expiry moves in large relative steps; spreads (in bps of the payout of
  // 1) are tens of bps; depth (size × payout) is a few hundred shares near the touch.
  c.payout = 1;
  c.vol.priorAnnualised = 1;
  c.volRegime = { lowBelow: 0.5, highAbove: 3, hysteresis: 0.1 };
  c.liquidity = { depthLevels: 5, illiquidSpreadBps: 150, liquidSpreadBps: 60, illiquidDepth: 100, liquidDepth: 200 };
  c.extreme = { ...c.extreme, burstMinNotional: 5_000 };
  return c;
}

type Stream = { file: string; load: (lines: string[], stats: LoadStats) => MarketEvent[] };

function loadStreams(name: string, dir: string, streams: Stream[]): LoadedRecording {
  const files: FileLoad[] = [];
  const ordered: MarketEvent[][] = [];
  for (const s of streams) {
    const stats = newLoadStats();
    const events = s.load(readLines(repoPath(dir, s.file)), stats);
    ordered.push(inTimeOrder(events, stats));
    files.push({ file: s.file, stats });
  }
  return { name, events: [...mergeByTs(ordered)], files };
}

const ARCHIVE_DIR = "data/hyperliquid/archive-2024-01-01-h12";
const BTC_ETH_DIR = "data/hyperliquid/btc-eth-2025-09-04";
const HIP4_DIR = "data/hyperliquid/hip4-2026-05-10";

function djienne(coin: string): Stream[] {
  return [
    { file: `trades_${coin}.csv`, load: (l, s) => loadTradesCsv(l, coin, s) },
    { file: `orderbooks_${coin}.csv`, load: (l, s) => loadBookCsv(l, coin, s) },
    { file: `prices_${coin}.csv`, load: (l, s) => loadBboCsv(l, coin, s) },
  ];
}

export const RECORDINGS: readonly RecordingSpec[] = [
  {
    name: "archive-btc-2024-01-01",
    description: "BTC l2Book, official archive hour 2024-01-01 12:00-13:00 UTC (5,587 raw frames)",
    dir: ARCHIVE_DIR,
    markets: () => [perp("BTC", BTC, 0.5)],
    load: () => loadStreams("archive-btc-2024-01-01", ARCHIVE_DIR, [{ file: "BTC.jsonl", load: loadArchive }]),
  },
  {
    name: "btc-eth-2025-09-04",
    description: "BTC + ETH books, bbo and trades, 2025-09-04 19:46-20:21 UTC",
    dir: BTC_ETH_DIR,
    markets: () => {
      const eth = perp("ETH", ETH, 0.6);
      eth.leadLag = { lead: "BTC", lag: "ETH", ...LEAD_LAG };
      return [perp("BTC", BTC, 0.5), eth];
    },
    pair: { lead: "BTC", lag: "ETH" },
    load: () => {
      // Trades first within one exchange millisecond (they happened inside the block the
      // book and bbo of that millisecond show), BTC before ETH.
      const [bt, bb, bq] = djienne("BTC") as [Stream, Stream, Stream];
      const [et, eb, eq] = djienne("ETH") as [Stream, Stream, Stream];
      return loadStreams("btc-eth-2025-09-04", BTC_ETH_DIR, [bt, et, bb, eb, bq, eq]);
    },
  },
  {
    name: "hip4-2026-05-10",
    description: "HIP-4 outcome #150/#151 (BTC priceBinary, strike 80354) with BTC perp bbo and mark, 2026-05-10 04:00-06:00 UTC",
    dir: HIP4_DIR,
    markets: () => {
      const btc = perp("BTC", BTC, 0.5);
      // The perp is recorded as bbo only: the book is its touch.
      btc.liquidity = { ...btc.liquidity, depthLevels: 1, illiquidDepth: 5_000, liquidDepth: 10_000 };
      btc.extreme = { ...btc.extreme, depthCollapseFraction: 0 };
      return [outcome("#150"), outcome("#151"), btc];
    },
    load: () =>
      loadStreams(
        "hip4-2026-05-10",
        HIP4_DIR,
        [
          "prediction_binary__trade__H150.jsonl",
          "prediction_binary__trade__H151.jsonl",
          "perp__mark__BTC.jsonl",
          "prediction_binary__book_snapshot__H150.jsonl",
          "prediction_binary__book_snapshot__H151.jsonl",
          "perp__bbo__BTC.jsonl",
        ].map((file) => ({ file, load: loadHip4Jsonl })),
      ),
  },
];

export function findRecording(name: string): RecordingSpec | undefined {
  return RECORDINGS.find((r) => r.name === name);
}
