/**
 * Never quote past expiry (SPEC §2, §7.1): from `stop_before_expiry_ms` before an outcome's
 * expiry its engine pulls every quote and sends nothing, because at the expiry the venue settles
 * the outcome and cancels what rests on it (reference/hyperliquid.md §5.2), and the last seconds
 * before it are where the settlement mark is read.
 *
 * The expiry is a venue time, so the rule is judged on the venue's clock, estimated from the
 * exchange timestamps of the frames: the largest `exchange ts − local receive time` seen. Latency
 * only makes a frame look older, so the largest offset is the closest to the venue's clock; the
 * rule takes whichever of the two clocks is later, so an unknown or lagging offset can only make
 * it stop sooner, never later.
 */
import type { MarketConfig } from "../config/bot";
import type { OutcomeSpec, StrategySpec } from "./types";

export class VenueClock {
  private offsetMs: number | null = null;

  /** A frame stamped `exchangeTs` by the venue arrived at local `nowMs`. */
  observe(exchangeTs: number, nowMs: number): void {
    if (!Number.isFinite(exchangeTs) || exchangeTs <= 0) return;
    const off = exchangeTs - nowMs;
    if (this.offsetMs === null || off > this.offsetMs) this.offsetMs = off;
  }

  /** The venue's time now, never before the local clock. */
  now(nowMs: number): number {
    return this.offsetMs === null ? nowMs : Math.max(nowMs, nowMs + this.offsetMs);
  }

  get offset(): number | null {
    return this.offsetMs;
  }
}

/** The outcome a strategy trades, if it trades one. */
export function strategyOutcome(s: StrategySpec): OutcomeSpec | null {
  return s.kind === "ofi" ? null : s.outcome;
}

/** The stop knob of the strategy's own config section. */
export function stopBeforeExpiryMs(s: StrategySpec, params: MarketConfig): number {
  return s.kind === "parity" ? params.parity.stop_before_expiry_ms : params.mm.stop_before_expiry_ms;
}

/** When the engine stops trading its outcome (venue ms), or null for a strategy without one. */
export function stopAtMs(s: StrategySpec, params: MarketConfig): number | null {
  const o = strategyOutcome(s);
  return o === null ? null : o.expiryMs - stopBeforeExpiryMs(s, params);
}

/** Why nothing may be quoted at venue time `venueNowMs`, or null while the outcome still trades. */
export function expiryStopReason(s: StrategySpec, params: MarketConfig, venueNowMs: number): string | null {
  const o = strategyOutcome(s);
  const stop = stopAtMs(s, params);
  if (o === null || stop === null || venueNowMs < stop) return null;
  if (venueNowMs >= o.expiryMs) return `outcome expired ${Math.round((venueNowMs - o.expiryMs) / 1000)} s ago`;
  return `outcome expires in ${Math.ceil((o.expiryMs - venueNowMs) / 1000)} s: stopped ${stopBeforeExpiryMs(s, params) / 1000} s before expiry`;
}
