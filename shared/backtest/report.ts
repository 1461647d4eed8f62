/**
 * The backtest report: PnL (realised, unrealised, fees), fills, inventory path and bounds, max
 * drawdown, mean/std of 1-minute PnL, inventory std, markouts at 1 s / 10 s / 60 s, risk
 * decisions by reason, skipped input, the balance check, and what the strategy saw (fair value
 * against the mid, edge distribution). Built in a fixed key order from a deterministic run,
 * numbers rounded in one place, so the same input and seed give byte-identical JSON.
 */
import { pow10 } from "../core/decimal";
import { ledgerTotals, marketValue, MICROS } from "../engine/ledger";
import type { RunData } from "./backtest";
import type { LatencyConfig } from "./latency";
import { markAt } from "./mids";
import { histogram, mean, quantile, r, std, stepDiffs } from "./stats";

export const MARKOUT_HORIZONS_MS = [1_000, 10_000, 60_000] as const;
/** Points kept in the report's plotted series (PnL and inventory), evenly spaced. */
const SERIES_STEP_S = 10;

export interface BacktestReport {
  version: 1;
  strategy: string;
  recording: string;
  seed: number;
  latency: LatencyConfig;
  span: { startMs: number; endMs: number; seconds: number };
  input: { events: number; skipped: Record<string, number>; refusedByPipelines: number; matchingErrors: number; accountErrors: number };
  pnl: { totalUsd: number | null; realisedUsd: number | null; unrealisedUsd: number | null; feesUsd: number | null; byMarket: { market: string; lots: number; realisedUsd: number | null; unrealisedUsd: number | null; feesUsd: number | null; fills: number; volumeUsd: number | null }[] };
  fills: { count: number; maker: number; taker: number; volumeUsd: number | null; bySource: Record<string, number> };
  orders: { sent: number; rested: number; aloRejected: number; iocNoMatch: number; cancelled: number; cancelMissed: number; selfTradeCancelled: number };
  inventory: { key: string; bound: number | null; min: number; max: number; withinBound: boolean; std: number | null; final: number }[];
  drawdown: { maxUsd: number | null };
  pnl1m: { minutes: number; meanUsd: number | null; stdUsd: number | null; ratio: number | null };
  markouts: { horizonMs: number; fills: number; meanPerUnit: number | null; totalUsd: number | null }[];
  risk: { decisions: Record<string, number>; killed: boolean; killReason: string | null; mode: string };
  balance: { checks: number; failures: number; accountMatchesVenue: boolean };
  strategyView: { engine: string; samples: number; path: { t: number[]; fair: (number | null)[]; mid: (number | null)[] }; fairVsMid: { meanDiff: number | null; stdDiff: number | null } | null; edge: { q05: number | null; q50: number | null; q95: number | null; histogram: { from: number; count: number }[] } | null; alpha: { mean: number | null; std: number | null } }[];
  series: { stepSeconds: number; t: number[]; pnlUsd: (number | null)[]; inventory: Record<string, number[]> };
}

const usd = (micros: number): number | null => r(micros / MICROS, 6);

function sortedRecord(rec: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k]!;
  return out;
}

function markouts(run: RunData): BacktestReport["markouts"] {
  return MARKOUT_HORIZONS_MS.map((h) => {
    let units = 0;
    let perUnitSum = 0;
    let totalUsd = 0;
    let n = 0;
    for (const f of run.venue.fills) {
      if (f.ts + h > run.endMs) continue;
      const path = run.mids.paths.get(f.market);
      const inst = run.instruments[f.market];
      const m = path === undefined ? undefined : markAt(path, f.ts + h);
      if (m === undefined || inst === undefined) continue;
      const scale = pow10(inst.pxDecimals + 1);
      const diff = (m - f.px * 10) / scale;
      const perUnit = f.side === "buy" ? diff : -diff;
      const qty = f.lots / pow10(inst.szDecimals);
      perUnitSum += perUnit * qty;
      units += qty;
      totalUsd += perUnit * qty;
      n++;
    }
    return { horizonMs: h, fills: n, meanPerUnit: units > 0 ? r(perUnitSum / units, 8) : null, totalUsd: r(totalUsd, 6) };
  });
}

function strategyView(run: RunData): BacktestReport["strategyView"] {
  return run.engines.map((e) => {
    const id = e.config.id;
    const cs = run.recorder.contexts.filter((c) => c.engine === id);
    const diffs = cs.filter((c) => c.fair !== null && c.mid !== null).map((c) => c.mid! - c.fair!);
    const edges = cs.filter((c) => c.edge !== null).map((c) => c.edge!);
    const alphas = cs.map((c) => c.alpha);
    const minute = cs.filter((c) => c.ts % 60_000 === 0);
    return {
      engine: id,
      samples: cs.length,
      path: { t: minute.map((c) => c.ts), fair: minute.map((c) => (c.fair === null ? null : r(c.fair, 6))), mid: minute.map((c) => (c.mid === null ? null : r(c.mid, 6))) },
      fairVsMid: diffs.length > 0 ? { meanDiff: r(mean(diffs), 8), stdDiff: r(std(diffs), 8) } : null,
      edge: edges.length > 0 ? { q05: r(quantile(edges, 0.05), 6), q50: r(quantile(edges, 0.5), 6), q95: r(quantile(edges, 0.95), 6), histogram: histogram(edges, 0.01) } : null,
      alpha: { mean: r(mean(alphas), 6), std: r(std(alphas), 6) },
    };
  });
}

export function buildReport(run: RunData): BacktestReport {
  const t = ledgerTotals(run.ledger, run.instruments);
  const rec = run.recorder;
  const v = run.venue;
  const acct = run.account.state;
  const view = run.account.view(run.endMs);
  const minutes = stepDiffs(rec.equity, 60);
  const m1 = mean(minutes);
  const s1 = std(minutes);
  const accountMatchesVenue =
    acct.ledger.cashMicros === run.ledger.cashMicros &&
    Object.keys(run.instruments).every((m) => (acct.ledger.markets[m]?.lots ?? 0) === (run.ledger.markets[m]?.lots ?? 0) && (acct.risk.positions[m] ?? 0) === (run.ledger.markets[m]?.lots ?? 0));
  const every = SERIES_STEP_S;
  const idx = rec.sampleTs.map((_, i) => i).filter((i) => i % every === 0);
  const inventorySeries: Record<string, number[]> = {};
  rec.keys.forEach((k, j) => (inventorySeries[k.key] = idx.map((i) => rec.inventory[j]![i]!)));
  let refused = 0;
  for (const e of run.engines) refused += e.counters.refused;
  return {
    version: 1,
    strategy: run.setup.strategy,
    recording: run.setup.recording,
    seed: run.setup.seed,
    latency: { ...run.setup.latency },
    span: { startMs: run.startMs, endMs: run.endMs, seconds: r((run.endMs - run.startMs) / 1000, 3) ?? 0 },
    input: { events: run.events, skipped: sortedRecord(run.skipped), refusedByPipelines: refused, matchingErrors: v.counts.matchingErrors, accountErrors: run.accountErrors },
    pnl: {
      totalUsd: usd(t.equityMicros - run.ledger.startMicros),
      realisedUsd: usd(t.realisedMicros),
      unrealisedUsd: usd(t.unrealisedMicros),
      feesUsd: usd(t.feesMicros),
      byMarket: Object.keys(run.ledger.markets)
        .sort()
        .map((market) => {
          const m = run.ledger.markets[market]!;
          const inst = run.instruments[market]!;
          const value = marketValue(m, inst);
          return { market, lots: m.lots, realisedUsd: usd(m.realisedMicros), unrealisedUsd: usd(value - m.basisMicros), feesUsd: usd(m.feesMicros), fills: m.fills, volumeUsd: usd(m.volumeMicros) };
        }),
    },
    fills: {
      count: v.fills.length,
      maker: v.fills.filter((f) => !f.crossed).length,
      taker: v.fills.filter((f) => f.crossed).length,
      volumeUsd: usd(Object.values(run.ledger.markets).reduce((s, m) => s + m.volumeMicros, 0)),
      bySource: sortedRecord(v.fills.reduce<Record<string, number>>((a, f) => ((a[f.source] = (a[f.source] ?? 0) + 1), a), {})),
    },
    orders: { sent: acct.counts.sent, rested: v.counts.rested, aloRejected: v.counts.aloRejected, iocNoMatch: v.counts.iocNoMatch, cancelled: v.counts.cancelled, cancelMissed: v.counts.cancelMissed, selfTradeCancelled: v.counts.selfTrade },
    inventory: rec.keys.map((k, j) => ({
      key: k.key,
      bound: k.bound,
      min: rec.invMin[j]!,
      max: rec.invMax[j]!,
      withinBound: k.bound === null || (rec.invMax[j]! <= k.bound && rec.invMin[j]! >= -k.bound),
      std: r(std(rec.inventory[j]!), 6),
      final: k.legs.reduce((s, l) => s + l.sign * (run.ledger.markets[l.market]?.lots ?? 0), 0),
    })),
    drawdown: { maxUsd: usd(rec.maxDrawdownMicros) },
    pnl1m: { minutes: minutes.length, meanUsd: r(m1 / MICROS, 6), stdUsd: r(s1 / MICROS, 6), ratio: s1 > 0 ? r(m1 / s1, 6) : null },
    markouts: markouts(run),
    risk: { decisions: sortedRecord(run.decisions), killed: view.killed, killReason: view.killReason, mode: view.mode },
    balance: { checks: rec.balance.checks, failures: rec.balance.failures, accountMatchesVenue },
    strategyView: strategyView(run),
    series: { stepSeconds: every, t: idx.map((i) => rec.sampleTs[i]!), pnlUsd: idx.map((i) => usd(rec.equity[i]! - run.ledger.startMicros)), inventory: inventorySeries },
  };
}
