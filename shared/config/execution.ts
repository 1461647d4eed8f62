/**
 * Execution knobs (SPEC §9): router thresholds, acknowledgement timeout, reconciliation
 * (Nautilus-style grace period and missing-order retries, peers.md §1.2), stale-order age;
 * and the feedback knobs (SPEC §11) that shape the trust scores fed to the combiner.
 */
import { z } from "zod";
import type { TrustConfig } from "../feedback/trust";
import { parseSection, type ConfigResult } from "./parse";

const posInt = z.int().positive();

export const executionFields = {
  router: z.strictObject({ ofi_high: z.number().positive(), ofi_mid: z.number().nonnegative() }),
  ack_timeout_ms: posInt,
  stale_order_ms: posInt,
  reconcile: z.strictObject({
    grace_ms: posInt,
    missing_retries: posInt,
    external_orders: z.enum(["adopt", "cancel"]),
  }),
};

export const ExecutionSchema = z.strictObject(executionFields).superRefine((c, ctx) => {
  if (!(c.router.ofi_high > c.router.ofi_mid)) {
    ctx.addIssue({ code: "custom", path: ["router", "ofi_high"], message: "must exceed router.ofi_mid" });
  }
});
export type ExecutionConfig = z.infer<typeof ExecutionSchema>;

export const EXECUTION_DEFAULTS: ExecutionConfig = {
  router: { ofi_high: 2, ofi_mid: 1 },
  // Hyperliquid answers /exchange after the block commits (~0.4–1 s); 5 s without an answer is ambiguous.
  ack_timeout_ms: 5_000,
  stale_order_ms: 300_000,
  reconcile: { grace_ms: 3_000, missing_retries: 5, external_orders: "cancel" },
};

export const feedbackFields = {
  trust: z.strictObject({
    prior: z.number().positive(),
    min_weight: z.number().nonnegative(),
    max_weight: z.number().positive(),
    sensitivity: z.number().nonnegative(),
    learning_rate: z.number().gt(0).max(1),
    half_life_ms: posInt,
    return_scale: z.number().positive(),
  }),
  slippage_ewma_weight: z.number().gt(0).max(1),
};

export const FeedbackSchema = z.strictObject(feedbackFields).superRefine((c, ctx) => {
  const t = c.trust;
  if (!(t.min_weight <= t.prior && t.prior <= t.max_weight)) {
    ctx.addIssue({ code: "custom", path: ["trust", "prior"], message: "must lie within [min_weight, max_weight]" });
  }
});
export type FeedbackConfig = z.infer<typeof FeedbackSchema>;

const TRUST_DEFAULTS: TrustConfig = {
  prior: 1,
  min_weight: 0.25,
  max_weight: 2,
  sensitivity: 1,
  learning_rate: 0.05,
  half_life_ms: 3_600_000,
  return_scale: 0.001,
};

export const FEEDBACK_DEFAULTS: FeedbackConfig = { trust: TRUST_DEFAULTS, slippage_ewma_weight: 0.1 };

export const parseExecutionConfig = (input: unknown): ConfigResult<ExecutionConfig> => parseSection(ExecutionSchema, EXECUTION_DEFAULTS, input);
export const parseFeedbackConfig = (input: unknown): ConfigResult<FeedbackConfig> => parseSection(FeedbackSchema, FEEDBACK_DEFAULTS, input);
