/**
 * Strategy knobs (SPEC §7, §16) with their defaults. Units follow the strategies: prices and
 * γ/κ of the outcome market maker in price units (probability), times in seconds or ms as named.
 * Defaults: the outcome market maker uses the GLFT outcome example of peers.md §5.5 (γ 5,
 * κ 200, A 0.05/s) with whole-share quotes that meet HIP-4's 10-unit minimum at mid prices.
 */
import { z } from "zod";
import { parseSection, type ConfigResult } from "./parse";

const pos = z.number().positive();
const nonneg = z.number().nonnegative();
const posInt = z.int().positive();
const nonnegInt = z.int().nonnegative();
/** A tick like "0.001": a power of ten between 0.00000001 and 0.1, as the venues list them. */
const tick = z.string().regex(/^0\.0{0,7}1$/, "must be a power of ten such as 0.01, 0.001 or 0.0001");

export const mmFields = {
  model: z.enum(["as", "glft", "auto"]),
  gamma: pos,
  kappa: pos,
  arrival_A: pos,
  order_size: pos,
  min_size: pos,
  max_inventory: pos,
  glft_switch_frac: z.number().gt(0).max(1),
  glft_sigma_step: z.number().min(0).max(0.5),
  reduce_only_secs: nonneg,
  /** From this long before an outcome's expiry every quote is pulled and nothing is sent on it. */
  stop_before_expiry_ms: nonnegInt,
  min_notional_usd: nonneg,
  vol_half_life_secs: pos,
  tick,
  /** Fraction of the bankroll a quote may put at risk (Kelly cap). */
  kelly_cap: z.number().gt(0).max(1),
  refresh_tolerance_ticks: nonnegInt,
  size_tolerance: z.number().min(0).max(1),
  min_order_age_ms: nonnegInt,
  urgent_ticks: posInt,
  churn_budget_per_min: posInt,
  max_order_age_ms: posInt,
};

export const MmSchema = z.strictObject(mmFields).superRefine((c, ctx) => {
  if (c.min_size > c.order_size) ctx.addIssue({ code: "custom", path: ["min_size"], message: "must not exceed order_size" });
  if (c.order_size > c.max_inventory) ctx.addIssue({ code: "custom", path: ["order_size"], message: "must not exceed max_inventory" });
  if (c.urgent_ticks <= c.refresh_tolerance_ticks) ctx.addIssue({ code: "custom", path: ["urgent_ticks"], message: "must exceed refresh_tolerance_ticks" });
});
export type MmConfig = z.infer<typeof MmSchema>;

export const MM_DEFAULTS: MmConfig = {
  model: "auto",
  gamma: 5,
  kappa: 200,
  arrival_A: 0.05,
  order_size: 25,
  min_size: 1,
  max_inventory: 500,
  glft_switch_frac: 0.5,
  glft_sigma_step: 0.05,
  reduce_only_secs: 900,
  stop_before_expiry_ms: 60_000,
  min_notional_usd: 10,
  vol_half_life_secs: 60,
  tick: "0.001",
  kelly_cap: 0.05,
  refresh_tolerance_ticks: 1,
  size_tolerance: 0.25,
  min_order_age_ms: 3_000,
  urgent_ticks: 5,
  churn_budget_per_min: 30,
  max_order_age_ms: 120_000,
};

const venueBps = z.strictObject({ hl: nonneg, pm: nonneg, ks: nonneg });

export const arbFields = {
  min_edge_bps: nonneg,
  max_notional_usd: pos,
  /** Variance of the locked pair (settlement-source basis), bps, for the fee-aware Kelly. */
  var_bps: pos,
  /** Extra taker fee per venue in bps of notional, on top of the venue's own model. */
  fee_bps_per_venue: venueBps,
  bridging_bps_polygon: nonneg,
  polymarket: z.strictObject({ rate: nonneg, exponent: z.number().finite() }),
  kalshi: z.strictObject({
    taker_rate: z.string().regex(/^\d+(\.\d+)?$/, "decimal string such as 0.07"),
    multiplier: z.string().regex(/^\d+(\.\d+)?$/, "decimal string such as 1"),
    rounding: z.enum(["cent", "centicent", "micro"]),
  }),
  max_repair_attempts: posInt,
  repair_slippage: z.number().min(0).max(0.5),
  leg_timeout_ms: posInt,
};
export const ArbSchema = z.strictObject(arbFields);
export type ArbConfig = z.infer<typeof ArbSchema>;

export const ARB_DEFAULTS: ArbConfig = {
  min_edge_bps: 50,
  max_notional_usd: 500,
  var_bps: 500,
  fee_bps_per_venue: { hl: 0, pm: 0, ks: 0 },
  bridging_bps_polygon: 10,
  // Polymarket crypto markets (clob-client-v2 production rates); per market from /clob-markets.
  polymarket: { rate: 0.072, exponent: 1 },
  // Kalshi taker 0.07·C·P·(1−P), rounded up to the cent: the conservative (older) rule.
  kalshi: { taker_rate: "0.07", multiplier: "1", rounding: "cent" },
  max_repair_attempts: 3,
  repair_slippage: 0.02,
  leg_timeout_ms: 10_000,
};

export const parityFields = {
  min_edge: z.number().gt(0).lt(1),
  delta_rebalance_thresh: pos,
  max_hedge_btc: pos,
  outcome_fee_per_share: z.number().min(0).lt(1),
  vol_half_life_secs: pos,
  /** From this long before the outcome's expiry no order is sent on it (hedges included). */
  stop_before_expiry_ms: nonnegInt,
};
export const ParitySchema = z.strictObject(parityFields);
export type ParityConfig = z.infer<typeof ParitySchema>;

export const PARITY_DEFAULTS: ParityConfig = {
  min_edge: 0.02,
  delta_rebalance_thresh: 0.01,
  max_hedge_btc: 1,
  outcome_fee_per_share: 0,
  vol_half_life_secs: 300,
  stop_before_expiry_ms: 60_000,
};

export const ofiFields = {
  alpha_min: z.number().gt(0).max(1),
  /** Lots per order of the traded perp. */
  order_size: posInt,
  max_position: posInt,
  ioc_slippage_ticks: nonnegInt,
  lead_symbol: z.string().min(1),
  lag_symbol: z.string().min(1),
};
export const OfiSchema = z.strictObject(ofiFields).superRefine((c, ctx) => {
  if (c.lead_symbol.toUpperCase() === c.lag_symbol.toUpperCase()) {
    ctx.addIssue({ code: "custom", path: ["lag_symbol"], message: "lead and lag must be different symbols" });
  }
  if (c.order_size > c.max_position) ctx.addIssue({ code: "custom", path: ["order_size"], message: "must not exceed max_position" });
});
export type OfiConfig = z.infer<typeof OfiSchema>;

export const OFI_DEFAULTS: OfiConfig = {
  alpha_min: 0.3,
  order_size: 10,
  max_position: 100,
  ioc_slippage_ticks: 2,
  lead_symbol: "BTC",
  lag_symbol: "ETH",
};

export const parseMmConfig = (input: unknown): ConfigResult<MmConfig> => parseSection(MmSchema, MM_DEFAULTS, input);
export const parseArbConfig = (input: unknown): ConfigResult<ArbConfig> => parseSection(ArbSchema, ARB_DEFAULTS, input);
export const parseParityConfig = (input: unknown): ConfigResult<ParityConfig> => parseSection(ParitySchema, PARITY_DEFAULTS, input);
export const parseOfiConfig = (input: unknown): ConfigResult<OfiConfig> => parseSection(OfiSchema, OFI_DEFAULTS, input);
