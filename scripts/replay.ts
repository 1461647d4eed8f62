/**
 * `npm run replay -- <recording> [--from T --to T] [--json]`
 * `npm run replay -- --capture <file.jsonl | folder> [--from T --to T] [--json]`
 * Runs the market pipeline over a recording in data/ and prints a summary: records, events,
 * skipped input, signal statistics, the time share of each regime, the OFI regression and,
 * for the BTC+ETH recording, the cross-correlation of mid returns and the lead-lag hit rate.
 * With --capture it replays snapshot captures (SPEC §15; scripts/lib/capture-replay.ts) and
 * refuses, with exit code 2, any whose manifest is missing or whose source is not live or
 * historical. T is an ISO time (2024-01-01T12:30:00Z) or exchange milliseconds.
 */
import { readCaptureInput } from "./lib/capture-input";
import { formatCaptureReport, replayCapture } from "./lib/capture-replay";
import { createProgress } from "./lib/progress";
import { RECORDINGS, findRecording } from "./lib/recordings";
import { formatReport } from "./lib/replay-format";
import { runReplay } from "./lib/replay-runner";

function parseTime(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(t)) throw new Error(`not a time: ${s}`);
  return t;
}

function usage(): never {
  console.error(`usage: npm run replay -- <recording> | --capture <file.jsonl|folder> [--from T] [--to T] [--json]\nrecordings:`);
  for (const r of RECORDINGS) console.error(`  ${r.name.padEnd(24)} ${r.description}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1]?.startsWith("--") !== true);
const flag = (f: string): string | undefined => {
  const i = args.indexOf(f);
  return i >= 0 ? args[i + 1] : undefined;
};
function replayCaptures(path: string): void {
  const input = readCaptureInput(path);
  if (!input.ok) {
    console.error(`replay refused: ${input.error}`);
    process.exit(2);
  }
  const report = replayCapture(input.value, { from: parseTime(flag("--from")), to: parseTime(flag("--to")) });
  console.log(args.includes("--json") ? JSON.stringify(report, null, 2) : formatCaptureReport(report));
}

function replayRecording(): void {
  const spec = name === undefined ? undefined : findRecording(name);
  if (spec === undefined) usage();
  const loaded = spec.load();
  const progress = createProgress(spec.name, loaded.events.length);
  const started = performance.now();
  const report = runReplay(
    loaded,
    spec.markets(),
    { from: parseTime(flag("--from")), to: parseTime(flag("--to")), onProgress: (done) => progress.update(done) },
    spec.pair,
  );
  progress.finish();
  const seconds = (performance.now() - started) / 1000;
  if (args.includes("--json")) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(formatReport(report));
    console.log(`\nreplayed ${report.replayed} events in ${seconds.toFixed(2)} s (${Math.round(report.replayed / seconds)} events/s)`);
  }
}

const capturePath = flag("--capture");
if (capturePath !== undefined) replayCaptures(capturePath);
else replayRecording();
