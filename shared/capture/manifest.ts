/**
 * The manifest of a capture (SPEC §15: "captures go to R2 with their source and time span"):
 * format and version, what the data is (`source`: live snapshots or history, never anything
 * else), the mode the run was asked for, venues, when it was received and what time it covers,
 * counts per record type, and every source's outcome in the run, failures included. One capture
 * holds one kind of data: a run that got both live and historical data writes two.
 */
import * as z from "zod";
import type { Venue } from "../events";
import { CAPTURE_MODES, type CaptureMode, type CapturePlan } from "./plan";
import { countKey, type CaptureRecord } from "./record";
import type { RequestFailure } from "./source";

export const CAPTURE_FORMAT = "hl-edge/capture";
export const CAPTURE_FORMAT_VERSION = 1;
export const CAPTURE_SOURCES = ["live", "historical"] as const;
export type CaptureSourceKind = (typeof CAPTURE_SOURCES)[number];

/** Failures kept per source outcome; `failed` still counts them all. */
export const FAILURES_KEPT = 20;

export interface SourceOutcome {
  source: string;
  venue: Venue;
  kind: CaptureSourceKind;
  requests: number;
  records: number;
  failed: number;
  failures: RequestFailure[];
  /** auto mode: why this venue's history was taken instead of its live snapshots. */
  fallback?: string;
}

export interface CaptureManifest {
  format: typeof CAPTURE_FORMAT;
  version: typeof CAPTURE_FORMAT_VERSION;
  id: string;
  /** The run that wrote it (a run writes at most one live and one historical capture). */
  run: string;
  source: CaptureSourceKind;
  mode: CaptureMode;
  venues: Venue[];
  /** When the first and last answer were received (ms). */
  from: number;
  to: number;
  /** The market time the data covers: book and candle times, sample times (null if no record had any). */
  span: { from: number; to: number } | null;
  records: number;
  counts: Record<string, number>;
  sources: SourceOutcome[];
  plan: CapturePlan;
}

const Failure = z.object({ type: z.string(), coin: z.string().optional(), error: z.string() });
const Outcome = z.object({
  source: z.string(),
  venue: z.enum(["hl", "pm", "ks"]),
  kind: z.enum(CAPTURE_SOURCES),
  requests: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  failures: z.array(Failure),
  fallback: z.string().optional(),
});

/**
 * What a reader checks before using a capture. `source` is read as any string so that a capture
 * of another source (e.g. "synthetic") is refused by name rather than as a shape error.
 */
export const ManifestSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  version: z.literal(CAPTURE_FORMAT_VERSION),
  id: z.string().min(1),
  run: z.string().min(1),
  source: z.string(),
  mode: z.enum(CAPTURE_MODES),
  venues: z.array(z.enum(["hl", "pm", "ks"])),
  from: z.number().int(),
  to: z.number().int(),
  span: z.object({ from: z.number(), to: z.number() }).nullable(),
  records: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  sources: z.array(Outcome),
  plan: z.unknown(),
});

export function buildManifest(a: {
  id: string;
  run: string;
  source: CaptureSourceKind;
  plan: CapturePlan;
  records: readonly CaptureRecord[];
  span: { from: number; to: number } | null;
  sources: SourceOutcome[];
}): CaptureManifest {
  const counts: Record<string, number> = {};
  let from = Infinity;
  let to = -Infinity;
  const venues = new Set<Venue>();
  for (const r of a.records) {
    const k = countKey(r);
    counts[k] = (counts[k] ?? 0) + 1;
    from = Math.min(from, r.t);
    to = Math.max(to, r.t);
    venues.add(r.venue);
  }
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_FORMAT_VERSION,
    id: a.id,
    run: a.run,
    source: a.source,
    mode: a.plan.mode,
    venues: [...venues].sort(),
    from: Number.isFinite(from) ? from : 0,
    to: Number.isFinite(to) ? to : 0,
    span: a.span,
    records: a.records.length,
    counts,
    sources: a.sources,
    plan: a.plan,
  };
}

/**
 * A replay or backtest takes only live or historical captures (SPEC §15); anything else — no
 * manifest, another source such as "synthetic", another format — is refused with the reason.
 */
export function acceptSource(manifest: unknown): { ok: true; source: CaptureSourceKind; manifest: CaptureManifest } | { ok: false; error: string } {
  if (manifest === null || manifest === undefined) return { ok: false, error: "the capture has no manifest, so its source is unknown; only live or historical captures are replayed (SPEC §15)" };
  const m = ManifestSchema.safeParse(manifest);
  if (!m.success) return { ok: false, error: `the manifest is not a ${CAPTURE_FORMAT} v${CAPTURE_FORMAT_VERSION} manifest: ${z.prettifyError(m.error).slice(0, 300)}` };
  const s = m.data.source;
  if (s !== "live" && s !== "historical") return { ok: false, error: `source "${s}" refused: only live or historical captures are replayed (SPEC §15)` };
  return { ok: true, source: s, manifest: { ...m.data, source: s, plan: m.data.plan as CapturePlan } };
}
