import { describe, expect, it } from "vitest";
import type { ReconcilePolicy } from "../execution/reconcile";
import type { RequotePolicy } from "../execution/requote";
import type { RouterThresholds } from "../execution/router";
import type { TrustConfig } from "../feedback/trust";
import type { RiskLimits } from "../risk/types";
import type { KellyConfig } from "../sizing/kelly";
import type { ArbParams } from "../strategies/arbitrage";
import type { ParityParams } from "../strategies/btc-parity";
import type { LegRiskPolicy } from "../strategies/leg-risk";
import type { OfiParams } from "../strategies/ofi-leadlag";
import type { MmParams } from "../strategies/outcome-quoter";
import type { VenueFeeSettings } from "../strategies/venue-fees";
import {
  BOT_DEFAULTS,
  parseArbConfig,
  parseBotConfig,
  parseExecutionConfig,
  parseFeedbackConfig,
  parseKellyConfig,
  parseMmConfig,
  parseOfiConfig,
  parseParityConfig,
  parseRiskConfig,
  resolveMarket,
  updateBotConfig,
} from "./index";

describe("config defaults", () => {
  it("parses an empty document into the SPEC defaults", () => {
    const r = parseBotConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(BOT_DEFAULTS);
    expect(r.value.kelly).toEqual({ fraction: 0.25, max_fraction: 0.05, min_qty: 1, size_decimals: 0 });
    expect(r.value.risk.stop_on_disconnect).toBe(true);
    expect(r.value.strategies.ofi).toMatchObject({ lead_symbol: "BTC", lag_symbol: "ETH" });
  });

  it("feeds every strategy, risk, execution and feedback function its typed parameters", () => {
    const c = BOT_DEFAULTS;
    // Compile-time: each config section is accepted where the code takes its parameters.
    const wired: [MmParams, RequotePolicy, ArbParams, LegRiskPolicy, VenueFeeSettings, ParityParams, OfiParams, KellyConfig, RiskLimits, RouterThresholds, ReconcilePolicy, TrustConfig] = [
      c.strategies.mm,
      c.strategies.mm,
      c.strategies.arb,
      c.strategies.arb,
      c.strategies.arb,
      c.strategies.parity,
      c.strategies.ofi,
      c.kelly,
      c.risk,
      c.execution.router,
      c.execution.reconcile,
      c.feedback.trust,
    ];
    expect(wired).toHaveLength(12);
  });

  it("fills in a partial section and keeps what was given", () => {
    const r = parseMmConfig({ gamma: 2, model: "as" });
    expect(r.ok && r.value).toMatchObject({ gamma: 2, model: "as", kappa: 200 });
    const arb = parseArbConfig({ polymarket: { rate: 0.04 } });
    expect(arb.ok && arb.value.polymarket).toEqual({ rate: 0.04, exponent: 1 });
  });
});

describe("a bad value is refused with the field and the reason", () => {
  it("names nested fields", () => {
    const r = parseBotConfig({ strategies: { mm: { gamma: -1 } }, risk: { max_drawdown_usd: "lots" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => i.path).sort()).toEqual(["risk.max_drawdown_usd", "strategies.mm.gamma"]);
    expect(r.error.find((i) => i.path === "strategies.mm.gamma")?.message).toMatch(/>0/);
  });

  it("refuses unknown keys (a typo is not silently ignored)", () => {
    const r = parseRiskConfig({ max_drawdown: 100 });
    expect(r).toMatchObject({ ok: false, error: [{ path: "", message: expect.stringContaining("max_drawdown") }] });
  });

  it("enforces the cross-field rules", () => {
    const cases: [ReturnType<typeof parseMmConfig> | ReturnType<typeof parseKellyConfig>, string][] = [
      [parseKellyConfig({ max_fraction: 0.2 }), "max_fraction"],
      [parseKellyConfig({ fraction: 0 }), "fraction"],
      [parseMmConfig({ order_size: 600 }), "order_size"],
      [parseMmConfig({ min_size: 50 }), "min_size"],
      [parseMmConfig({ tick: "0.003" }), "tick"],
      [parseMmConfig({ urgent_ticks: 1 }), "urgent_ticks"],
    ];
    for (const [r, path] of cases) expect(r.ok === false && r.error[0]?.path).toBe(path);
    expect(parseOfiConfig({ lag_symbol: "btc" })).toMatchObject({ ok: false, error: [{ path: "lag_symbol", message: "lead and lag must be different symbols" }] });
    expect(parseExecutionConfig({ router: { ofi_high: 1, ofi_mid: 1 } })).toMatchObject({ ok: false, error: [{ path: "router.ofi_high" }] });
    expect(parseRiskConfig({ max_order_notional_usd: 20_000 })).toMatchObject({ ok: false, error: [{ path: "max_order_notional_usd" }] });
    expect(parseRiskConfig({ stop_on_disconnect: false, flatten_on_disconnect: true })).toMatchObject({ ok: false, error: [{ path: "flatten_on_disconnect" }] });
    expect(parseFeedbackConfig({ trust: { prior: 5 } })).toMatchObject({ ok: false, error: [{ path: "trust.prior" }] });
    expect(parseParityConfig({ min_edge: 1.5 }).ok).toBe(false);
  });

  it("refuses what is not an object at all", () => {
    expect(parseBotConfig("yes")).toMatchObject({ ok: false, error: [{ path: "" }] });
    expect(parseBotConfig(null).ok).toBe(false);
  });
});

describe("per-market overrides and hot reload", () => {
  it("applies a market's overrides over the top-level sections", () => {
    const r = parseBotConfig({ strategies: { mm: { gamma: 3 } }, markets: { "hl:#20": { mm: { kappa: 150 }, kelly: { fraction: 0.1 } } } });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const m = resolveMarket(r.value, "hl:#20");
    expect(m.ok && m.value.mm).toMatchObject({ gamma: 3, kappa: 150 });
    expect(m.ok && m.value.kelly.fraction).toBe(0.1);
    const other = resolveMarket(r.value, "hl:#30");
    expect(other.ok && other.value.mm.kappa).toBe(200);
  });

  it("refuses an override that breaks a rule only in combination, naming the market", () => {
    const r = parseBotConfig({ markets: { "hl:#20": { mm: { order_size: 1_000 } } } });
    expect(r).toMatchObject({ ok: false, error: [{ path: "markets.hl:#20.mm.order_size", message: "must not exceed max_inventory" }] });
  });

  it("hot-reloads a valid patch and refuses a bad one, leaving the running config as it was", () => {
    const running = BOT_DEFAULTS;
    const good = updateBotConfig(running, { risk: { max_drawdown_usd: 250 } });
    expect(good.ok && good.value.risk.max_drawdown_usd).toBe(250);
    expect(good.ok && good.value.strategies).toEqual(running.strategies);
    const bad = updateBotConfig(running, { risk: { max_drawdown_usd: -5 } });
    expect(bad).toMatchObject({ ok: false, error: [{ path: "risk.max_drawdown_usd" }] });
    expect(running.risk.max_drawdown_usd).toBe(500);
  });
});
