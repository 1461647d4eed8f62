/**
 * Loading a recording for the backtest and running one strategy over it: the shared entry of
 * `npm run backtest`, the data-driven tests (test/node/backtest) and the benchmark.
 */
import { runBacktest, type BacktestInput, type RunData, type RunOptions } from "../../shared/backtest/backtest";
import { buildReport, type BacktestReport } from "../../shared/backtest/report";
import { err, ok, type Result } from "../../shared/core/result";
import { backtestSetup, DEFAULT_PRESET, type PresetOptions, type StrategyName } from "./backtest-presets";
import { findRecording, type LoadedRecording, type RecordingSpec } from "./recordings";

export interface LoadedInput {
  spec: RecordingSpec;
  loaded: LoadedRecording;
  input: BacktestInput;
}

/** A recording's events within [from, to), with every loader skip counted by file and reason. */
export function loadInput(name: string, from = -Infinity, to = Infinity): Result<LoadedInput, string> {
  const spec = findRecording(name);
  if (spec === undefined) return err(`no recording ${name}`);
  const loaded = spec.load();
  const skipped: Record<string, number> = {};
  for (const f of loaded.files) {
    for (const [reason, count] of Object.entries(f.stats.skipped)) skipped[`${f.file}:${reason}`] = count;
    if (f.stats.reordered > 0) skipped[`${f.file}:re-sorted by time`] = f.stats.reordered;
  }
  const events = from === -Infinity && to === Infinity ? loaded.events : loaded.events.filter((e) => e.ts >= from && e.ts < to);
  return ok({ spec, loaded, input: { events, skipped } });
}

export function runStrategy(strategy: StrategyName, li: LoadedInput, preset: PresetOptions = DEFAULT_PRESET, opts: RunOptions = {}): Result<{ run: RunData; report: BacktestReport }, string> {
  const setup = backtestSetup(strategy, li.spec, preset);
  if (!setup.ok) return setup;
  const run = runBacktest(setup.value, li.input, opts);
  if (!run.ok) return err(run.error.map((e) => `${e.path}: ${e.message}`).join("; "));
  return ok({ run: run.value, report: buildReport(run.value) });
}
