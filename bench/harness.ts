/**
 * Benchmark helpers: time a function many times, report the median (and p99) per call in µs,
 * and print peers side by side with ratios. Timing lives here, never in the test suite.
 */

export interface Sample {
  name: string;
  medianUs: number;
  p99Us: number;
  samples: number;
}

export interface MeasureOptions {
  /** Calls per timed sample; raise it for sub-microsecond work so the timer resolution does not dominate. */
  batch?: number;
  /** Timed samples (default 200). */
  samples?: number;
  /** Untimed warm-up calls (default 2000 or samples*batch, whichever is smaller). */
  warmup?: number;
}

const nowNs = (): bigint => process.hrtime.bigint();

function summarise(name: string, perCallUs: number[]): Sample {
  const sorted = [...perCallUs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { name, medianUs: at(0.5), p99Us: at(0.99), samples: sorted.length };
}

/** Median µs per call of a synchronous function. `fn` receives the call index. */
export function measure(name: string, fn: (i: number) => unknown, opts: MeasureOptions = {}): Sample {
  const batch = opts.batch ?? 1;
  const samples = opts.samples ?? 200;
  const warmup = opts.warmup ?? Math.min(2000, samples * batch);
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn(i);
  const perCall: number[] = [];
  let k = 0;
  for (let s = 0; s < samples; s++) {
    const t0 = nowNs();
    for (let b = 0; b < batch; b++) sink = fn(k++);
    perCall.push(Number(nowNs() - t0) / 1000 / batch);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return summarise(name, perCall);
}

/** Median µs per call of an async function, awaited one at a time. */
export async function measureAsync(
  name: string,
  fn: (i: number) => Promise<unknown>,
  opts: MeasureOptions = {},
): Promise<Sample> {
  const batch = opts.batch ?? 1;
  const samples = opts.samples ?? 200;
  const warmup = opts.warmup ?? Math.min(500, samples * batch);
  for (let i = 0; i < warmup; i++) await fn(i);
  const perCall: number[] = [];
  let k = 0;
  for (let s = 0; s < samples; s++) {
    const t0 = nowNs();
    for (let b = 0; b < batch; b++) await fn(k++);
    perCall.push(Number(nowNs() - t0) / 1000 / batch);
  }
  return summarise(name, perCall);
}

/** Builds a sample from durations measured elsewhere (e.g. inside workerd), in µs. */
export function fromDurations(name: string, perCallUs: number[]): Sample {
  return summarise(name, perCallUs);
}

const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Prints a table of medians; ratios are each row's median over the `baseline` row's. */
export function printTable(title: string, rows: Sample[], baseline?: string): void {
  const base = baseline === undefined ? undefined : rows.find((r) => r.name === baseline);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`\n${title}`);
  console.log(`${"".padEnd(width)}  median µs      p99 µs  ${base ? `x ${base.name}` : ""}`);
  for (const r of rows) {
    const ratio = base ? `${(r.medianUs / base.medianUs).toFixed(2)}` : "";
    console.log(`${r.name.padEnd(width)}  ${fmt(r.medianUs).padStart(9)}  ${fmt(r.p99Us).padStart(10)}  ${ratio}`);
  }
}

/** What every bench/*.bench.ts exports as default; results are collected into reports/bench.json. */
export interface BenchContext {
  record(section: string, rows: Sample[], extra?: Record<string, unknown>): void;
}
export type BenchModule = { default: (ctx: BenchContext) => Promise<void> };
