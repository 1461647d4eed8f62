/**
 * Captures in R2 (binding CAPTURES): `captures/<id>.jsonl` (manifest line first, then the
 * records) and `captures/<id>.manifest.json`, written in that order so a listed manifest always
 * has its records; the last run's status at `capture-status/last-run.json`, outside `captures/`,
 * so it is never listed as a capture.
 */
import {
  captureKeys,
  CAPTURE_PREFIX,
  encodeCapture,
  idOfManifestKey,
  STATUS_KEY,
  type CaptureFile,
  type CaptureManifest,
  type CaptureRunStatus,
} from "../../../shared/capture";

export async function writeCapture(bucket: R2Bucket, f: CaptureFile): Promise<void> {
  const keys = captureKeys(f.manifest.id);
  const m = f.manifest;
  await bucket.put(keys.records, encodeCapture(m, f.records), {
    httpMetadata: { contentType: "application/x-ndjson; charset=utf-8" },
    customMetadata: { source: m.source, mode: m.mode, records: String(m.records) },
  });
  await bucket.put(keys.manifest, JSON.stringify(m), { httpMetadata: { contentType: "application/json" } });
}

export async function writeStatus(bucket: R2Bucket, status: CaptureRunStatus): Promise<void> {
  await bucket.put(STATUS_KEY, JSON.stringify(status), { httpMetadata: { contentType: "application/json" } });
}

export async function readStatus(bucket: R2Bucket): Promise<CaptureRunStatus | null> {
  const o = await bucket.get(STATUS_KEY);
  return o === null ? null : ((await o.json()) as CaptureRunStatus);
}

export interface ListedCapture {
  id: string;
  /** The same id, under the name the dashboard's replay panel reads. */
  key: string;
  /** Bytes of the JSONL. */
  size: number;
  uploaded: string;
  manifest: CaptureManifest;
}

/** The newest `limit` captures with their manifests; `truncated` when older ones were left out. */
export async function listCaptures(bucket: R2Bucket, limit: number): Promise<{ captures: ListedCapture[]; truncated: boolean }> {
  const jsonl = new Map<string, R2Object>();
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: CAPTURE_PREFIX, limit: 1_000, ...(cursor === undefined ? {} : { cursor }) });
    for (const o of page.objects) {
      const id = idOfManifestKey(o.key);
      if (id !== null) ids.push(id);
      else if (o.key.endsWith(".jsonl")) jsonl.set(o.key, o);
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor !== undefined);
  const complete = ids.filter((id) => jsonl.has(captureKeys(id).records)).sort().reverse();
  const page = complete.slice(0, limit);
  const captures = await Promise.all(
    page.map(async (id) => {
      const records = jsonl.get(captureKeys(id).records) as R2Object;
      const m = await bucket.get(captureKeys(id).manifest);
      return m === null ? null : { id, key: id, size: records.size, uploaded: records.uploaded.toISOString(), manifest: (await m.json()) as CaptureManifest };
    }),
  );
  return { captures: captures.filter((c): c is ListedCapture => c !== null), truncated: complete.length > limit };
}
