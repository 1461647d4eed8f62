/**
 * Runs a loaded recording through one pipeline per market and measures what the signals did:
 * signal statistics, the time share of each regime, the OFI regression, and for a lead/lag pair
 * the cross-correlation of mid returns and the lead-lag signal's hit rate. Deterministic: only
 * exchange time is used.
 */
import { totalSkipped } from "../../shared/data/load-stats";
import type { MarketEvent } from "../../shared/events";
import { SIGNAL_NAMES, type PipelineConfig } from "../../shared/pipeline/config";
import { MidGrid, OfiRegression, SignalHitRate, crossCorrelation } from "../../shared/pipeline/evaluation";
import { MarketPipeline } from "../../shared/pipeline/market-pipeline";
import { RunningStats, type Ols } from "../../shared/pipeline/stats";
import type { FileLoad, LoadedRecording } from "./recordings";

export interface ReplayOptions {
  from?: number;
  to?: number;
  /** OFI regression bucket (Cont et al. use 10 s). */
  bucketMs?: number;
  /** Grid and range of the cross-correlation. */
  gridMs?: number;
  maxLagMs?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SignalSummary {
  name: string;
  present: number;
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface MarketReport {
  coin: string;
  events: number;
  refused: number;
  bookRefused: Record<string, number>;
  outOfOrder: number;
  signals: SignalSummary[];
  /** Share of the replayed time spent in each regime state. */
  regimeShare: Record<string, number>;
  alpha: { mean: number; std: number; min: number; max: number };
  ofiRegression: Ols & { bucketMs: number; sizeUnit: string };
}

export interface ReplayReport {
  recording: string;
  records: number;
  events: number;
  replayed: number;
  skipped: number;
  files: FileLoad[];
  start: number;
  end: number;
  markets: MarketReport[];
  crossCorrelation?: { lead: string; lag: string; gridMs: number; points: { lagMs: number; corr: number }[] };
  leadLag?: { onsets: number; hits: number; misses: number; rate: number };
}

class MarketRun {
  readonly signalStats = SIGNAL_NAMES.map(() => new RunningStats());
  readonly alpha = new RunningStats();
  readonly time: Record<string, number> = {};
  readonly regression: OfiRegression;
  private lastTs = NaN;
  private lastStates: string[] = [];
  private readonly sizeUnit: number;
  events = 0;

  constructor(
    readonly pipeline: MarketPipeline,
    bucketMs: number,
  ) {
    this.regression = new OfiRegression(bucketMs);
    this.sizeUnit = 10 ** -pipeline.config.scale.szDecimals;
  }

  afterOwnEvent(ts: number): void {
    const p = this.pipeline;
    this.events++;
    if (Number.isFinite(this.lastTs)) for (const s of this.lastStates) this.time[s] = (this.time[s] ?? 0) + (ts - this.lastTs);
    this.lastTs = ts;
    this.lastStates = [
      `liquidity:${p.liquidity.state}`,
      `vol:${p.volRegime.bucket}`,
      `extreme:${p.extreme.active(ts) ? "on" : "off"}`,
      `tradable:${p.tradable() ? "yes" : "no"}`,
    ];
    SIGNAL_NAMES.forEach((name, i) => {
      const v = p.signals.get(name, ts);
      if (v !== undefined) (this.signalStats[i] as RunningStats).add(v);
    });
    this.alpha.add(p.alpha);
    if (p.bookValid) this.regression.onState(ts, p.ofi.cumulative * this.sizeUnit, p.market.view.mid);
  }
}

export function runReplay(rec: LoadedRecording, configs: PipelineConfig[], opts: ReplayOptions = {}, pair?: { lead: string; lag: string }): ReplayReport {
  const bucketMs = opts.bucketMs ?? 10_000;
  const gridMs = opts.gridMs ?? 100;
  const runs = configs.map((c) => {
    const p = MarketPipeline.create(c);
    if (!p.ok) throw new Error(`bad pipeline config for ${c.coin}: ${JSON.stringify(p.error)}`);
    return new MarketRun(p.value, bucketMs);
  });
  const byCoin = new Map(runs.map((r) => [r.pipeline.config.coin, r]));
  const leadRun = pair ? byCoin.get(pair.lead) : undefined;
  const lagRun = pair ? byCoin.get(pair.lag) : undefined;
  let grids: [MidGrid, MidGrid] | undefined;
  const hits = new SignalHitRate();
  const from = opts.from ?? -Infinity;
  const to = opts.to ?? Infinity;
  const events = rec.events.filter((e) => e.ts >= from && e.ts < to);
  events.forEach((ev: MarketEvent, i) => {
    for (const r of runs) {
      const p = r.pipeline;
      if (ev.coin === p.config.coin || (p.leadLag !== undefined && ev.coin === p.leadLag.config.lead)) p.onEvent(ev);
    }
    const own = byCoin.get(ev.coin);
    own?.afterOwnEvent(ev.ts);
    if (leadRun && lagRun) {
      const a = leadRun.pipeline.market.view.mid;
      const b = lagRun.pipeline.market.view.mid;
      if (grids === undefined && a > 0 && b > 0) grids = [new MidGrid(gridMs, ev.ts), new MidGrid(gridMs, ev.ts)];
      if (grids !== undefined) {
        grids[0].onMid(ev.ts, a);
        grids[1].onMid(ev.ts, b);
      }
      if (own === lagRun) hits.onMid(b);
      hits.onSignal(lagRun.pipeline.signals.get("leadlag", ev.ts) ?? 0);
    }
    if (opts.onProgress && (i & 1023) === 0) opts.onProgress(i, events.length);
  });
  opts.onProgress?.(events.length, events.length);
  const report: ReplayReport = {
    recording: rec.name,
    records: rec.files.reduce((n, f) => n + f.stats.lines, 0),
    events: rec.events.length,
    replayed: events.length,
    skipped: rec.files.reduce((n, f) => n + totalSkipped(f.stats), 0),
    files: rec.files,
    start: events[0]?.ts ?? NaN,
    end: events[events.length - 1]?.ts ?? NaN,
    markets: runs.map((r) => marketReport(r, bucketMs)),
  };
  if (pair && grids) {
    const maxSteps = Math.round((opts.maxLagMs ?? 2_000) / gridMs);
    const points = crossCorrelation(grids[0].returns(), grids[1].returns(), maxSteps).map((x) => ({ lagMs: x.steps * gridMs, corr: x.corr }));
    report.crossCorrelation = { ...pair, gridMs, points };
    report.leadLag = { onsets: hits.onsets, hits: hits.hits, misses: hits.misses, rate: hits.rate() };
  }
  return report;
}

function marketReport(r: MarketRun, bucketMs: number): MarketReport {
  const p = r.pipeline;
  const total = Object.entries(r.time)
    .filter(([k]) => k.startsWith("tradable:"))
    .reduce((s, [, v]) => s + v, 0);
  const regimeShare: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.time)) regimeShare[k] = total > 0 ? v / total : NaN;
  return {
    coin: p.config.coin,
    events: r.events,
    refused: p.counters.refused,
    bookRefused: { ...p.book.refused },
    outOfOrder: p.counters.outOfOrder,
    signals: SIGNAL_NAMES.map((name, i) => {
      const s = r.signalStats[i] as RunningStats;
      return { name, present: s.n, mean: s.mean, std: s.std(), min: s.min, max: s.max };
    }),
    regimeShare,
    alpha: { mean: r.alpha.mean, std: r.alpha.std(), min: r.alpha.min, max: r.alpha.max },
    ofiRegression: { ...r.regression.fit(), bucketMs, sizeUnit: p.config.coin },
  };
}
