/**
 * Stage latencies of the order path. The server keeps them: the RiskDO's status carries one
 * histogram per stage (`risk.latency`: fixed 1-2-5 log buckets, counts since it started and over
 * the last five minutes; shared/runtime/latency-histogram.ts) and each market's live view its
 * frame -> decision. An older server without them is read the old way, from the `ack` records'
 * stage timestamps (frameAt, decidedAt, riskAt, signerAt, signedAt, postedAt, answeredAt; token
 * needed), one per signed batch, put in the same buckets.
 * workerd's clock only advances across I/O, so a stage with no I/O inside it reads 0 ms.
 */

export const STAGES = [
  { key: "decide", label: "frame → decision", help: "MarketDO: parse, book, signals, strategy", from: "frameAt", to: "decidedAt" },
  { key: "risk", label: "decision → risk", help: "hop to the RiskDO and its queue", from: "decidedAt", to: "riskAt" },
  { key: "signer", label: "risk → signer", help: "risk check, persist, hop to the signer Worker", from: "riskAt", to: "signerAt" },
  { key: "sign", label: "signing", help: "msgpack + keccak + EIP-712 signature", from: "signerAt", to: "signedAt" },
  { key: "venue", label: "venue round trip", help: "POST /exchange until its answer", from: "postedAt", to: "answeredAt" },
  { key: "total", label: "frame → venue answer", help: "the whole path", from: "frameAt", to: "answeredAt" },
];

/** { stageKey: number[] } of durations in ms. */
export function stageDurations(acks) {
  const out = Object.fromEntries(STAGES.map((s) => [s.key, []]));
  const seen = new Set();
  for (const e of acks) {
    const b = typeof e?.body === "object" && e.body !== null ? e.body : {};
    const st = typeof b.stages === "object" && b.stages !== null ? b.stages : null;
    if (st === null) continue;
    const batch = b.nonce ?? e.cloid ?? e.id;
    if (seen.has(batch)) continue;
    seen.add(batch);
    for (const s of STAGES) {
      const a = st[s.from];
      const z = st[s.to];
      if (typeof a === "number" && typeof z === "number" && z >= a) out[s.key].push(z - a);
    }
  }
  return out;
}

/** The server's bucket bounds (ms, inclusive upper bounds; one overflow bucket after the last). */
export const BOUNDS_MS = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

export const ZERO_NOTE = "workerd's clock only advances across I/O: a stage without I/O inside it reads 0 ms";

/** Durations into a histogram of the server's shape. */
export function histogramOf(values, bounds = BOUNDS_MS) {
  const counts = new Array(bounds.length + 1).fill(0);
  let max = 0;
  for (const v of values) {
    let i = bounds.findIndex((b) => v <= b);
    if (i < 0) i = bounds.length;
    counts[i]++;
    if (v > max) max = v;
  }
  return { counts, n: values.length, maxMs: max };
}

/** Upper bound of the bucket holding the q-quantile (capped at the max seen); null when empty. */
export function histQuantile(h, q, bounds = BOUNDS_MS) {
  if (h === null || h === undefined || !(h.n > 0)) return null;
  const rank = Math.min(h.n, Math.max(1, Math.ceil(q * h.n)));
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i];
    if (seen >= rank) return i < bounds.length ? Math.min(bounds[i], h.maxMs) : h.maxMs;
  }
  return h.maxMs;
}

/** "0", "≤1", ..., ">10000": the bucket labels, ms. */
export function bucketLabels(bounds = BOUNDS_MS) {
  return [...bounds.map((b) => (b === 0 ? "0" : `≤${b}`)), `>${bounds[bounds.length - 1]}`];
}

/**
 * { bounds, stages: {key: histogram}, source, windowMs } for the order stages: the server's
 * (since start), else built from the ack records, else null.
 */
export function stageHistograms(snap, acks) {
  const lat = snap?.risk?.latency;
  if (typeof lat === "object" && lat !== null && Array.isArray(lat.bounds) && typeof lat.stages === "object") {
    const stages = {};
    for (const s of STAGES) stages[s.key] = lat.stages[s.key]?.total ?? null;
    const windows = {};
    for (const s of STAGES) windows[s.key] = lat.stages[s.key]?.window ?? null;
    return { bounds: lat.bounds, stages, windows, source: "server", windowMs: lat.windowMs ?? null };
  }
  const d = stageDurations(acks);
  if (STAGES.every((s) => d[s.key].length === 0)) return null;
  const stages = {};
  for (const s of STAGES) stages[s.key] = histogramOf(d[s.key]);
  return { bounds: BOUNDS_MS, stages, windows: null, source: "acks", windowMs: null };
}

/** Nearest-rank quantile of an unsorted list; null when empty. */
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}
