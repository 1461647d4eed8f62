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
