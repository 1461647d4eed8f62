/**
 * The whole trading config: every section with its defaults, plus per-market overrides
 * (SPEC §16: every knob per strategy and per market). Validation happens at start-up and on
 * every update; a bad value is refused with the field and the reason, and because
 * `updateBotConfig` is pure the running config simply stays as it was.
 */
import { z } from "zod";
import { err, ok } from "../core/result";
import type { KellyConfig } from "../sizing/kelly";
import { EXECUTION_DEFAULTS, ExecutionSchema, FEEDBACK_DEFAULTS, FeedbackSchema } from "./execution";
import { deepMerge, issuesOf, parseSection, type ConfigIssue, type ConfigResult } from "./parse";
import { KELLY_DEFAULTS, kellyFields, KellySchema, RISK_DEFAULTS, RiskSchema } from "./risk";
import {
  ARB_DEFAULTS,
  ArbSchema,
  MM_DEFAULTS,
  mmFields,
  MmSchema,
  OFI_DEFAULTS,
  ofiFields,
  OfiSchema,
  PARITY_DEFAULTS,
  parityFields,
  ParitySchema,
  type MmConfig,
  type OfiConfig,
  type ParityConfig,
} from "./strategies";

const MarketOverrideSchema = z.strictObject({
  enabled: z.boolean().optional(),
  mm: z.strictObject(mmFields).partial().optional(),
  parity: z.strictObject(parityFields).partial().optional(),
  ofi: z.strictObject(ofiFields).partial().optional(),
  kelly: z.strictObject(kellyFields).partial().optional(),
});
export type MarketOverride = z.infer<typeof MarketOverrideSchema>;

export const BotConfigSchema = z.strictObject({
  strategies: z.strictObject({ mm: MmSchema, arb: ArbSchema, parity: ParitySchema, ofi: OfiSchema }),
  kelly: KellySchema,
  risk: RiskSchema,
  execution: ExecutionSchema,
  feedback: FeedbackSchema,
  markets: z.record(z.string().min(1), MarketOverrideSchema),
});
export type BotConfig = z.infer<typeof BotConfigSchema>;

export const BOT_DEFAULTS: BotConfig = {
  strategies: { mm: MM_DEFAULTS, arb: ARB_DEFAULTS, parity: PARITY_DEFAULTS, ofi: OFI_DEFAULTS },
  kelly: KELLY_DEFAULTS,
  risk: RISK_DEFAULTS,
  execution: EXECUTION_DEFAULTS,
  feedback: FEEDBACK_DEFAULTS,
  markets: {},
};

/** What one market trades with: the top-level sections with that market's overrides applied. */
export interface MarketConfig {
  enabled: boolean;
  mm: MmConfig;
  parity: ParityConfig;
  ofi: OfiConfig;
  kelly: KellyConfig;
}

function merged<S extends z.ZodType>(schema: S, base: unknown, over: unknown, path: string): ConfigResult<z.infer<S>> {
  const r = schema.safeParse(deepMerge(base, over ?? {}));
  return r.success ? ok(r.data) : err(issuesOf(r.error, path));
}

export function resolveMarket(cfg: BotConfig, market: string): ConfigResult<MarketConfig> {
  const o = cfg.markets[market] ?? {};
  const at = (s: string): string => `markets.${market}.${s}`;
  const mm = merged(MmSchema, cfg.strategies.mm, o.mm, at("mm"));
  const parity = merged(ParitySchema, cfg.strategies.parity, o.parity, at("parity"));
  const ofi = merged(OfiSchema, cfg.strategies.ofi, o.ofi, at("ofi"));
  const kelly = merged(KellySchema, cfg.kelly, o.kelly, at("kelly"));
  const issues: ConfigIssue[] = [mm, parity, ofi, kelly].flatMap((r) => (r.ok ? [] : r.error));
  if (!mm.ok || !parity.ok || !ofi.ok || !kelly.ok) return err(issues);
  return ok({ enabled: o.enabled ?? true, mm: mm.value, parity: parity.value, ofi: ofi.value, kelly: kelly.value });
}

/** Start-up validation: defaults under the document, then every market's merged view. */
export function parseBotConfig(input: unknown): ConfigResult<BotConfig> {
  const r = parseSection(BotConfigSchema, BOT_DEFAULTS, input);
  if (!r.ok) return r;
  const issues = Object.keys(r.value.markets).flatMap((m) => {
    const res = resolveMarket(r.value, m);
    return res.ok ? [] : res.error;
  });
  return issues.length > 0 ? err(issues) : r;
}

/** Hot reload: `patch` over the running config, validated as a whole; on error keep `current`. */
export function updateBotConfig(current: BotConfig, patch: unknown): ConfigResult<BotConfig> {
  return parseBotConfig(deepMerge(current, patch));
}
