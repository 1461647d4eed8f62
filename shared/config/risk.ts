/**
 * Risk limits (SPEC §10) and Kelly safeguards (SPEC §8). Halts on a stale market feed after
 * 10 s and on a blind private stream after 15 s follow poly-maker's production settings
 * (peers.md §1.8); the latency anomaly threshold sits above Hyperliquid's ~1 s order round trip.
 */
import { z } from "zod";
import type { RiskLimits } from "../risk/types";
import type { KellyConfig } from "../sizing/kelly";
import { parseSection, type ConfigResult } from "./parse";

const pos = z.number().positive();
const posInt = z.int().positive();

export const riskFields = {
  max_open_orders_per_market: posInt,
  max_per_market_qty: pos,
  per_market_qty: z.record(z.string().min(1), pos),
  max_order_notional_usd: pos,
  max_gross_notional_usd: pos,
  max_drawdown_usd: pos,
  max_submits_per_min: posInt,
  max_px_deviation_bps: pos,
  latency_anomaly_ms: posInt,
  min_depth_usd: z.number().nonnegative(),
  slippage_limit_bps: pos,
  max_consecutive_slippage: posInt,
  max_consecutive_signer_errors: posInt,
  max_consecutive_venue_errors: posInt,
  stale_feed_ms: posInt,
  private_stream_silence_ms: posInt,
  stop_on_disconnect: z.boolean(),
  flatten_on_disconnect: z.boolean(),
};

export const RiskSchema = z.strictObject(riskFields).superRefine((c, ctx) => {
  if (c.max_order_notional_usd > c.max_gross_notional_usd) {
    ctx.addIssue({ code: "custom", path: ["max_order_notional_usd"], message: "must not exceed max_gross_notional_usd" });
  }
  if (c.flatten_on_disconnect && !c.stop_on_disconnect) {
    ctx.addIssue({ code: "custom", path: ["flatten_on_disconnect"], message: "requires stop_on_disconnect" });
  }
});
export type RiskConfig = z.infer<typeof RiskSchema>;

export const RISK_DEFAULTS: RiskLimits = {
  max_open_orders_per_market: 10,
  max_per_market_qty: 1_000,
  per_market_qty: {},
  max_order_notional_usd: 1_000,
  max_gross_notional_usd: 10_000,
  max_drawdown_usd: 500,
  max_submits_per_min: 120,
  max_px_deviation_bps: 500,
  latency_anomaly_ms: 2_000,
  min_depth_usd: 50,
  slippage_limit_bps: 50,
  max_consecutive_slippage: 5,
  max_consecutive_signer_errors: 3,
  max_consecutive_venue_errors: 5,
  stale_feed_ms: 10_000,
  private_stream_silence_ms: 15_000,
  stop_on_disconnect: true,
  flatten_on_disconnect: false,
};

export const kellyFields = {
  fraction: z.number().gt(0).max(1),
  /** SPEC §8: 0.05–0.10; anything above 0.10 is refused. */
  max_fraction: z.number().gt(0).max(0.1),
  min_qty: z.number().nonnegative(),
  size_decimals: z.int().min(0).max(8),
};
export const KellySchema = z.strictObject(kellyFields);

export const KELLY_DEFAULTS: KellyConfig = { fraction: 0.25, max_fraction: 0.05, min_qty: 1, size_decimals: 0 };

export const parseRiskConfig = (input: unknown): ConfigResult<RiskLimits> => parseSection(RiskSchema, RISK_DEFAULTS, input);
export const parseKellyConfig = (input: unknown): ConfigResult<KellyConfig> => parseSection(KellySchema, KELLY_DEFAULTS, input);
