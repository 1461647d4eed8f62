/**
 * Capture ids and where captures live in R2. An id is the run's start time in UTC to the
 * millisecond plus what the capture holds, `20261121T101300.123Z-live`: ids sort by time as
 * text, so the newest come first when sorted descending, and a run's live and historical
 * captures sit side by side. The last run's status is not a capture and lives outside
 * `captures/`, so no listing of captures can take it for one.
 */
import type { CaptureSourceKind } from "./manifest";

export const CAPTURE_PREFIX = "captures/";
export const STATUS_KEY = "capture-status/last-run.json";
export const CAPTURE_ID_PATTERN = /^\d{8}T\d{6}\.\d{3}Z-(live|historical)$/;

/** The run id: its start in UTC, "YYYYMMDDTHHMMSS.mmmZ". */
export function runId(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "");
}

export function captureId(run: string, source: CaptureSourceKind): string {
  return `${run}-${source}`;
}

export function captureKeys(id: string): { records: string; manifest: string } {
  return { records: `${CAPTURE_PREFIX}${id}.jsonl`, manifest: `${CAPTURE_PREFIX}${id}.manifest.json` };
}

/** The capture id of a manifest key in a listing, or null for any other key. */
export function idOfManifestKey(key: string): string | null {
  if (!key.startsWith(CAPTURE_PREFIX) || !key.endsWith(".manifest.json")) return null;
  const id = key.slice(CAPTURE_PREFIX.length, -".manifest.json".length);
  return CAPTURE_ID_PATTERN.test(id) ? id : null;
}
