/**
 * The dashboard's plain ES modules, loaded into Node for tests. They are static files with no
 * build step and no type declarations, so they are imported by URL and given the types their
 * JSDoc states; the tests then hold them to the engine's own functions and to real data.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./dashboard-stack";

const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(ROOT, "dashboard", "js", rel)).href)) as T;

export interface SeriesLike {
  length: number;
  t: number[];
  v: number[];
  push(t: number, v: number): void;
  meanOver(now: number, windowMs: number): number | null;
  last(): { t: number; v: number } | null;
}

export interface ModelsModule {
  asQuote(s: number, q: number, sigma: number, tau: number, gamma: number, kappa: number): { reservation: number; halfSpread: number; bid: number; ask: number };
  normCdf(x: number): number;
  digitalYes(S: number, K: number, sigma: number, tauYears: number): number;
  asBand(p: { s: number; tau: number; gamma: number; kappa: number }, sigmas: number[], qs: number[]): { bid: number[][]; ask: number[][] };
  digitalSurface(K: number, tauYears: number, sigmas: number[], spots: number[]): number[][];
  inefficiency(series: SeriesLike[], lookbacksMs: number[], now: number): (number | null)[][];
  ofiEvent(prev: Levels, cur: Levels): number;
  linspace(a: number, b: number, n: number): number[];
}

export interface Levels {
  bidPx: number;
  bidSz: number;
  askPx: number;
  askSz: number;
}

export interface Issue {
  key: string;
  what: string;
  detail: string;
}

/** readSnapshot()'s shape, as far as the tests look into it. */
export interface Snap {
  seq: number | null;
  ts: number;
  network: string;
  risk: null | { state: string; ready: boolean; phase: string; account: null | { equityUsd: number | null; positions: { market: string; lots: number | null; qty: string | null }[]; openOrders: unknown[] }; markets: Record<string, string[]>; feedsDown: unknown[]; stream: unknown };
  markets: { id: string; error: string | null; market?: string; strategy?: string; mid?: number | null; feed?: { phase: string; synced: boolean; lastFrameAt: number | null }; quotes?: unknown[] }[];
}

export interface StalenessModule {
  THRESHOLDS: { streamSilentMs: number; snapshotOldMs: number; feedSilentMs: number };
  staleIssues(x: { now: number; connection: string; lastRecvAt: number | null; retryInMs: number | null; snapshot: Snap | null; lastDelayMs: number | null; minDelayMs: number | null }): Issue[];
}

export interface CaptureOk {
  ok: true;
  manifest: Record<string, unknown>;
  events: { t: number; kind: "mid" | "book"; coin: string; px?: number; bid?: { px: number; sz: number } | null; ask?: { px: number; sz: number } | null }[];
  records: number;
  bad: number;
  /** Records the page does not replay (other types, other venues). */
  skipped: number;
  from: number;
  to: number;
  coins: string[];
}

export interface CaptureModule {
  parseCapture(text: string, manifest?: Record<string, unknown> | null): CaptureOk | { ok: false; error: string; records: number; bad: number };
}

export interface Player {
  advance(t: number): void;
  done: boolean;
  progress: number;
  venues: Record<string, SeriesLike>;
  bookRows(): { coin: string; bid: number | null; ask: number | null; mid: number | null; bidSz: string | null; askSz: string | null }[];
  signalRows(): { t: number; coin: string; ofi: number | null }[];
  asPoint(): { s: number | null; sigma: number | null };
  digitalPoint(): { S: number | null; sigma: number | null; yesMid: number | null };
}

export interface PlayerModule {
  ReplayPlayer: new (name: string, capture: CaptureOk, ctx: { yesCoin: string | null; noCoin: string | null; perpCoin: string | null; strike: number | null; expiryMs: number | null }, speed: number, onUpdate: () => void) => Player;
}

export const dashboard = {
  models: () => load<ModelsModule>("models.js"),
  series: () => load<{ Series: new (max?: number, minGapMs?: number) => SeriesLike }>("series.js"),
  snapshot: () => load<{ readSnapshot(raw: unknown): Snap | null }>("snapshot.js"),
  staleness: () => load<StalenessModule>("staleness.js"),
  latency: () =>
    load<{
      stageDurations(acks: unknown[]): Record<string, number[]>;
      quantile(v: number[], q: number): number | null;
      STAGES: { key: string; from: string; to: string }[];
      BOUNDS_MS: number[];
      histogramOf(v: number[]): { counts: number[]; n: number; maxMs: number };
      histQuantile(h: unknown, q: number): number | null;
    }>("latency.js"),
  scales: () => load<{ learnScales(snap: Snap | null, details: Record<string, unknown>, riskTail: unknown[]): { px: Record<string, number>; sz: Record<string, number> }; tickPrice(s: unknown, market: string, ticks: number): string; lotSize(s: unknown, market: string, lots: number): string }>("scales.js"),
  inputs: () => load<{ anchorsFrom(entries: unknown[]): { ts: number; expiryMs: number; strike: number | null } | null }>("inputs.js"),
  stream: () => load<{ backoffCeiling(attempt: number): number; BACKOFF: { baseMs: number; maxMs: number } }>("stream.js"),
  capture: () => load<CaptureModule>("replay/capture.js"),
  pnl: () => load<{ pnlLine(store: unknown): { t: number[]; v: number[]; from: "history" | "stream" } }>("panels/pnl.js"),
  store: () =>
    load<{
      createStore(): Record<string, unknown> & { pnl: SeriesLike; details: Record<string, { value: unknown; at: number }>; anchors: Record<string, unknown>; pnlHistory: unknown };
      takeSnapshot(store: unknown, snap: unknown, recvAt: number): void;
      detailOf(store: unknown, id: string, now?: number): Record<string, unknown> | null;
    }>("store.js"),
  player: () => load<PlayerModule>("replay/player.js"),
};
