/**
 * A capture as JSONL: the manifest on the first line as `{"manifest": {...}}`, then one record
 * per line (record.ts). Decoding never throws: a line that is not JSON or not a record is counted
 * by reason and left out, and the manifest comes back as read so the caller decides whether its
 * source is acceptable (manifest.ts `acceptSource`).
 */
import { countSkip, newLoadStats, type LoadStats } from "../data/load-stats";
import type { CaptureManifest } from "./manifest";
import { CaptureRecordSchema, type CaptureRecord } from "./record";

export function encodeCapture(manifest: CaptureManifest, records: readonly CaptureRecord[]): string {
  const lines = [JSON.stringify({ manifest })];
  for (const r of records) lines.push(JSON.stringify(r));
  return `${lines.join("\n")}\n`;
}

export interface DecodedCapture {
  /** The manifest line's object, unchecked (null when there is none). */
  manifest: unknown;
  records: CaptureRecord[];
  /** lines = record lines read (the manifest line is not one); events = records kept; skipped by reason. */
  stats: LoadStats;
}

export function decodeCapture(text: string): DecodedCapture {
  const stats = newLoadStats();
  const records: CaptureRecord[] = [];
  let manifest: unknown = null;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      stats.lines++;
      countSkip(stats, "not JSON");
      continue;
    }
    if (typeof v === "object" && v !== null && !Array.isArray(v) && "manifest" in v && manifest === null) {
      manifest = (v as { manifest: unknown }).manifest;
      continue;
    }
    stats.lines++;
    if (typeof v === "object" && v !== null && !Array.isArray(v) && "manifest" in v) {
      countSkip(stats, "second manifest");
      continue;
    }
    const r = CaptureRecordSchema.safeParse(v);
    if (!r.success) {
      countSkip(stats, "not a capture record");
      continue;
    }
    records.push(r.data as CaptureRecord);
    stats.events++;
  }
  return { manifest, records, stats };
}
