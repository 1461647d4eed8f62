/**
 * Taker fee models per venue for the arbitrage (reference/polymarket-kalshi.md §1.8, §2.6,
 * hyperliquid.md §5.2): Polymarket charges per share `rate·(p(1−p))^exponent`; Kalshi rounds
 * `0.07·C·P·(1−P)` up per order; Hyperliquid outcome fees are currently zero (charged on close
 * or settle once enabled), so it is a configured bps of notional like `fee_bps_per_venue`.
 */
import { kalshiFee, type KalshiFeeSchedule } from "../venues/kalshi/fees";
import { platformFeeUsd } from "../venues/polymarket/fees";
import { formatScaled } from "../core/decimal";

export type FeeModel =
  | { kind: "bps"; bps: number }
  | { kind: "polymarket"; rate: number; exponent: number }
  | { kind: "kalshi"; schedule: KalshiFeeSchedule };

/** Fee in USD for taking `qty` contracts at `px` under every model of a leg (they add up). */
export function takerFeesUsd(models: readonly FeeModel[], px: number, qty: number): number {
  let total = 0;
  for (const m of models) total += takerFeeUsd(m, px, qty);
  return total;
}

/** The arbitrage config's fee view of one venue: its own formula plus `fee_bps_per_venue`. */
export interface VenueFeeSettings {
  fee_bps_per_venue: { hl: number; pm: number; ks: number };
  polymarket: { rate: number; exponent: number };
  kalshi: { taker_rate: string; multiplier: string; rounding: KalshiFeeSchedule["rounding"] };
}

export function venueFeeModels(venue: "hl" | "pm" | "ks", c: VenueFeeSettings): FeeModel[] {
  const extra: FeeModel = { kind: "bps", bps: c.fee_bps_per_venue[venue] };
  if (venue === "pm") return [{ kind: "polymarket", rate: c.polymarket.rate, exponent: c.polymarket.exponent }, extra];
  if (venue === "ks") {
    const k = c.kalshi;
    return [{ kind: "kalshi", schedule: { rate: k.taker_rate, multiplier: k.multiplier, rounding: k.rounding } }, extra];
  }
  // Hyperliquid outcome fees are zero for now (charged on close/settle once enabled): bps only.
  return [extra];
}

/** Fee in USD for taking `qty` contracts at `px`; Infinity when the model cannot price it. */
export function takerFeeUsd(model: FeeModel, px: number, qty: number): number {
  if (!(qty > 0)) return 0;
  switch (model.kind) {
    case "bps":
      return (model.bps / 1e4) * px * qty;
    case "polymarket":
      return platformFeeUsd(qty, px, model.rate, model.exponent);
    case "kalshi": {
      const f = kalshiFee(formatScaled(Math.round(qty * 100), 2), formatScaled(Math.round(px * 10_000), 4), model.schedule);
      return f.ok ? f.value.feeUsd : Number.POSITIVE_INFINITY;
    }
  }
}
