/**
 * Automatic kill triggers and the manual controls (SPEC §10). Each observation function takes
 * what the runtime measured and returns the new state plus the cancels to send. Liveness is
 * judged on the connection (last frame, pong or heartbeat of the socket), never on how quiet a
 * book is: a quiet market is not a dead feed.
 */
import { err, ok, type Result } from "../core/result";
import type { Venue } from "../events";
import { drawdown } from "./state";
import { TRIGGER_POLICY } from "./trigger-policy";
import type { RiskAction, RiskLimits, RiskState, Transition, TriggerKind } from "./types";

const triggerId = (kind: TriggerKind, scope: string): string => `${kind}@${scope}`;

function cancelsFor(kind: TriggerKind, scope: string, detail: string): RiskAction[] {
  if (TRIGGER_POLICY[kind].mode !== "halted") return [];
  const reason = `${kind}: ${detail}`;
  if (scope === "*") return [{ kind: "cancel_all", venue: "*", reason }];
  if (scope.startsWith("venue:")) return [{ kind: "cancel_all", venue: scope.slice(6) as Venue, reason }];
  return [{ kind: "cancel_market", market: scope, reason }];
}

/** Raises a trigger (idempotent: an active one keeps its start time and sends no new cancels). */
export function trigger(s: RiskState, kind: TriggerKind, scope: string, detail: string, nowMs: number): Transition {
  const id = triggerId(kind, scope);
  if (id in s.triggers) return { state: s, actions: [] };
  return {
    state: { ...s, triggers: { ...s.triggers, [id]: { kind, scope, sinceMs: nowMs, detail } } },
    actions: cancelsFor(kind, scope, detail),
  };
}

/** Clears a non-latching trigger whose condition is gone; latching ones wait for `resume`. */
export function clearTrigger(s: RiskState, kind: TriggerKind, scope: string): RiskState {
  const id = triggerId(kind, scope);
  if (!(id in s.triggers) || TRIGGER_POLICY[kind].latch) return s;
  const { [id]: _gone, ...triggers } = s.triggers;
  return { ...s, triggers };
}

const setOrClear = (s: RiskState, on: boolean, kind: TriggerKind, scope: string, detail: string, nowMs: number): Transition =>
  on ? trigger(s, kind, scope, detail, nowMs) : { state: clearTrigger(s, kind, scope), actions: [] };

/** Round-trip or pipeline latency; above latency_anomaly_ms the gate only reduces. */
export function observeLatency(s: RiskState, ms: number, limits: RiskLimits, nowMs: number, scope = "*"): Transition {
  return setOrClear(s, ms > limits.latency_anomaly_ms, "latency_anomaly", scope, `${ms} ms`, nowMs);
}

/** Top-of-book depth of a market in USD; vanishing depth halts that market. */
export function observeDepth(s: RiskState, market: string, depthUsd: number, limits: RiskLimits, nowMs: number): Transition {
  return setOrClear(s, depthUsd < limits.min_depth_usd, "depth_vanished", market, `depth ${depthUsd.toFixed(2)} USD`, nowMs);
}

type Streak = "slippage" | "signerErrors" | "venueErrors";

function streak(s: RiskState, which: Streak, bad: boolean, max: number, kind: TriggerKind, detail: string, nowMs: number): Transition {
  const n = bad ? s.streaks[which] + 1 : 0;
  const next = { ...s, streaks: { ...s.streaks, [which]: n } };
  return bad && n >= max ? trigger(next, kind, "*", `${n} in a row: ${detail}`, nowMs) : { state: next, actions: [] };
}

/** Slippage of one fill against its decision-time reference, bps (positive = worse). */
export function observeSlippage(s: RiskState, slippageBps: number, limits: RiskLimits, nowMs: number): Transition {
  const bad = slippageBps > limits.slippage_limit_bps;
  return streak(s, "slippage", bad, limits.max_consecutive_slippage, "slippage_streak", `${slippageBps.toFixed(1)} bps`, nowMs);
}

/** One signer call: ok resets the streak, an error extends it. */
export function observeSigner(s: RiskState, okCall: boolean, limits: RiskLimits, nowMs: number, detail = "signer error"): Transition {
  return streak(s, "signerErrors", !okCall, limits.max_consecutive_signer_errors, "signer_errors", detail, nowMs);
}

/** One venue response: ok resets the streak, an error (rejection, 4xx/5xx) extends it. */
export function observeVenue(s: RiskState, okCall: boolean, limits: RiskLimits, nowMs: number, detail = "venue error"): Transition {
  return streak(s, "venueErrors", !okCall, limits.max_consecutive_venue_errors, "venue_errors", detail, nowMs);
}

export interface Liveness {
  /** Per market: last frame received on its market-data connection (ms). */
  marketFeeds: Record<string, number>;
  /** Per venue: last frame received on the private (fills/orders) stream (ms). */
  privateStreams: Partial<Record<Venue, number>>;
}

/** Stale market feeds halt their market; a silent private stream halts its venue (we would trade blind). */
export function observeLiveness(s: RiskState, l: Liveness, limits: RiskLimits, nowMs: number): Transition {
  let state = s;
  const actions: RiskAction[] = [];
  for (const market in l.marketFeeds) {
    const age = nowMs - l.marketFeeds[market]!;
    const t = setOrClear(state, age > limits.stale_feed_ms, "stale_feed", market, `no frame for ${age} ms`, nowMs);
    state = t.state;
    actions.push(...t.actions);
  }
  for (const venue in l.privateStreams) {
    const age = nowMs - l.privateStreams[venue as Venue]!;
    const t = setOrClear(state, age > limits.private_stream_silence_ms, "private_stream_silent", `venue:${venue}`, `no frame for ${age} ms`, nowMs);
    state = t.state;
    actions.push(...t.actions);
  }
  return { state, actions };
}

/** stop_on_disconnect: a lost venue session cancels that venue's orders (optionally flattens) and halts it. */
export function venueDisconnected(s: RiskState, venue: Venue, limits: RiskLimits, nowMs: number): Transition {
  if (!limits.stop_on_disconnect) return { state: s, actions: [] };
  const t = trigger(s, "venue_disconnected", `venue:${venue}`, "session lost", nowMs);
  if (limits.flatten_on_disconnect && t.actions.length > 0) {
    t.actions.push({ kind: "flatten", venue, reason: "venue_disconnected: flatten_on_disconnect" });
  }
  return t;
}

/** After reconnect and a clean reconciliation the runtime lets the venue trade again. */
export function venueReconnected(s: RiskState, venue: Venue): RiskState {
  return clearTrigger(s, "venue_disconnected", `venue:${venue}`);
}

export type ResumeError = { kind: "drawdown_still_breached"; drawdownUsd: number };

/**
 * Manual resume: clears the kill switch and every latching trigger (live conditions such as a
 * stale feed stay until they clear). If the drawdown from the peak is still beyond the limit,
 * resuming would re-kill at the next mark, so it is refused unless the operator explicitly
 * resets the peak to the current equity.
 */
export function resume(s: RiskState, opts: { resetPeak: boolean }, limits: RiskLimits): Result<RiskState, ResumeError> {
  const dd = drawdown(s);
  if (dd > limits.max_drawdown_usd && !opts.resetPeak) return err({ kind: "drawdown_still_breached", drawdownUsd: dd });
  const triggers: RiskState["triggers"] = {};
  for (const id in s.triggers) {
    const t = s.triggers[id]!;
    if (!TRIGGER_POLICY[t.kind].latch) triggers[id] = t;
  }
  return ok({
    ...s,
    killed: false,
    killReason: null,
    killedMs: null,
    triggers,
    streaks: { slippage: 0, signerErrors: 0, venueErrors: 0 },
    equityPeakUsd: opts.resetPeak ? s.equityUsd : s.equityPeakUsd,
  });
}

/** Operator switch to reduce-only everywhere (latching: cleared by resume). */
export function setReducing(s: RiskState, detail: string, nowMs: number): Transition {
  return trigger(s, "manual_reducing", "*", detail, nowMs);
}
