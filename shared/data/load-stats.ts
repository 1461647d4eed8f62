/** What a loader read, what it produced and what it skipped, by reason. */
export interface LoadStats {
  lines: number;
  events: number;
  skipped: Record<string, number>;
  /** Events that arrived earlier than an event already read (re-sorted by exchange time). */
  reordered: number;
}

export function newLoadStats(): LoadStats {
  return { lines: 0, events: 0, skipped: {}, reordered: 0 };
}

export function countSkip(stats: LoadStats, reason: string): void {
  stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
}

export function totalSkipped(stats: LoadStats): number {
  let n = 0;
  for (const k in stats.skipped) n += stats.skipped[k] as number;
  return n;
}

/** Adds `from` into `into` (for a recording made of several files). */
export function addStats(into: LoadStats, from: LoadStats): void {
  into.lines += from.lines;
  into.events += from.events;
  into.reordered += from.reordered;
  for (const [k, v] of Object.entries(from.skipped)) into.skipped[k] = (into.skipped[k] ?? 0) + v;
}

/** Exchange-ms timestamp from an integer string; null when it is not one. */
export function msFromText(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  return Number(text);
}

/** Exchange ms from a nanosecond integer string, cut on the text (ns exceed 2^53). */
export function msFromNsText(text: unknown): number | null {
  if (typeof text !== "string" || !/^\d{7,22}$/.test(text)) return null;
  return Number(text.slice(0, -6));
}
