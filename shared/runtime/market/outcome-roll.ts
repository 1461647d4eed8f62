/**
 * A recurring HIP-4 outcome settles at its expiry and the venue lists the next instance of the
 * series under a new outcome index (SPEC §2 "the outcome universe rolls at each settlement";
 * reference/hyperliquid.md §5.2: at most one recurring series per class, underlying and period).
 * Pure: the MarketDO feeds it outcomeMeta, the venue clock and whether the settlement fills have
 * reached the account; it says whether to keep trading, wait, roll to the successor or stop.
 */
import { err, ok, type Result } from "../../core/result";
import type { MarketEngineConfig, MarketEngineState } from "../../engine/types";
import type { OutcomeMetaResponse, OutcomeSpec as VenueOutcome } from "../../venues/hyperliquid/info-schemas";
import { parseOutcomeDescription } from "../../venues/hyperliquid/outcome-ticker";
import { outcomeExpiryMs } from "./setup";

/** The outcome instance a market trades now, as outcomeMeta described it when it was set up. */
export interface OutcomeTrack {
  outcome: number;
  /** Side-0 (YES) wire coin, "#150". */
  coin: string;
  description: string;
  expiryMs: number;
  /** "live" while it trades; "settled" once the venue settled it and the market stopped or waits for a successor. */
  state: "live" | "settled";
  /** The successor's YES coin once known (named in the status of a market that does not roll). */
  successor: string | null;
  /** Every roll so far, oldest first (the last 20). */
  rolls: { from: string; to: string; atMs: number }[];
  note: string | null;
}

/** How long past the settlement a roll waits for the settlement fills to reach the account. */
export const SETTLEMENT_FILL_WAIT_MS = 120_000;
const ROLLS_KEPT = 20;

export const outcomeCoinOf = (outcome: number): string => `#${10 * outcome}`;

/** The track of a freshly configured outcome, or null for an outcome outcomeMeta does not list or date. */
export function trackOf(o: VenueOutcome): OutcomeTrack | null {
  const expiry = parseOutcomeDescription(o.description)?.expiry;
  const expiryMs = expiry === undefined ? null : outcomeExpiryMs(expiry);
  if (expiryMs === null) return null;
  return { outcome: o.outcome, coin: outcomeCoinOf(o.outcome), description: o.description, expiryMs, state: "live", successor: null, rolls: [], note: null };
}

/**
 * The next instance of `current`'s series in `meta`: same class, underlying and period, the
 * earliest expiry after the current one. Only priceBinary series roll (a bucket series lists
 * several outcomes per instance, so "the" successor would be a choice).
 */
export function successorOutcome(current: Pick<VenueOutcome, "outcome" | "description">, meta: OutcomeMetaResponse): Result<VenueOutcome, string> {
  const d = parseOutcomeDescription(current.description);
  if (d === null || d.underlying === undefined || d.period === undefined || d.expiry === undefined) return err(`outcome ${current.outcome} is not a recurring series ("${current.description}")`);
  if (d.class !== "priceBinary") return err(`outcome ${current.outcome} is a ${d.class} series; only priceBinary series roll`);
  const after = outcomeExpiryMs(d.expiry);
  if (after === null) return err(`outcome ${current.outcome}: bad expiry ${d.expiry}`);
  let best: { o: VenueOutcome; expiryMs: number }[] = [];
  for (const o of meta.outcomes) {
    if (o.outcome === current.outcome) continue;
    const c = parseOutcomeDescription(o.description);
    if (c === null || c.class !== d.class || c.underlying !== d.underlying || c.period !== d.period || c.expiry === undefined) continue;
    const e = outcomeExpiryMs(c.expiry);
    if (e === null || e <= after) continue;
    if (best.length === 0 || e < best[0]!.expiryMs) best = [{ o, expiryMs: e }];
    else if (e === best[0]!.expiryMs) best.push({ o, expiryMs: e });
  }
  if (best.length === 0) return err(`no ${d.underlying} ${d.period} ${d.class} outcome after ${d.expiry} is listed yet`);
  if (best.length > 1) return err(`outcomes ${best.map((b) => b.o.outcome).join(", ")} all continue the series`);
  return ok(best[0]!.o);
}

export type SettlementStep =
  | { kind: "trading" }
  | { kind: "waiting"; why: string }
  | { kind: "roll"; to: VenueOutcome; track: OutcomeTrack }
  | { kind: "stop"; track: OutcomeTrack };

export interface SettlementInput {
  track: OutcomeTrack;
  roll: boolean;
  venueNowMs: number;
  /** outcomeMeta as the venue lists it now (null: not read, e.g. before expiry). */
  meta: OutcomeMetaResponse | null;
  /** Both legs of the settled outcome are flat in the account (its settlement fills were applied). */
  legsFlat: boolean;
}

/** What a market on `track` does now. */
export function settlementStep(x: SettlementInput): SettlementStep {
  const t = x.track;
  if (x.venueNowMs < t.expiryMs) return { kind: "trading" };
  if (x.meta === null) return { kind: "waiting", why: "outcomeMeta not read" };
  if (x.meta.outcomes.some((o) => o.outcome === t.outcome)) return { kind: "waiting", why: `${t.coin} expired and is not settled yet` };
  const next = successorOutcome(t, x.meta);
  const name = next.ok ? outcomeCoinOf(next.value.outcome) : null;
  if (!x.roll) {
    const note = `settled ${t.coin}${name === null ? "" : `; successor ${name} (roll off)`}`;
    return { kind: "stop", track: { ...t, state: "settled", successor: name, note } };
  }
  if (!next.ok) return { kind: "waiting", why: `settled ${t.coin}: ${next.error}` };
  const nextTrack = trackOf(next.value);
  if (nextTrack === null) return { kind: "waiting", why: `settled ${t.coin}: successor ${name} has no expiry` };
  if (!x.legsFlat && x.venueNowMs - t.expiryMs < SETTLEMENT_FILL_WAIT_MS) return { kind: "waiting", why: `settled ${t.coin}: waiting for the settlement fills` };
  const rolls = [...t.rolls, { from: t.coin, to: nextTrack.coin, atMs: x.venueNowMs }].slice(-ROLLS_KEPT);
  return { kind: "roll", to: next.value, track: { ...nextTrack, rolls, note: `rolled ${t.coin} -> ${nextTrack.coin}` } };
}

/**
 * What the engine learned that still applies after a roll: the decision counter, the trust
 * scores and the pipelines of coins it still trades (parity's perp); the settled outcome's own
 * book, volatility and regimes describe a contract that no longer exists and start afresh.
 */
export function carryEngineState(state: MarketEngineState, next: MarketEngineConfig): MarketEngineState {
  const coins = new Set(next.pipelines.map((p) => p.coin));
  return { ...state, id: next.id, pipelines: state.pipelines.filter((p) => coins.has(p.coin)) };
}
