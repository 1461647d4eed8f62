/**
 * What the RiskDO keeps besides the engine state, each one a JSON document in its kv table and
 * loaded without I/O in the constructor: the bot config (SPEC defaults, then BOT_CONFIG, then
 * admin updates), the registered MarketDOs with their instruments, the venue asset ids of those
 * instruments, the account's cloid prefix, the venue time fills are counted from, the venue
 * clock offset, the dead man's switch, the feeds MarketDOs reported down, and the last
 * reconciliation.
 */
import { BOT_DEFAULTS, parseBotConfig, type BotConfig, type ConfigIssue } from "../../shared/config";
import type { AccountEngineConfig } from "../../shared/engine/types";
import type { Instrument } from "../../shared/execution/types";
import { initialDeadMan, type DeadManState } from "../../shared/runtime/account/dead-man";
import type { FeedDown } from "../../shared/runtime/account/feeds";
import { localClock, type VenueClock } from "../../shared/runtime/account/venue-clock";
import type { AssetTable } from "../../shared/runtime/account/wire-orders";
import type { ReconcileReport } from "./reconciler";
import type { RiskStore } from "./store";

export interface Registration {
  instruments: Instrument[];
  /** Push fresh slices and config to this MarketDO (off for registrants that read slices themselves). */
  push: boolean;
}

/** A flatten IOC may reach this far through the mark (SPEC §10 flatten; no config key exists for it). */
const FLATTEN_SLIPPAGE_BPS = 100;
/**
 * Finished orders stay in the engine's book this long, so late fills (the private stream brings
 * them within seconds) still find their order; one still reserved stays until the venue says how
 * much of it filled, however long. Not longer: every order event copies the book's order map, so
 * a requote costs ~0.9 µs per kept order (Node, shared/engine) on the path to the signer, and at
 * two requotes a second ten minutes kept 1,200 of them (1.4 ms a submit).
 */
const RETAIN_FINISHED_MS = 60_000;

export class RiskSetup {
  config: BotConfig = BOT_DEFAULTS;
  configIssues: ConfigIssue[] = [];
  markets: Record<string, Registration> = {};
  assets: AssetTable = {};
  prefix: string | null = null;
  startingCashUsd = 0;
  /** Venue ms from which fills belong to this engine (fills before it predate the account's engine). */
  baselineMs: number | null = null;
  clock: VenueClock = localClock();
  deadMan: DeadManState = initialDeadMan();
  feeds: Record<string, FeedDown> = {};
  lastReconcile: ReconcileReport | null = null;

  constructor(private readonly store: RiskStore) {}

  /** Loads everything; a fresh object takes its config from the BOT_CONFIG var (refused values fall back to the defaults). */
  load(botConfigVar: string | undefined): void {
    const s = this.store;
    const stored = s.get<BotConfig>("config");
    if (stored !== undefined) this.config = stored;
    else this.config = this.initialConfig(botConfigVar);
    this.markets = s.get("markets") ?? {};
    this.assets = s.get("assets") ?? {};
    this.prefix = s.get("prefix") ?? null;
    this.startingCashUsd = s.get("startingCash") ?? 0;
    this.baselineMs = s.get("baseline") ?? null;
    this.clock = s.get("clock") ?? localClock();
    this.deadMan = s.get("deadman") ?? initialDeadMan();
    this.feeds = s.get("feeds") ?? {};
    this.lastReconcile = s.get("lastReconcile") ?? null;
  }

  private initialConfig(botConfigVar: string | undefined): BotConfig {
    if (botConfigVar === undefined || botConfigVar.trim() === "") return BOT_DEFAULTS;
    let input: unknown;
    try {
      input = JSON.parse(botConfigVar);
    } catch {
      this.configIssues = [{ path: "BOT_CONFIG", message: "not JSON" }];
      return BOT_DEFAULTS;
    }
    const r = parseBotConfig(input);
    if (r.ok) return r.value;
    this.configIssues = r.error;
    return BOT_DEFAULTS;
  }

  save<K extends "config" | "markets" | "assets" | "prefix" | "startingCash" | "baseline" | "clock" | "deadman" | "feeds" | "lastReconcile">(key: K): void {
    const value = {
      config: this.config,
      markets: this.markets,
      assets: this.assets,
      prefix: this.prefix,
      startingCash: this.startingCashUsd,
      baseline: this.baselineMs,
      clock: this.clock,
      deadman: this.deadMan,
      feeds: this.feeds,
      lastReconcile: this.lastReconcile,
    }[key];
    this.store.put(key, value);
  }

  /** Every registered instrument once, by market (two engines may share one). */
  instruments(): Record<string, Instrument> {
    const out: Record<string, Instrument> = {};
    for (const id in this.markets) for (const i of this.markets[id]!.instruments) out[i.market] ??= i;
    return out;
  }

  instrumentsOf(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const id in this.markets) out[id] = this.markets[id]!.instruments.map((i) => i.market);
    return out;
  }

  engineConfig(): AccountEngineConfig | null {
    if (this.prefix === null) return null;
    return {
      cloidPrefix: this.prefix,
      startingCashUsd: this.startingCashUsd,
      instruments: Object.values(this.instruments()),
      limits: this.config.risk,
      execution: this.config.execution,
      feedback: this.config.feedback,
      flattenSlippageBps: FLATTEN_SLIPPAGE_BPS,
      retainFinishedMs: RETAIN_FINISHED_MS,
    };
  }
}
