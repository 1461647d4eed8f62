/**
 * Trading fees on the exact grid. Hyperliquid charges a rate on the fill's notional
 * (px × sz, in the quote token); rates are given in parts per million so the published
 * schedule is exact (trading/fees.md: perps tier 0 taker 0.045 % = 450, maker 0.015 % = 150;
 * spot tier 0 taker 0.070 % = 700, maker 0.040 % = 400). HIP-4 outcomes currently charge
 * nothing ("Fees are currently zero for outcome markets", hip-4-outcome-markets.md).
 */
import type { FeeRates } from "./types";

export const QUOTE_DECIMALS = 6;

export const PERP_TIER0_FEES: FeeRates = { makerPpm: 150, takerPpm: 450 };
export const SPOT_TIER0_FEES: FeeRates = { makerPpm: 400, takerPpm: 700 };
export const OUTCOME_FEES: FeeRates = { makerPpm: 0, takerPpm: 0 };

const big10 = (k: number): bigint => 10n ** BigInt(k);

/** px (ticks at pxDecimals) × sz (lots at szDecimals) as micro-units of the quote, rounded half away from zero. */
export function notionalMicros(px: number, sz: number, pxDecimals: number, szDecimals: number): number {
  return scaleRound(BigInt(px) * BigInt(sz), pxDecimals + szDecimals - QUOTE_DECIMALS);
}

/** Fee in micro-units of the quote for one fill. */
export function feeMicros(px: number, sz: number, pxDecimals: number, szDecimals: number, ratePpm: number): number {
  if (ratePpm === 0) return 0;
  return scaleRound(BigInt(px) * BigInt(sz) * BigInt(ratePpm), pxDecimals + szDecimals - QUOTE_DECIMALS + 6);
}

/** Divides by 10^shift (or multiplies when shift < 0), rounding half away from zero. */
function scaleRound(v: bigint, shift: number): number {
  if (shift <= 0) return Number(v * big10(-shift));
  const d = big10(shift);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const q = (a + d / 2n) / d;
  return Number(neg ? -q : q);
}
