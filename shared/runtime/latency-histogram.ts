/**
 * Latency histograms per pipeline stage, kept by the Durable Objects and sent on the stream
 * (SPEC §14), so the page no longer rebuilds them from the last few hundred audit records.
 * Fixed log-spaced buckets (1-2-5 per decade, ms) make every histogram the same shape, so they
 * merge by adding counts. Each stage keeps its counts since start and a rolling window (the last
 * few minutes, in one-minute slots). workerd's clock only advances across I/O, so a stage with no
 * I/O inside it reads exactly 0 ms: the first bucket holds those, and readers should say so.
 */

/** Upper bounds (ms, inclusive) of every bucket but the last; the last holds everything above. */
export const BUCKET_BOUNDS_MS: readonly number[] = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

export interface Histogram {
  /** BUCKET_BOUNDS_MS.length + 1 counts. */
  counts: number[];
  n: number;
  sumMs: number;
  maxMs: number;
}

export function emptyHistogram(): Histogram {
  return { counts: new Array<number>(BUCKET_BOUNDS_MS.length + 1).fill(0), n: 0, sumMs: 0, maxMs: 0 };
}

/** The bucket of `ms`: the first bound it does not exceed, or the overflow bucket. */
export function bucketOf(ms: number): number {
  for (let i = 0; i < BUCKET_BOUNDS_MS.length; i++) if (ms <= BUCKET_BOUNDS_MS[i]!) return i;
  return BUCKET_BOUNDS_MS.length;
}

/** Adds one duration; a negative or non-finite one is not a duration and is refused (false). */
export function observe(h: Histogram, ms: number): boolean {
  if (!Number.isFinite(ms) || ms < 0) return false;
  h.counts[bucketOf(ms)]!++;
  h.n++;
  h.sumMs += ms;
  if (ms > h.maxMs) h.maxMs = ms;
  return true;
}

export function merge(a: Histogram, b: Histogram): Histogram {
  return { counts: a.counts.map((c, i) => c + (b.counts[i] ?? 0)), n: a.n + b.n, sumMs: a.sumMs + b.sumMs, maxMs: Math.max(a.maxMs, b.maxMs) };
}

/**
 * The upper bound of the bucket holding the q-quantile (nearest rank), ms: an upper estimate
 * within one bucket; the overflow bucket answers the largest value seen. Null when empty.
 */
export function quantileMs(h: Histogram, q: number): number | null {
  if (h.n === 0) return null;
  const rank = Math.min(h.n, Math.max(1, Math.ceil(q * h.n)));
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i]!;
    if (seen >= rank) return i < BUCKET_BOUNDS_MS.length ? Math.min(BUCKET_BOUNDS_MS[i]!, h.maxMs) : h.maxMs;
  }
  return h.maxMs;
}

export interface StageView {
  total: Histogram;
  window: Histogram;
}

export interface StageHistogramsView {
  bounds: readonly number[];
  windowMs: number;
  /** Durations refused (negative: clocks of two objects, or a missing stage time). */
  refused: number;
  stages: Record<string, StageView>;
}

const SLOT_MS = 60_000;

/** Counts since start and over the last `slots` minutes, per stage name. */
export class StageHistograms {
  private readonly total = new Map<string, Histogram>();
  /** Per stage: slot start (ms) -> histogram of that minute. */
  private readonly recent = new Map<string, Map<number, Histogram>>();
  private refused = 0;

  constructor(private readonly slots = 5) {}

  observe(stage: string, ms: number, nowMs: number): void {
    let t = this.total.get(stage);
    if (t === undefined) this.total.set(stage, (t = emptyHistogram()));
    if (!observe(t, ms)) {
      this.refused++;
      return;
    }
    let r = this.recent.get(stage);
    if (r === undefined) this.recent.set(stage, (r = new Map()));
    const slot = Math.floor(nowMs / SLOT_MS) * SLOT_MS;
    let h = r.get(slot);
    if (h === undefined) r.set(slot, (h = emptyHistogram()));
    observe(h, ms);
    this.prune(r, nowMs);
  }

  view(nowMs: number): StageHistogramsView {
    const stages: Record<string, StageView> = {};
    for (const [name, total] of this.total) {
      const r = this.recent.get(name) ?? new Map<number, Histogram>();
      this.prune(r, nowMs);
      let window = emptyHistogram();
      for (const h of r.values()) window = merge(window, h);
      stages[name] = { total: { ...total, counts: [...total.counts] }, window };
    }
    return { bounds: BUCKET_BOUNDS_MS, windowMs: this.slots * SLOT_MS, refused: this.refused, stages };
  }

  private prune(r: Map<number, Histogram>, nowMs: number): void {
    const oldest = Math.floor(nowMs / SLOT_MS) * SLOT_MS - (this.slots - 1) * SLOT_MS;
    for (const slot of r.keys()) if (slot < oldest) r.delete(slot);
  }
}

/** The order path's stages as the `ack` records' stage times name them (durable-objects/README.md). */
export const ORDER_STAGES: readonly { key: string; from: string; to: string }[] = [
  { key: "decide", from: "frameAt", to: "decidedAt" },
  { key: "risk", from: "decidedAt", to: "riskAt" },
  { key: "signer", from: "riskAt", to: "signerAt" },
  { key: "sign", from: "signerAt", to: "signedAt" },
  { key: "venue", from: "postedAt", to: "answeredAt" },
  { key: "total", from: "frameAt", to: "answeredAt" },
];

/** Stage durations of one batch's stage times; stages with a missing time are left out. */
export function orderStageDurations(stages: Record<string, unknown>): { key: string; ms: number }[] {
  const out: { key: string; ms: number }[] = [];
  for (const s of ORDER_STAGES) {
    const a = stages[s.from];
    const z = stages[s.to];
    if (typeof a === "number" && typeof z === "number") out.push({ key: s.key, ms: z - a });
  }
  return out;
}
