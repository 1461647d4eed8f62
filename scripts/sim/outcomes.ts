/**
 * HIP-4 outcomes served by the simulator, built from a recording's market/question metadata.
 *
 * Construction of outcomeMeta (no raw outcomeMeta response was recorded, only what the recorder
 * derived from it — data/hyperliquid/hip4-2026-05-10/README.md):
 * - outcome index, name ("Recurring"), side names ("Yes"/"No") from market_meta of each side;
 * - description: the question's recorded description (`class:priceBinary|underlying:BTC|
 *   expiry:20260510-0600|targetPrice:80354|period:1d`) with the expiry moved onto the sim clock
 *   by the replay's own shift, all other fields verbatim;
 * - question: id from the question symbol (Q1000015 -> 1000015), its recorded name/description;
 * - quoteToken: not recorded; the simulator serves "USDC", the venue's outcome collateral since
 *   late May 2026 (reference/hyperliquid.md §5.2), so clients read it rather than assume it.
 * Each further pass of a looping replay is a new instance (outcome and question index + pass),
 * as the real recurring universe rolls at each settlement.
 *
 * Settlement [docs trading/contract-specifications, Recurring outcomes]: YES iff the mark
 * interpolated linearly between the updates just before and just after the expiry is at least
 * the target price. The recording stops 0.2 s before its expiry, so without an update after it
 * the last one before is used.
 */
import { parseScaled } from "../../shared/core/decimal";
import { err, ok, type Result } from "../../shared/core/result";
import type { MarkEvent } from "../../shared/events";
import { outcomeExpiryMs } from "../../shared/runtime/market/setup";
import { parseOutcomeDescription } from "../../shared/venues/hyperliquid/outcome-ticker";

export interface OutcomeDef {
  outcome: number;
  name: string;
  description: string;
  sideNames: [string, string];
  quoteToken: string;
  question: { id: number; name: string; description: string } | null;
  underlying: string;
  targetPrice: string;
  /** Expiry on the sim clock, and where it falls in the recording. */
  expiryMs: number;
  recordedExpiryMs: number;
  /** "1" (Yes) or "0" (No) from the recorded marks; null when the recording cannot decide. */
  settleFraction: string | null;
}

/** What a recording says about one outcome. */
export interface RecordedOutcome {
  outcome: number;
  name: string;
  sideNames: [string, string];
  description: string;
  question: { id: number; name: string; description: string } | null;
}

/** ms -> "YYYYMMDD-HHMM" (UTC, the minute the instant falls in). */
export function formatExpiry(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}`;
}

/** Replaces the expiry field of a `key:value|...` description, keeping every other field in place. */
export function withExpiry(description: string, expiry: string): string {
  return description
    .split("|")
    .map((part) => (part.startsWith("expiry:") ? `expiry:${expiry}` : part))
    .join("|");
}

/**
 * The outcome for one pass of the replay: indices moved by `pass`, expiry mapped through
 * `toSim`, settlement decided from the recorded marks of the underlying.
 */
export function outcomeForPass(
  rec: RecordedOutcome,
  pass: number,
  toSim: (recordedMs: number) => number,
  marks: readonly MarkEvent[],
  quoteToken: string,
): Result<OutcomeDef, string> {
  const desc = parseOutcomeDescription(rec.description);
  if (desc === null || desc.expiry === undefined || desc.underlying === undefined || desc.targetPrice === undefined) {
    return err(`outcome ${rec.outcome}: description lacks expiry, underlying or targetPrice`);
  }
  const recordedExpiryMs = outcomeExpiryMs(desc.expiry);
  if (recordedExpiryMs === null) return err(`outcome ${rec.outcome}: bad expiry ${desc.expiry}`);
  const expiryMs = Math.round(toSim(recordedExpiryMs));
  const description = withExpiry(rec.description, formatExpiry(expiryMs));
  const underlyingMarks = marks.filter((m) => m.coin === desc.underlying);
  const settle = desc.class === "priceBinary" ? binarySettlement(underlyingMarks, recordedExpiryMs, desc.targetPrice) : null;
  return ok({
    outcome: rec.outcome + pass,
    name: rec.name,
    description,
    sideNames: rec.sideNames,
    quoteToken,
    question: rec.question === null ? null : { ...rec.question, id: rec.question.id + pass, description: withExpiry(rec.question.description, formatExpiry(expiryMs)) },
    underlying: desc.underlying,
    targetPrice: desc.targetPrice,
    expiryMs,
    recordedExpiryMs,
    settleFraction: settle,
  });
}

const SCALE = 8;

/** "1" when the interpolated mark at `at` is >= target, else "0"; null without marks or numbers. */
export function binarySettlement(marks: readonly MarkEvent[], at: number, target: string): string | null {
  let before: MarkEvent | undefined;
  let after: MarkEvent | undefined;
  for (const m of marks) {
    if (m.ts <= at) before = m;
    else if (after === undefined) after = m;
  }
  const t = parseScaled(target, SCALE);
  if (t === null) return null;
  const big = (m: MarkEvent): bigint | null => {
    const v = parseScaled(m.px, SCALE);
    return v === null ? null : BigInt(v);
  };
  if (before === undefined && after === undefined) return null;
  if (before === undefined || after === undefined) {
    const only = big((before ?? after) as MarkEvent);
    return only === null ? null : only >= BigInt(t) ? "1" : "0";
  }
  const p0 = big(before);
  const p1 = big(after);
  if (p0 === null || p1 === null) return null;
  const span = BigInt(after.ts - before.ts);
  // p0 + (at - t0) / (t1 - t0) * (p1 - p0) >= target, multiplied through by (t1 - t0) > 0.
  const lhs = p0 * span + BigInt(at - before.ts) * (p1 - p0);
  return lhs >= BigInt(t) * span ? "1" : "0";
}
