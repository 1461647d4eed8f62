/**
 * The backtest strategies (`--strategy as|fixed|parity|ofi`) as setups over the recordings:
 * instruments from the recording's metadata, one MarketEngine config per traded market (the
 * pipelines of scripts/lib/recordings.ts, the SPEC defaults of shared/config with the few
 * overrides each market needs, named below), the account and its risk limits, the venue's
 * matching markets and fees, what marks what, and the inventory bounds the report checks.
 */
import { parseBotConfig, resolveMarket, updateBotConfig, type BotConfig } from "../../shared/config";
import { err, ok, type Result } from "../../shared/core/result";
import { loadHip4Meta } from "../../shared/data/hip4-jsonl";
import { newLoadStats } from "../../shared/data/load-stats";
import type { Instrument } from "../../shared/execution/types";
import type { BacktestSetup } from "../../shared/backtest/backtest";
import { DEFAULT_LATENCY, type LatencyConfig } from "../../shared/backtest/latency";
import type { AccountEngineConfig, MarketEngineConfig, OutcomeSpec, StrategySpec } from "../../shared/engine/types";
import { OUTCOME_FEES, PERP_TIER0_FEES } from "../../shared/matching/fees";
import type { PipelineConfig } from "../../shared/pipeline/config";
import { liquidityTerm } from "../../shared/strategies/avellaneda";
import { parseOutcomeDescription } from "../../shared/venues/hyperliquid/outcome-ticker";
import { readLines, repoPath } from "./files";
import type { RecordingSpec } from "./recordings";

export const STRATEGIES = ["as", "fixed", "parity", "ofi"] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** Which recording each strategy is meant for. */
export const DEFAULT_RECORDING: Record<StrategyName, string> = { as: "hip4-2026-05-10", fixed: "hip4-2026-05-10", parity: "hip4-2026-05-10", ofi: "btc-eth-2025-09-04" };

export interface PresetOptions {
  seed: number;
  latency: LatencyConfig;
  /** Patch over the preset's bot config (validated like any config update). */
  config?: unknown;
}

export const DEFAULT_PRESET: PresetOptions = { seed: 1, latency: DEFAULT_LATENCY };

const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear", minNotionalUsd: 10 };
const ETH: Instrument = { market: "hl:ETH", venue: "hl", pxDecimals: 2, szDecimals: 4, payoff: "linear", minNotionalUsd: 10 };

/** The perps the presets know, by base asset: on any dex ("rpl:ETH") the same lots and ticks. */
export const PERP_SCALES: Readonly<Record<string, { pxDecimals: number; szDecimals: number }>> = { BTC, ETH };

/** A perp instrument of a coin whose scale the presets know. */
export function perpInstrument(coin: string, base: string): Instrument | null {
  const s = PERP_SCALES[base];
  return s === undefined ? null : { market: `hl:${coin}`, venue: "hl", pxDecimals: s.pxDecimals, szDecimals: s.szDecimals, payoff: "linear", minNotionalUsd: 10 };
}

/**
 * Overrides of the SPEC defaults for these recordings:
 * - mm.tick 0.0001: the recorded outcome prices have 5 decimals; a 0.0001 grid keeps every quote a
 *   valid price (≤ 5 significant figures) and finer than the recorded spread;
 * - mm.order_size 250 (max_inventory 2500, Q = 10 quotes): YES trades at 0.95–0.999 here, so the
 *   NO leg costs 0.001–0.05 and needs 200+ shares to clear the 10 USDH minimum;
 * - mm.kappa 900: the shared half-spread (1/γ)·ln(1 + γ/κ) is then 0.0011, half the recording's
 *   median #150 touch spread of 0.0022 (11,824 two-sided snapshots);
 * - risk.max_per_market_qty 5000: the gate counts an order being replaced and its replacement
 *   together (worst case), so it needs room for two quotes beyond the quoter's own bound;
 * - parity: room for the perp hedge, and the outcome capped at 1000 contracts (per_market_qty of
 *   its group): a digital's delta is large next to its premium (1000 NO two hours out hedge with
 *   ~0.5 BTC, ~$43k, against 50k of gross notional);
 * - ofi: ETH lots of 0.0001, so 50 lots (0.005 ETH, ~$22) clears the $10 minimum.
 */
const PRESET_CONFIG = {
  strategies: { mm: { tick: "0.0001", order_size: 250, max_inventory: 2_500, kappa: 900 }, ofi: { order_size: 50, max_position: 500 } },
  risk: { max_per_market_qty: 5_000, max_gross_notional_usd: 50_000, max_order_notional_usd: 10_000 },
};

function hip4Outcome(dir: string): Result<{ outcome: OutcomeSpec; strike: number; group: string }, string> {
  const stats = newLoadStats();
  const q = loadHip4Meta(readLines(repoPath(dir, "prediction_binary__question_meta__Q1000015.jsonl")), stats);
  const m = loadHip4Meta(readLines(repoPath(dir, "prediction_binary__market_meta__H150.jsonl")), stats);
  const desc = parseOutcomeDescription(q[q.length - 1]?.fields["question_description"] ?? "");
  const exp = desc?.expiry === undefined ? null : /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(desc.expiry);
  const strike = Number(desc?.targetPrice);
  const idx = m[m.length - 1]?.fields["outcome_idx"];
  if (exp === null || !(strike > 0) || idx === undefined) return err("HIP-4 metadata lacks expiry, targetPrice or outcome_idx");
  const [, y, mo, d, h, mi] = exp.map(Number) as [number, number, number, number, number, number];
  const group = `hl:out${idx}`;
  const leg = (coin: string, sign: 1 | -1): Instrument => ({ market: `hl:${coin}`, venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group, groupSign: sign, minNotionalUsd: 10 });
  return ok({ outcome: { yes: leg("#150", 1), no: leg("#151", -1), expiryMs: Date.UTC(y, mo - 1, d, h, mi) }, strike, group });
}

function account(cfg: BotConfig, instruments: Instrument[]): AccountEngineConfig {
  return {
    cloidPrefix: "00000000000b7e57",
    startingCashUsd: 10_000,
    instruments,
    limits: cfg.risk,
    execution: cfg.execution,
    feedback: cfg.feedback,
    flattenSlippageBps: 100,
    retainFinishedMs: 60_000,
  };
}

/** The presets' bot config with the caller's patch over it (validated like any config update). */
export function presetConfig(opts: PresetOptions): Result<BotConfig, string> {
  const base = parseBotConfig(PRESET_CONFIG);
  const cfgR = base.ok && opts.config !== undefined ? updateBotConfig(base.value, opts.config) : base;
  return cfgR.ok ? ok(cfgR.value) : err(JSON.stringify(cfgR.error));
}

function engine(cfg: BotConfig, id: string, s: StrategySpec, pipelines: PipelineConfig[]): Result<MarketEngineConfig, string> {
  const params = resolveMarket(cfg, id);
  if (!params.ok) return err(JSON.stringify(params.error));
  return ok({ id, strategy: s, params: params.value, router: cfg.execution.router, feedback: cfg.feedback, pipelines, staleFeedMs: cfg.risk.stale_feed_ms });
}

export interface PerpLeg {
  coin: string;
  inst: Instrument;
  pipe: PipelineConfig;
}

type Common = Pick<BacktestSetup, "strategy" | "recording" | "latency" | "seed">;

/** OFI lead-lag on the lag perp (SPEC §7.4), the lead perp marked and matched alongside. */
export function ofiSetup(cfg: BotConfig, common: Common, lag: PerpLeg, lead: PerpLeg): Result<BacktestSetup, string> {
  const e = engine(cfg, lag.inst.market, { kind: "ofi", perp: lag.inst }, [lag.pipe]);
  if (!e.ok) return e;
  return ok({
    ...common,
    engines: [e.value],
    account: account(cfg, [lag.inst, lead.inst]),
    venue: [lag, lead].map((l) => ({ coin: l.coin, pxDecimals: l.inst.pxDecimals, szDecimals: l.inst.szDecimals, fees: PERP_TIER0_FEES })),
    marks: [lag, lead].map((l) => ({ inst: l.inst, coin: l.coin, mirror: false })),
    inventory: [{ key: lag.inst.market, legs: [{ market: lag.inst.market, sign: 1 }], bound: cfg.strategies.ofi.max_position }],
  });
}

export function backtestSetup(strategy: StrategyName, rec: RecordingSpec, opts: PresetOptions = DEFAULT_PRESET): Result<BacktestSetup, string> {
  if (rec.name !== DEFAULT_RECORDING[strategy]) return err(`strategy ${strategy} runs on ${DEFAULT_RECORDING[strategy]}, not ${rec.name}`);
  const cfgR = presetConfig(opts);
  if (!cfgR.ok) return cfgR;
  const cfg = cfgR.value;
  const pipes = new Map<string, PipelineConfig>(rec.markets().map((p) => [p.coin, p]));
  const common = { strategy, recording: rec.name, latency: opts.latency, seed: opts.seed };

  if (strategy === "ofi") {
    const eth = pipes.get("ETH");
    const btc = pipes.get("BTC");
    if (eth === undefined || btc === undefined) return err("recording lacks BTC/ETH pipelines");
    return ofiSetup(cfg, common, { coin: "ETH", inst: ETH, pipe: eth }, { coin: "BTC", inst: BTC, pipe: btc });
  }

  const o = hip4Outcome(rec.dir);
  if (!o.ok) return o;
  const { outcome, strike, group } = o.value;
  const yesPipe = pipes.get("#150");
  const btcPipe = pipes.get("BTC");
  if (yesPipe === undefined || btcPipe === undefined) return err("recording lacks #150/BTC pipelines");
  const venue = [
    { coin: "#150", dualCoin: "#151", pxDecimals: 5, szDecimals: 0, fees: OUTCOME_FEES },
    { coin: "BTC", pxDecimals: 1, szDecimals: 5, fees: PERP_TIER0_FEES },
  ];
  const marks = [
    { inst: outcome.yes, coin: "#150", mirror: false },
    { inst: outcome.no, coin: "#150", mirror: true },
    { inst: BTC, coin: "BTC", mirror: false },
  ];
  const outcomeKey = { key: group, legs: [{ market: outcome.yes.market, sign: 1 as const }, { market: outcome.no.market, sign: -1 as const }] };
  const mm = cfg.strategies.mm;
  if (strategy === "parity") {
    const capped = updateBotConfig(cfg, { risk: { per_market_qty: { [group]: 1_000 } } });
    if (!capped.ok) return err(JSON.stringify(capped.error));
    const btc = { ...btcPipe, vol: { ...btcPipe.vol, halfLifeSec: cfg.strategies.parity.vol_half_life_secs } };
    const e = engine(cfg, "hl:#150", { kind: "parity", outcome, perp: BTC, strike }, [yesPipe, btc]);
    if (!e.ok) return e;
    return ok({
      ...common,
      engines: [e.value],
      account: account(capped.value, [outcome.yes, outcome.no, BTC]),
      venue,
      marks,
      inventory: [
        { ...outcomeKey, bound: 1_000 },
        { key: BTC.market, legs: [{ market: BTC.market, sign: 1 }], bound: Math.round(cfg.strategies.parity.max_hedge_btc * 10 ** BTC.szDecimals) },
      ],
    });
  }
  // The baseline's half-spread is the AS spread without its inventory and volatility terms,
  // (1/γ)·ln(1 + γ/κ), the part both strategies share.
  const s: StrategySpec = strategy === "as" ? { kind: "mm", outcome } : { kind: "fixed", outcome, halfSpread: liquidityTerm(mm.gamma, mm.kappa) };
  const e = engine(cfg, "hl:#150", s, [yesPipe]);
  if (!e.ok) return e;
  return ok({ ...common, engines: [e.value], account: account(cfg, [outcome.yes, outcome.no, BTC]), venue, marks, inventory: [{ ...outcomeKey, bound: mm.max_inventory }] });
}
