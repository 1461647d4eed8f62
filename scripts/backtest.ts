/**
 * `npm run backtest -- --strategy <as|fixed|parity|ofi> [--recording <name>] [options]`
 * `npm run backtest -- --compare as,fixed [--recording <name>] [options]`
 * Runs the live trading engines over a recording (shared/backtest), prints the report (side by
 * side with --compare), writes it as JSON to reports/backtest-<strategy>-<recording>.json and
 * draws PnL and inventory to reports/backtest-<strategy>-<recording>.svg.
 * `npm run backtest -- --strategy ofi --capture <file.jsonl | folder> [--lead COIN --lag COIN]`
 * backtests a live snapshot capture (scripts/lib/capture-backtest.ts); a capture without a
 * manifest, of a source other than live or historical, or that the strategy cannot run on is
 * refused with the reason and exit code 2.
 * Options: --seed N, --feed-ms, --order-ms, --ack-ms, --jitter-ms (latency), --from T / --to T
 * (ISO time or exchange ms), --out DIR, --json (print the JSON instead of the table).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runBacktest } from "../shared/backtest/backtest";
import { buildReport, type BacktestReport } from "../shared/backtest/report";
import { DEFAULT_LATENCY } from "../shared/backtest/latency";
import { DEFAULT_RECORDING, STRATEGIES, type StrategyName } from "./lib/backtest-presets";
import { formatComparison } from "./lib/backtest-format";
import { loadInput, runStrategy } from "./lib/backtest-run";
import { backtestSvg } from "./lib/backtest-svg";
import { captureBacktest } from "./lib/capture-backtest";
import { readCaptureInput } from "./lib/capture-input";
import { repoPath } from "./lib/files";
import { createProgress } from "./lib/progress";
import { RECORDINGS } from "./lib/recordings";

function usage(msg?: string): never {
  if (msg !== undefined) console.error(msg);
  console.error("usage: npm run backtest -- --strategy <as|fixed|parity|ofi> | --compare a,b [--recording NAME | --capture FILE|FOLDER [--lead COIN --lag COIN]] [--seed N] [--feed-ms N --order-ms N --ack-ms N --jitter-ms N] [--from T --to T] [--out DIR] [--json]");
  console.error("recordings:");
  for (const r of RECORDINGS) console.error(`  ${r.name.padEnd(24)} ${r.description}`);
  process.exit(2);
}

function refuse(msg: string): never {
  console.error(`backtest refused: ${msg}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const flag = (f: string): string | undefined => {
  const i = args.indexOf(f);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (f: string, fallback: number): number => {
  const v = flag(f);
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0) usage(`${f} needs a non-negative number, got ${v}`);
  return x;
};
const time = (f: string): number | undefined => {
  const v = flag(f);
  if (v === undefined) return undefined;
  const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (!Number.isFinite(t)) usage(`${f}: not a time: ${v}`);
  return t;
};

const list = (flag("--compare") ?? flag("--strategy"))?.split(",").filter((s) => s.length > 0);
if (list === undefined || list.length === 0) usage();
for (const s of list) if (!(STRATEGIES as readonly string[]).includes(s)) usage(`unknown strategy ${s}`);
const strategies = list as StrategyName[];
const capturePath = flag("--capture");
const capture = capturePath === undefined ? null : readCaptureInput(capturePath);
if (capture !== null && !capture.ok) refuse(capture.error);
const recording = capture?.value.name ?? flag("--recording") ?? DEFAULT_RECORDING[strategies[0]!];
const preset = {
  seed: num("--seed", 1),
  latency: { feedMs: num("--feed-ms", DEFAULT_LATENCY.feedMs), orderMs: num("--order-ms", DEFAULT_LATENCY.orderMs), ackMs: num("--ack-ms", DEFAULT_LATENCY.ackMs), jitterMs: num("--jitter-ms", DEFAULT_LATENCY.jitterMs) },
};

/** One strategy over the capture's books, within [--from, --to). */
function backtestCapture(s: StrategyName, input: Parameters<typeof captureBacktest>[1]): BacktestReport {
  const cb = captureBacktest(s, input, preset, { lead: flag("--lead"), lag: flag("--lag") });
  if (!cb.ok) refuse(cb.error);
  const from = time("--from") ?? -Infinity;
  const to = time("--to") ?? Infinity;
  const events = cb.value.input.events.filter((e) => e.ts >= from && e.ts < to);
  const progress = createProgress(`${s} ${recording}`, events.length);
  const run = runBacktest(cb.value.setup, { ...cb.value.input, events }, { onProgress: (done) => progress.update(done) });
  progress.finish();
  if (!run.ok) refuse(run.error.map((e) => `${e.path}: ${e.message}`).join("; "));
  return buildReport(run.value);
}

const reports: BacktestReport[] = [];
if (capture !== null) {
  for (const s of strategies) reports.push(backtestCapture(s, capture.value));
} else {
  const li = loadInput(recording, time("--from"), time("--to"));
  if (!li.ok) usage(li.error);
  for (const s of strategies) {
    const progress = createProgress(`${s} ${recording}`, li.value.input.events.length);
    const r = runStrategy(s, li.value, preset, { onProgress: (done) => progress.update(done) });
    progress.finish();
    if (!r.ok) usage(r.error);
    reports.push(r.value.report);
  }
}

const outDir = flag("--out") ?? repoPath("reports");
mkdirSync(outDir, { recursive: true });
const written: string[] = [];
for (const r of reports) {
  const base = join(outDir, `backtest-${r.strategy}-${r.recording}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(`${base}.svg`, backtestSvg([r]));
  written.push(`${base}.json`, `${base}.svg`);
}
if (reports.length > 1) {
  const base = join(outDir, `backtest-${strategies.join("+")}-${recording}`);
  writeFileSync(`${base}.svg`, backtestSvg(reports));
  written.push(`${base}.svg`);
}
console.log(args.includes("--json") ? JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) : formatComparison(reports));
console.error(`wrote ${written.join(", ")}`);
