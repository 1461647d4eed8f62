/**
 * `npm run backtest -- --capture <path> --strategy ofi [--lead COIN --lag COIN]`: the backtest
 * over a live capture's books (SPEC §15, §17). What it refuses, and why:
 * - a historical capture: the matching model fills against recorded depth and prints, and a
 *   capture of candles or price history has neither (no trade is made up from a candle);
 * - as, fixed and parity: their presets are set up from the HIP-4 recording's market metadata
 *   (outcome, expiry, strike, the tuned quote size for that book), which a capture does not
 *   carry in that form; they run on `--recording hip4-2026-05-10`;
 * - a perp whose lot and tick the presets do not know (BTC and ETH on any dex are known).
 * The lead and lag default to BTC -> ETH on one dex when both were captured.
 */
import type { BacktestInput, BacktestSetup } from "../../shared/backtest/backtest";
import { err, ok, type Result } from "../../shared/core/result";
import { ofiSetup, perpInstrument, presetConfig, type PerpLeg, type PresetOptions, type StrategyName } from "./backtest-presets";
import { baseOf, capturePipelines, leadLagPair, type CaptureInput } from "./capture-input";
import { LEAD_LAG } from "./recordings";

export interface CaptureBacktest {
  setup: BacktestSetup;
  input: BacktestInput;
}

export function captureBacktest(strategy: StrategyName, c: CaptureInput, preset: PresetOptions, pair: { lead?: string; lag?: string } = {}): Result<CaptureBacktest, string> {
  if (c.loaded.source !== "live") {
    return err(`${c.name} is a historical capture (candles and price history): the backtest fills orders against recorded books and trades, which it does not hold, and no trade is made up from a candle; backtest a live capture`);
  }
  if (strategy !== "ofi") {
    return err(`strategy ${strategy} is set up from the HIP-4 recording's market metadata (outcome, expiry, strike, quote size); run it with --recording hip4-2026-05-10. A capture backtests the ofi strategy`);
  }
  const { markets } = capturePipelines(c);
  const coins = markets.map((m) => m.coin);
  const found = leadLagPair(coins);
  const lead = pair.lead ?? found?.lead;
  const lag = pair.lag ?? found?.lag;
  if (lead === undefined || lag === undefined) return err(`${c.name} has no BTC and ETH books on one dex (coins: ${coins.join(", ") || "none"}); name the pair with --lead and --lag`);
  const legs: PerpLeg[] = [];
  for (const coin of [lag, lead]) {
    const pipe = markets.find((m) => m.coin === coin);
    if (pipe === undefined) return err(`${c.name} holds no book of ${coin} (coins: ${coins.join(", ")})`);
    const inst = perpInstrument(coin, baseOf(coin));
    if (inst === null) return err(`no lot and tick known for ${coin}: the ofi preset trades BTC and ETH perps`);
    // The book holds prices at the instrument's grid: the venue's, not the capture's finest digits.
    const { leadLag: _auto, ...rest } = pipe;
    const scale = { pxDecimals: inst.pxDecimals, szDecimals: inst.szDecimals };
    legs.push({ coin, inst, pipe: coin === lag ? { ...rest, scale, leadLag: { lead, lag, ...LEAD_LAG } } : { ...rest, scale } });
  }
  const cfg = presetConfig(preset);
  if (!cfg.ok) return cfg;
  const setup = ofiSetup(cfg.value, { strategy, recording: c.name, latency: preset.latency, seed: preset.seed }, legs[0] as PerpLeg, legs[1] as PerpLeg);
  if (!setup.ok) return setup;
  const skipped: Record<string, number> = { ...c.loaded.stats.skipped };
  if (c.loaded.stats.reordered > 0) skipped["re-sorted by time"] = c.loaded.stats.reordered;
  return ok({ setup: setup.value, input: { events: c.loaded.events.books.filter((b) => b.coin === lead || b.coin === lag), skipped } });
}
