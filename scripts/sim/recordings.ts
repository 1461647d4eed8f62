/**
 * The recordings the simulator replays: the project's recording registry (scripts/lib/
 * recordings.ts: which files, which loader, merged in exchange-time order with trades before
 * the book of their block) plus what a venue replay needs besides — the marks (settlement) and,
 * for HIP-4, the outcomes from the recorder's market/question metadata.
 * HIP-4: the side-1 book file is exactly the side-0 book mirrored (recording README) and the
 * matching engine keeps both legs as one merged book, so side-1 snapshots are left out of the
 * replay (side-1 trades stay: each leg's trades feed carries its own prints).
 */
import { join } from "node:path";
import { loadHip4Meta } from "../../shared/data/hip4-jsonl";
import { addStats, type LoadStats, newLoadStats } from "../../shared/data/load-stats";
import type { MarkEvent, MarketEvent } from "../../shared/events";
import { parseOutcomeCoin } from "../../shared/venues/hyperliquid/assets";
import { readLines, repoPath } from "../lib/files";
import { findRecording, RECORDINGS } from "../lib/recordings";
import { onDex, parseRecordingRef } from "./dexes";
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
  /** Served as this HIP-3 builder dex (coins renamed `<dex>:<coin>`, see dexes.ts); absent = the first dex. */
  dex?: string;
}

export type RecordingName = string;
export const RECORDING_NAMES: readonly string[] = RECORDINGS.map((r) => r.name);

const HIP4_META = [
  "prediction_binary__market_meta__H150.jsonl",
  "prediction_binary__market_meta__H151.jsonl",
  "prediction_binary__question_meta__Q1000015.jsonl",
];

/** Assembles a Recording from events and outcomes (also how a test builds a hand-cut slice). */
export function recordingOf(name: string, events: MarketEvent[], outcomes: RecordedOutcome[], files: string[] = [], stats = newLoadStats()): Recording {
  const marks = events.filter((e): e is MarkEvent => e.kind === "mark");
  return { name, events, start: events[0]?.ts ?? 0, end: events[events.length - 1]?.ts ?? 0, marks, outcomes, stats, files };
}

const cache = new Map<string, Recording>();

/** A registry name, optionally served on a HIP-3 dex: `btc-eth-2025-09-04@rpl` (dexes.ts). */
export function loadRecordingRef(ref: string): Recording {
  const r = parseRecordingRef(ref);
  if (!r.ok) throw new Error(`recording ${ref}: ${r.error}`);
  const rec = loadRecording(r.value.recording);
  if (r.value.dex === null) return rec;
  const moved = onDex(rec, r.value.dex);
  if (!moved.ok) throw new Error(`recording ${ref}: ${moved.error}`);
  return moved.value;
}

/** True when `ref` names a known recording (with or without a dex suffix). */
export function isRecordingRef(ref: string): boolean {
  const r = parseRecordingRef(ref);
  return r.ok && RECORDING_NAMES.includes(r.value.recording);
}

/** Loads (once per process) a recording of the project's registry (files under data/). */
export function loadRecording(name: RecordingName): Recording {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const spec = findRecording(name);
  if (spec === undefined) throw new Error(`unknown recording ${name}; known: ${RECORDING_NAMES.join(", ")}`);
  const loaded = spec.load();
  const stats = newLoadStats();
  for (const f of loaded.files) addStats(stats, f.stats);
  const events = loaded.events.filter((e) => !(e.kind === "book" && parseOutcomeCoin(e.coin)?.side === 1));
  let outcomes: RecordedOutcome[] = [];
  const files = loaded.files.map((f) => f.file);
  if (name === "hip4-2026-05-10") {
    const dir = repoPath(spec.dir);
    const meta = HIP4_META.flatMap((f) => loadHip4Meta(readLines(join(dir, f)), stats));
    outcomes = hip4Outcomes(meta);
    files.push(...HIP4_META);
  }
  const rec = recordingOf(name, events, outcomes, files, stats);
  cache.set(name, rec);
  return rec;
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
