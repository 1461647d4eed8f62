/**
 * One capture run (SPEC §15), pure: the plan's rounds of live snapshots `sampleEveryMs` apart,
 * or one historical pass, or — in auto mode — live, with any venue whose first live round
 * produced nothing falling back to its history. The result is what to write (one capture per
 * kind of data that came back, each with its manifest) and the run's status. When nothing came
 * back there is nothing to write: no synthetic fallback, and the status says why.
 */
import { newLoadStats } from "../data/load-stats";
import { captureEvents, spanOf } from "./load";
import { captureId, runId } from "./ids";
import { buildManifest, FAILURES_KEPT, type CaptureManifest, type CaptureSourceKind, type SourceOutcome } from "./manifest";
import type { CaptureMode, CapturePlan } from "./plan";
import { kindOf, type CaptureRecord } from "./record";
import type { CaptureSource, FetchJson, SourcePass } from "./source";
import { HyperliquidSource } from "./hyperliquid";
import { KalshiSource } from "./kalshi";
import { PolymarketSource } from "./polymarket";

export interface RunDeps {
  fetchJson: FetchJson;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface CaptureFile {
  manifest: CaptureManifest;
  records: CaptureRecord[];
}

export interface CaptureRunStatus {
  run: string;
  startedAt: number;
  finishedAt: number;
  /** True when at least one capture was written. */
  ok: boolean;
  mode: CaptureMode | null;
  captures: string[];
  sources: SourceOutcome[];
  error: string | null;
}

class Outcomes {
  readonly list: SourceOutcome[] = [];
  readonly records: Record<CaptureSourceKind, CaptureRecord[]> = { live: [], historical: [] };

  add(s: CaptureSource, kind: CaptureSourceKind, pass: SourcePass, fallback?: string): void {
    let o = this.list.find((x) => x.source === s.name && x.kind === kind);
    if (o === undefined) {
      o = { source: s.name, venue: s.venue, kind, requests: 0, records: 0, failed: 0, failures: [] };
      this.list.push(o);
    }
    if (fallback !== undefined) o.fallback = fallback;
    o.requests += pass.requests;
    o.records += pass.records.length;
    o.failed += pass.failures.length;
    o.failures.push(...pass.failures.slice(0, Math.max(0, FAILURES_KEPT - o.failures.length)));
    // Reference records (outcomeMeta) go with the data of the pass that fetched them.
    this.records[kind].push(...pass.records);
  }
}

/** Market data, as opposed to reference data (outcomeMeta) that only explains it. */
const isData = (r: CaptureRecord): boolean => kindOf(r.venue, r.type) !== "reference";

async function guarded(s: CaptureSource, f: () => Promise<SourcePass>): Promise<SourcePass> {
  try {
    return await f();
  } catch (e) {
    return { records: [], requests: 0, failures: [{ type: "*", error: `${s.name} failed: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** Fresh sources for one run: Hyperliquid always, Polymarket and Kalshi when the plan names markets of theirs. */
export function sourcesFor(plan: CapturePlan): CaptureSource[] {
  const list: CaptureSource[] = [new HyperliquidSource()];
  if (plan.polymarket !== null) list.push(new PolymarketSource());
  if (plan.kalshi !== null) list.push(new KalshiSource());
  return list;
}

export async function runCapture(plan: CapturePlan, sources: readonly CaptureSource[], deps: RunDeps): Promise<{ files: CaptureFile[]; status: CaptureRunStatus }> {
  const startedAt = deps.now();
  const run = runId(startedAt);
  const out = new Outcomes();
  const live = (s: CaptureSource) => guarded(s, () => s.live(plan, deps.fetchJson, deps.now));
  const history = (s: CaptureSource) => guarded(s, () => s.historical(plan, deps.fetchJson, deps.now));

  if (plan.mode === "historical") {
    for (const s of sources) out.add(s, "historical", await history(s));
  } else {
    let active = [...sources];
    for (let round = 0; round < plan.samples && active.length > 0; round++) {
      if (round > 0) await deps.sleep(plan.sampleEveryMs);
      const next: CaptureSource[] = [];
      for (const s of active) {
        const pass = await live(s);
        if (round === 0 && plan.mode === "auto" && !pass.records.some(isData)) {
          // Reference records the live pass did get (outcomeMeta) go with the history instead.
          out.add(s, "live", { ...pass, records: [] });
          const h = await history(s);
          const why = pass.failures[0]?.error ?? "no live answer";
          out.add(s, "historical", { ...h, records: [...pass.records, ...h.records] }, `live produced nothing (${pass.failures.length} of ${pass.requests} requests failed, first: ${why})`);
        } else {
          out.add(s, "live", pass);
          next.push(s);
        }
      }
      active = next;
    }
  }

  const files: CaptureFile[] = [];
  for (const kind of ["live", "historical"] as const) {
    const records = out.records[kind];
    if (!records.some(isData)) continue;
    const span = spanOf(captureEvents(records, newLoadStats()));
    const id = captureId(run, kind);
    files.push({ manifest: buildManifest({ id, run, source: kind, plan, records, span, sources: out.list }), records });
  }
  const ok = files.length > 0;
  const status: CaptureRunStatus = {
    run,
    startedAt,
    finishedAt: deps.now(),
    ok,
    mode: plan.mode,
    captures: files.map((f) => f.manifest.id),
    sources: out.list,
    error: ok ? null : `nothing captured, nothing written: ${out.list.map(describe).join("; ") || "no source configured"}`,
  };
  return { files, status };
}

function describe(o: SourceOutcome): string {
  const first = o.failures[0];
  return `${o.source} ${o.kind}: ${o.failed} of ${o.requests} requests failed${first === undefined ? "" : ` (first: ${first.type}${first.coin === undefined ? "" : ` ${first.coin}`}: ${first.error})`}`;
}
