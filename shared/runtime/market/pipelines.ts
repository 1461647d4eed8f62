/**
 * Pipeline settings per kind of coin, for markets set up from venue metadata. They are the
 * settings the project's recordings are replayed with (scripts/lib/recordings.ts), so a market in
 * a Durable Object judges liquidity and volatility as the replays and backtests do.
 */
import type { BookScale } from "../../book/types";
import { defaultPipelineConfig, type PipelineConfig } from "../../pipeline/config";
import type { LeadLagConfig } from "../../signals/lead-lag";

/** Annualised volatility priors of the first seconds (SPEC §3), by perp base coin. */
const PERP_VOL_PRIOR: Readonly<Record<string, number>> = { BTC: 0.5, ETH: 0.6 };
const DEFAULT_PERP_VOL_PRIOR = 0.8;

/** Only the two numbers of a scale (an Instrument passed as a scale brings its other fields along). */
const scaleOf = (s: BookScale): BookScale => ({ pxDecimals: s.pxDecimals, szDecimals: s.szDecimals });

/** A HIP-4 outcome side: prices are probabilities, spreads in bps of the payout of 1. */
export function outcomePipeline(coin: string, scale: BookScale): PipelineConfig {
  const c = defaultPipelineConfig(coin, scaleOf(scale));
  c.payout = 1;
  c.vol.priorAnnualised = 1;
  c.volRegime = { lowBelow: 0.5, highAbove: 3, hysteresis: 0.1 };
  c.liquidity = { depthLevels: 5, illiquidSpreadBps: 150, liquidSpreadBps: 60, illiquidDepth: 100, liquidDepth: 200 };
  c.extreme = { ...c.extreme, burstMinNotional: 5_000 };
  return c;
}

/**
 * A perp (first dex or HIP-3). Liquidity is judged on the touch: a hedge needs the top level,
 * and a feed that carries only the best bid and offer (the HIP-4 recording's BTC) looks the same
 * as a full book there; depth collapse is off for the same reason.
 */
export function perpPipeline(coin: string, scale: BookScale, leadLag?: LeadLagConfig): PipelineConfig {
  const c = defaultPipelineConfig(coin, scaleOf(scale));
  const base = coin.slice(coin.indexOf(":") + 1);
  c.vol.priorAnnualised = PERP_VOL_PRIOR[base] ?? DEFAULT_PERP_VOL_PRIOR;
  c.liquidity = { ...c.liquidity, depthLevels: 1, illiquidDepth: 5_000, liquidDepth: 10_000 };
  c.extreme = { ...c.extreme, depthCollapseFraction: 0 };
  if (leadLag !== undefined) c.leadLag = leadLag;
  return c;
}

/** SPEC §4 lead-lag: window under 300 ms; the thresholds the BTC+ETH recording is scored with. */
export function leadLagConfig(lead: string, lag: string): LeadLagConfig {
  return { lead, lag, windowMs: 250, leadThresholdBps: 0.5, reflectedFraction: 0.5 };
}
