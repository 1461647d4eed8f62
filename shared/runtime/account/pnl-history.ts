/**
 * The account's equity/PnL history (SPEC §14 PnL line, "PnL today"): when the RiskDO keeps a
 * sample, the UTC day it belongs to, the equity the day opened with, and how long samples are
 * kept. Pure: the RiskDO passes the time and the account view in and stores what comes out
 * (durable-objects/risk/pnl-log.ts).
 */
import * as z from "zod";

export const DAY_MS = 86_400_000;

export interface PnlPoint {
  ts: number;
  equityUsd: number;
  /** realised + unrealised − fees, USD. */
  pnlUsd: number;
}

/** The equity at 00:00 UTC of `dayStartMs`'s day, and how it was learned. */
export interface DayOpen {
  dayStartMs: number;
  equityUsd: number;
  /** "sample": the last sample before midnight; "first": none before, the first equity seen that day. */
  source: "sample" | "first";
}

export interface PnlPolicy {
  /** A changed equity/PnL is sampled at most this often. */
  everyMs: number;
  /** An unchanged one is still sampled this often, so the line reaches the present. */
  heartbeatMs: number;
  /** Samples older than this are dropped. */
  retainMs: number;
  /** At most this many samples are kept (newest win). */
  maxRows: number;
}

/** 10 s while changing, a point every 5 min while flat; a week (~60k rows at most while busy). */
export const PNL_POLICY: PnlPolicy = { everyMs: 10_000, heartbeatMs: 300_000, retainMs: 7 * DAY_MS, maxRows: 60_480 };

/** `GET /admin/pnl`: the account's PnL now, PnL today and the history from `since`. */
export interface PnlHistory {
  realisedUsd: number;
  unrealisedUsd: number;
  feesUsd: number;
  totalUsd: number;
  cashUsd: number;
  equityUsd: number;
  equityPeakUsd: number;
  drawdownUsd: number;
  /** Equity now minus the equity at 00:00 UTC. */
  todayUsd: number | null;
  dayOpen: DayOpen | null;
  since: number;
  /** Oldest first. */
  series: PnlPoint[];
}

/** 00:00 UTC of the day `ms` falls in (epoch ms are UTC; no time zone enters). */
export function utcDayStart(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Whether `next` is worth a row after `last` (null = no sample yet). */
export function shouldSample(last: PnlPoint | null, next: PnlPoint, p: PnlPolicy = PNL_POLICY): boolean {
  if (!Number.isFinite(next.equityUsd) || !Number.isFinite(next.pnlUsd)) return false;
  if (last === null) return true;
  const dt = next.ts - last.ts;
  if (dt < p.everyMs) return false;
  // A new UTC day always gets a point, so the day's opening equity is on the line.
  if (utcDayStart(next.ts) !== utcDayStart(last.ts)) return true;
  const changed = Math.abs(next.equityUsd - last.equityUsd) >= 0.005 || Math.abs(next.pnlUsd - last.pnlUsd) >= 0.005;
  return changed || dt >= p.heartbeatMs;
}

/**
 * The day open for `nowMs`: kept while the day is the same; on a new day the equity at 00:00 is
 * the last sample taken before midnight (the account did not change between it and midnight by
 * more than one sampling period), or, with none, the equity seen now.
 */
export function rollDayOpen(open: DayOpen | null, lastBefore: PnlPoint | null, nowMs: number, equityUsd: number): DayOpen {
  const dayStartMs = utcDayStart(nowMs);
  if (open !== null && open.dayStartMs === dayStartMs) return open;
  if (lastBefore !== null && lastBefore.ts < dayStartMs) return { dayStartMs, equityUsd: lastBefore.equityUsd, source: "sample" };
  return { dayStartMs, equityUsd, source: "first" };
}

/** PnL since 00:00 UTC, USD: equity now minus the day's opening equity (null without both). */
export function pnlToday(open: DayOpen | null, nowMs: number, equityUsd: number | null): number | null {
  if (open === null || equityUsd === null || open.dayStartMs !== utcDayStart(nowMs)) return null;
  return equityUsd - open.equityUsd;
}

/** The oldest timestamp kept at `nowMs`. */
export function retentionStart(nowMs: number, p: PnlPolicy = PNL_POLICY): number {
  return nowMs - p.retainMs;
}

/** Samples at most this many per answer; a longer span is thinned evenly (the last one always kept). */
export const PNL_MAX_POINTS = 2_000;

/** Every k-th point so at most `max` remain, always keeping the newest. */
export function thin(points: readonly PnlPoint[], max = PNL_MAX_POINTS): PnlPoint[] {
  if (points.length <= max) return [...points];
  const step = Math.ceil(points.length / max);
  const out: PnlPoint[] = [];
  for (let i = points.length - 1; i >= 0; i -= step) out.push(points[i]!);
  return out.reverse();
}

const whole = z
  .string()
  .regex(/^\d+$/, "a whole number (epoch ms)")
  .transform(Number)
  .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

/** `GET /admin/pnl?since=<ms>`: samples at or after `since` (default: the last 24 h). */
export const PnlQuery = z.strictObject({ since: whole.optional() });
export type PnlQuery = z.infer<typeof PnlQuery>;
