/**
 * The recordings the simulator replays, read from data/ with the project's loaders
 * (shared/data/*). A recording becomes one time-ordered stream of normalised market events plus
 * what the replay needs besides: the marks (outcome settlement) and the recorded outcomes.
 *
 * Within one exchange millisecond, trades come before the book and bbo of that block (a
 * snapshot shows the state after its block), marks in between.
 * HIP-4: the side-1 book file is exactly the side-0 book mirrored (recording README), and the
 * matching engine keeps both legs as one merged book, so only #150's snapshots are read; both
 * legs' trades are read because each leg's trades feed carries its own prints.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MarkEvent, MarketEvent } from "../../shared/events";
import { loadBboCsv, loadBookCsv, loadTradesCsv } from "../../shared/data/djienne-csv";
import { loadHip4Jsonl, loadHip4Meta } from "../../shared/data/hip4-jsonl";
import { addStats, type LoadStats, newLoadStats } from "../../shared/data/load-stats";
import type { RecordedOutcome } from "./outcomes";

export interface Recording {
  name: string;
  /** Every replayed event, in replay order. */
  events: MarketEvent[];
  /** Recorded exchange time of the first and last event. */
  start: number;
  end: number;
  marks: MarkEvent[];
  outcomes: RecordedOutcome[];
  stats: LoadStats;
  files: string[];
}

export const RECORDING_NAMES = ["hip4-2026-05-10", "btc-eth-2025-09-04"] as const;
export type RecordingName = (typeof RECORDING_NAMES)[number];

const RANK: Record<MarketEvent["kind"], number> = { trade: 0, mark: 1, bboDelta: 2, bbo: 2, bookDelta: 3, book: 3 } as Record<
  MarketEvent["kind"],
  number
>;

async function lines(path: string): Promise<string[]> {
  const text = await readFile(path, "utf8");
  const out = text.split("\n");
  if (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

function finish(name: string, events: MarketEvent[], outcomes: RecordedOutcome[], stats: LoadStats, files: string[]): Recording {
  // Stable sort: file order is kept among equal keys.
  events.sort((a, b) => a.ts - b.ts || RANK[a.kind] - RANK[b.kind]);
  const marks = events.filter((e): e is MarkEvent => e.kind === "mark");
  return { name, events, start: events[0]?.ts ?? 0, end: events[events.length - 1]?.ts ?? 0, marks, outcomes, stats, files };
}

async function hip4(dir: string): Promise<Recording> {
  const stats = newLoadStats();
  const files = [
    "prediction_binary__book_snapshot__H150.jsonl",
    "prediction_binary__trade__H150.jsonl",
    "prediction_binary__trade__H151.jsonl",
    "perp__bbo__BTC.jsonl",
    "perp__mark__BTC.jsonl",
  ];
  const events: MarketEvent[] = [];
  for (const f of files) {
    const s = newLoadStats();
    events.push(...loadHip4Jsonl(await lines(join(dir, f)), s));
    addStats(stats, s);
  }
  const metaFiles = [
    "prediction_binary__market_meta__H150.jsonl",
    "prediction_binary__market_meta__H151.jsonl",
    "prediction_binary__question_meta__Q1000015.jsonl",
  ];
  const meta = [];
  for (const f of metaFiles) meta.push(...loadHip4Meta(await lines(join(dir, f)), stats));
  return finish("hip4-2026-05-10", events, hip4Outcomes(meta), stats, [...files, ...metaFiles]);
}

/**
 * Outcomes from the recorder's rows: market_meta (one per side: outcome and side index, side
 * name, outcome name and the description fields) and question_meta (the question and its
 * description). The outcome's description is its fields in the venue's order
 * (class|underlying|expiry|targetPrice|period, as the recorded question description prints
 * them); a question is linked to the outcome whose description it carries. Latest rows win.
 */
export function hip4Outcomes(meta: readonly { kind: string; symbol: string; fields: Record<string, string> }[]): RecordedOutcome[] {
  const outcomes = new Map<number, RecordedOutcome>();
  const questions = new Map<string, { id: number; name: string; description: string }>();
  for (const m of meta) {
    const f = m.fields;
    if (m.kind === "question_meta") {
      const id = Number(m.symbol.replace(/^Q/, ""));
      const description = f["question_description"];
      if (Number.isSafeInteger(id) && description !== undefined) questions.set(description, { id, name: f["question_name"] ?? "", description });
      continue;
    }
    const outcome = Number(f["outcome_idx"]);
    const side = Number(f["side_idx"]);
    if (!Number.isSafeInteger(outcome) || (side !== 0 && side !== 1)) continue;
    const keys = ["class", "underlying", "expiry", "targetPrice", "period"].filter((k) => f[k] !== undefined);
    const description = keys.map((k) => `${k}:${f[k]}`).join("|");
    const o = outcomes.get(outcome) ?? { outcome, name: f["outcome_name"] ?? "", sideNames: ["", ""], description, question: null };
    o.sideNames[side] = f["side_name"] ?? "";
    o.description = description;
    outcomes.set(outcome, o);
  }
  return [...outcomes.values()].map((o) => ({ ...o, question: questions.get(o.description) ?? null }));
}

async function btcEth(dir: string): Promise<Recording> {
  const stats = newLoadStats();
  const events: MarketEvent[] = [];
  const files: string[] = [];
  for (const coin of ["BTC", "ETH"]) {
    const book = `orderbooks_${coin}.csv`;
    const bbo = `prices_${coin}.csv`;
    const trades = `trades_${coin}.csv`;
    events.push(...loadBookCsv(await lines(join(dir, book)), coin, stats));
    events.push(...loadBboCsv(await lines(join(dir, bbo)), coin, stats));
    events.push(...loadTradesCsv(await lines(join(dir, trades)), coin, stats));
    files.push(book, bbo, trades);
  }
  return finish("btc-eth-2025-09-04", events, [], stats, files);
}

const cache = new Map<string, Promise<Recording>>();

/** Loads (once per process) a recording from `<dataDir>/hyperliquid/<name>`. */
export function loadRecording(name: RecordingName, dataDir: string): Promise<Recording> {
  const key = `${dataDir}|${name}`;
  let p = cache.get(key);
  if (p === undefined) {
    const dir = join(dataDir, "hyperliquid", name);
    p = name === "hip4-2026-05-10" ? hip4(dir) : btcEth(dir);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
