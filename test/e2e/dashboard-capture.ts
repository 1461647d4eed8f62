/**
 * A capture in the format the capture job writes (SPEC §15; JSONL, a manifest line, then
 * `{t, type, coin?, data}` records holding the venue's /info answers verbatim), taken from a
 * venue's /info endpoint. The tests point it at the local simulator, which serves the real
 * recordings in Hyperliquid's own response shapes, so the replay panel is tested on real market
 * data as the capture job will store it.
 */

export interface CaptureSpec {
  /** The venue's base URL (POST <url>/info). */
  url: string;
  books: string[];
  /** Coin whose 1-minute candles are captured once at the end (historical records). */
  candles?: string;
  durationMs: number;
  everyMs: number;
  /** What the manifest says the data is. */
  note: string;
}

async function info(url: string, body: unknown): Promise<unknown> {
  const r = await fetch(`${url}/info`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`/info ${JSON.stringify(body)}: HTTP ${r.status}`);
  return r.json();
}

export async function recordCapture(spec: CaptureSpec): Promise<{ jsonl: string; manifest: Record<string, unknown>; records: Record<string, unknown>[] }> {
  const records: Record<string, unknown>[] = [];
  const started = Date.now();
  while (Date.now() - started < spec.durationMs) {
    records.push({ t: Date.now(), type: "allMids", data: await info(spec.url, { type: "allMids" }) });
    for (const coin of spec.books) records.push({ t: Date.now(), type: "l2Book", coin, data: await info(spec.url, { type: "l2Book", coin }) });
    await new Promise((r) => setTimeout(r, spec.everyMs));
  }
  if (spec.candles !== undefined) {
    const end = Date.now();
    const req = { coin: spec.candles, interval: "1m", startTime: end - 3_600_000, endTime: end };
    records.push({ t: end, type: "candleSnapshot", coin: spec.candles, data: await info(spec.url, { type: "candleSnapshot", req }) });
  }
  const ts = records.map((r) => r.t as number);
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.type as string] = (counts[r.type as string] ?? 0) + 1;
  const manifest = { source: "live", mode: "live", venue: "hyperliquid", from: Math.min(...ts), to: Math.max(...ts), counts, note: spec.note };
  return { jsonl: [JSON.stringify({ manifest }), ...records.map((r) => JSON.stringify(r))].join("\n") + "\n", manifest, records };
}
