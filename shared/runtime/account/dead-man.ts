/**
 * The exchange-side dead man's switch (SPEC §10; reference/hyperliquid.md §3.2 scheduleCancel):
 * while the account trades, a cancel-everything is kept scheduled `horizonMs` ahead and pushed
 * forward every `refreshEveryMs`, so if the whole deployment stops, every resting order dies at
 * most `horizonMs` later. The venue counts a *firing* against its 10-per-day limit (arming is
 * free of that limit but costs one address request), so the switch is disarmed when nothing is
 * being traded rather than left to lapse. It needs $1,000,000 of traded volume first; a refusal
 * is retried slowly and reported, trading does not stop for it.
 * Times: `armedUntil` is venue ms (the venue checks `time` >= its own now + 5 s); decisions take
 * both clocks (see venue-clock.ts).
 */
import type { ActionResult } from "./signer-protocol";

export interface DeadManPolicy {
  horizonMs: number;
  refreshEveryMs: number;
  retryAfterErrorMs: number;
}

/** Re-armed every ~10 s to now + 30 s (Nautilus arms at timeout/4 on BitMEX; peers.md §1.2). */
export const DEAD_MAN: DeadManPolicy = { horizonMs: 30_000, refreshEveryMs: 10_000, retryAfterErrorMs: 60_000 };

export interface DeadManState {
  /** Venue ms the switch fires at if not refreshed; null when not armed (or not known to be). */
  armedUntil: number | null;
  /** Local ms before which no new attempt is made after a refusal. */
  retryAtMs: number | null;
  lastError: string | null;
  arms: number;
  refusals: number;
}

export const initialDeadMan = (): DeadManState => ({ armedUntil: null, retryAtMs: null, lastError: null, arms: 0, refusals: 0 });

export type DeadManStep = { kind: "arm"; time: number } | { kind: "disarm" } | { kind: "none" };

export function deadManStep(s: DeadManState, wanted: boolean, localNow: number, venueNow: number, p: DeadManPolicy = DEAD_MAN): DeadManStep {
  if (s.retryAtMs !== null && localNow < s.retryAtMs) return { kind: "none" };
  if (!wanted) return s.armedUntil !== null && s.armedUntil > venueNow ? { kind: "disarm" } : { kind: "none" };
  const due = s.armedUntil === null ? venueNow : s.armedUntil - p.horizonMs + p.refreshEveryMs;
  return venueNow >= due ? { kind: "arm", time: venueNow + p.horizonMs } : { kind: "none" };
}

/** The state after the venue answered a step. An unknown answer leaves the switch's state unknown: assume unarmed, try again soon. */
export function deadManAnswered(s: DeadManState, step: DeadManStep, r: ActionResult, localNow: number, p: DeadManPolicy = DEAD_MAN): DeadManState {
  if (step.kind === "none") return s;
  if (r.kind === "ok") {
    return step.kind === "arm" ? { ...s, armedUntil: step.time, retryAtMs: null, lastError: null, arms: s.arms + 1 } : { ...s, armedUntil: null, retryAtMs: null, lastError: null };
  }
  if (r.kind === "error") return { ...s, armedUntil: step.kind === "disarm" ? s.armedUntil : null, retryAtMs: localNow + p.retryAfterErrorMs, lastError: r.message, refusals: s.refusals + 1 };
  return { ...s, armedUntil: null, lastError: "no answer from the venue" };
}

/** Local ms when the next step falls due (for the alarm); null when nothing is pending. */
export function deadManDeadline(s: DeadManState, wanted: boolean, localNow: number, venueNow: number, p: DeadManPolicy = DEAD_MAN): number | null {
  if (s.retryAtMs !== null && localNow < s.retryAtMs) return s.retryAtMs;
  if (!wanted) return s.armedUntil !== null && s.armedUntil > venueNow ? localNow : null;
  if (s.armedUntil === null) return localNow;
  return localNow + Math.max(0, s.armedUntil - p.horizonMs + p.refreshEveryMs - venueNow);
}
