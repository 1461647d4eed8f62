/**
 * One per market (SPEC §1): the outbound venue socket, the market's engine and its state. A thin
 * shell: frames are decoded by the wire layer, every decision is the engine's, the socket's
 * liveness is VenueSocket's; this class only wires them, persists and sends. The RPC surface
 * and the rules it keeps are in README.md.
 */
import { DurableObject } from "cloudflare:workers";
import { type BotConfig } from "../shared/config";
import { err, ok, type Result } from "../shared/core/result";
import { MarketEngine } from "../shared/engine";
import type { AccountSlice, MarketEngineConfig } from "../shared/engine/types";
import { marketLive, type MarketLive } from "../shared/runtime/market/live-view";
import type { RiskForMarkets } from "../shared/runtime/market/risk-port";
import { buildMarketSetup } from "../shared/runtime/market/setup";
import type { DecisionTiming, MarketRequest, MarketSnapshot, MarketStatus, SetupIssue } from "../shared/runtime/market/types";
import type { Env } from "../workers/api/env";
import { DecisionSender } from "./market/decision-sender";
import { MarketFeed } from "./market/market-feed";
import { OutcomeRoller } from "./market/outcome-roller";
import { MarketStore, type StoredSetup } from "./market/store";
import { fetchVenueMetadata } from "./market/venue-info";
import { riskStub } from "./stubs";

/** Never leave the alarm further than this while the feed is wanted (keeps the object alive, README). */
const MAX_ALARM_MS = 30_000;
const SAVE_EVERY_MS = 10_000;
/** The stream's live view is rebuilt from an engine snapshot at most this often (the hub pulls at 4 Hz). */
const LIVE_EVERY_MS = 200;

export class MarketDO extends DurableObject<Env> {
  private readonly store: MarketStore;
  private setup: StoredSetup | null = null;
  private engine: MarketEngine | null = null;
  private feed: MarketFeed | null = null;
  private readonly sender: DecisionSender;
  private readonly roller: OutcomeRoller;
  private registered = false;
  private savedAt = 0;
  private savedEvents = 0;
  private alarmAt: number | null = null;
  /** The account slice the engine last got (q for the live view's strategy inputs). */
  private slice: AccountSlice | null = null;
  private live: MarketLive | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new MarketStore(ctx.storage.sql);
    this.roller = new OutcomeRoller(ctx.storage.sql, { id: this.id, apiUrl: env.HL_API_URL, setup: () => this.setup, engine: () => this.engine, risk: () => this.risk(), install: (next, state) => this.install(next, state) });
    this.sender = new DecisionSender({ store: this.store, risk: () => this.risk(), onSlice: (slice) => this.takeSlice(slice) });
    void ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      this.setup = this.store.loadSetup();
      if (this.setup === null) return;
      this.engine = this.build(effectiveConfig(this.setup), this.store.loadState());
      if (this.setup.enabled) await ctx.storage.setAlarm(Date.now());
    });
  }

  private get id(): string {
    return this.ctx.id.name ?? "";
  }

  /** The RiskDO, seen through the contract the market side codes against. */
  private risk(): RiskForMarkets {
    return riskStub(this.env) as unknown as RiskForMarkets;
  }

  // ----- RPC -------------------------------------------------------------------------------------

  async configure(req: MarketRequest): Promise<Result<MarketStatus, SetupIssue[]>> {
    if (req.id !== this.id) return err([{ path: "id", message: `this object is ${this.id}` }]);
    let config: BotConfig;
    try {
      config = await this.risk().getConfig();
    } catch (e) {
      return err([{ path: "config", message: `RiskDO unreachable: ${e instanceof Error ? e.message : String(e)}` }]);
    }
    const venue = await fetchVenueMetadata(this.env.HL_API_URL, req);
    if (!venue.ok) return venue;
    const built = buildMarketSetup(req, venue.value, config);
    if (!built.ok) return built;
    const enabled = req.enabled ?? this.setup?.enabled ?? true;
    this.roller.configured(built.value.outcome);
    return this.install({ request: req, engine: built.value.engine, enabled, updatedAt: Date.now() });
  }

  /** Hot reload pushed by the RiskDO: the same market under a new bot config. */
  async applyConfig(config: BotConfig): Promise<Result<MarketStatus, SetupIssue[]>> {
    const s = this.setup;
    if (s === null) return err([{ path: "market", message: `${this.id} is not configured` }]);
    const venue = await fetchVenueMetadata(this.env.HL_API_URL, s.request);
    if (!venue.ok) return venue;
    const built = buildMarketSetup(s.request, venue.value, config);
    if (!built.ok) return built;
    return this.install({ ...s, engine: built.value.engine, updatedAt: Date.now() });
  }

  /** Whether this market could run under `config` (the api asks every market before a config update is applied). */
  async checkConfig(config: BotConfig): Promise<SetupIssue[]> {
    const s = this.setup;
    if (s === null) return [];
    const venue = await fetchVenueMetadata(this.env.HL_API_URL, s.request);
    if (!venue.ok) return venue.error;
    const built = buildMarketSetup(s.request, venue.value, config);
    if (!built.ok) return built.error;
    const engine = MarketEngine.create(built.value.engine);
    return engine.ok ? [] : engine.error;
  }

  async enable(): Promise<MarketStatus | null> {
    return this.setEnabled(true);
  }

  async disable(): Promise<MarketStatus | null> {
    return this.setEnabled(false);
  }

  async status(): Promise<MarketStatus | null> {
    const s = this.setup;
    const e = this.engine;
    if (s === null || e === null) return null;
    return {
      ...e.status(),
      market: s.request.market,
      enabled: s.enabled,
      feed: this.feed?.status() ?? MarketFeed.idleStatus(e.coins()),
      submits: this.sender.status(),
      decisions: e.counters.decisions,
      outcome: this.roller.status(),
      live: this.liveView(e, Date.now()),
    };
  }

  async snapshot(): Promise<MarketSnapshot | null> {
    const status = await this.status();
    if (status === null || this.setup === null || this.engine === null) return null;
    const latest = this.engine.status().lastDecisionSeq;
    return { request: this.setup.request, status, params: this.engine.config.params, engine: this.engine.snapshot(), timings: this.sender.timings(Math.max(0, latest - 50), 50) };
  }

  async account(slice: AccountSlice): Promise<void> {
    if (this.engine === null) return;
    this.takeSlice(slice);
    this.decide(Date.now(), null, null);
  }

  async timings(sinceSeq = 0, limit = 5_000): Promise<DecisionTiming[]> {
    return this.sender.timings(sinceSeq, Math.min(limit, 5_000));
  }

  // ----- runtime handlers ------------------------------------------------------------------------

  override async alarm(): Promise<void> {
    this.alarmAt = null;
    const s = this.setup;
    if (s === null || !s.enabled || this.engine === null) return;
    const now = Date.now();
    if (!this.registered) await this.register();
    else await this.refreshSlice();
    // After a restart the feed object is new: start() connects it (a no-op while it is up or backing off).
    const feed = this.ensureFeed();
    feed.start();
    feed.tick();
    this.decide(now, null, null);
    this.sender.flush();
    await this.roller.check(now);
    if (now - this.savedAt >= SAVE_EVERY_MS) {
      this.save(now);
      this.store.pruneTimings();
    }
    await this.armAlarm();
  }

  // ----- internals -------------------------------------------------------------------------------

  private takeSlice(slice: AccountSlice): void {
    this.slice = slice;
    this.engine?.onAccount(slice);
  }

  /** A cached view, so the 4 Hz pulls cost one engine snapshot per 200 ms at most (none per frame). */
  private liveView(e: MarketEngine, now: number): MarketLive {
    if (this.live !== null && now - this.live.builtAt < LIVE_EVERY_MS && now >= this.live.builtAt) return this.live;
    this.live = marketLive({ snapshot: e.snapshot(), strategy: e.config.strategy, params: e.config.params, slice: this.slice, latency: this.sender.latency.view(now) }, now, e.venueClock.now(now));
    return this.live;
  }

  private build(config: MarketEngineConfig, state: unknown): MarketEngine | null {
    const withState = MarketEngine.create(config, state);
    if (withState.ok) return withState.value;
    const fresh = MarketEngine.create(config);
    return fresh.ok ? fresh.value : null;
  }

  private async install(next: StoredSetup, state?: unknown): Promise<Result<MarketStatus, SetupIssue[]>> {
    const config = effectiveConfig(next);
    // Learned state (vol, trust, decision seq) carries over when the pipelines still match (a roll passes what still applies).
    const kept = MarketEngine.create(config, state ?? this.engine?.exportState());
    const built = kept.ok ? kept : MarketEngine.create(config);
    if (!built.ok) return err(built.error);
    const engine = built.value;
    const prevCoins = this.engine?.coins().join(",");
    this.setup = next;
    this.engine = engine;
    this.live = null;
    this.store.saveSetup(next);
    this.savedEvents = -1;
    this.save(Date.now());
    this.sender.clear();
    this.registered = false;
    await this.register();
    if (this.feed !== null && (prevCoins !== engine.coins().join(",") || !next.enabled)) {
      this.feed.stop();
      this.feed = null;
    }
    if (next.enabled) {
      const feed = this.ensureFeed();
      feed.start();
      feed.resnapshot(true);
      await this.armAlarm(Date.now());
    }
    // A disabled engine pulls every quote: its first decision has no quotes.
    this.decide(Date.now(), null, null);
    return ok((await this.status()) as MarketStatus);
  }

  private async setEnabled(enabled: boolean): Promise<MarketStatus | null> {
    const s = this.setup;
    if (s === null) return null;
    const r = await this.install({ ...s, enabled, updatedAt: Date.now() });
    return r.ok ? r.value : null;
  }

  /** Tells the RiskDO what this engine trades, then takes the account as it stands (equity, holdings, live orders). */
  private async register(): Promise<void> {
    if (this.engine === null) return;
    try {
      await this.risk().registerMarket({ market: this.id, instruments: this.engine.instruments() });
      this.registered = true;
    } catch (e) {
      this.sender.note(`registerMarket: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    await this.refreshSlice();
  }

  /** A safety net beside the RiskDO's pushes: the engine never quotes from an account view older than one alarm. */
  private async refreshSlice(): Promise<void> {
    try {
      this.takeSlice(await this.risk().slice([this.id]));
    } catch (e) {
      this.sender.note(`slice: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private ensureFeed(): MarketFeed {
    if (this.feed !== null) return this.feed;
    const engine = this.engine as MarketEngine;
    this.feed = new MarketFeed({
      market: this.id,
      wsUrl: this.env.HL_WS_URL,
      apiUrl: this.env.HL_API_URL,
      coins: engine.coins(),
      staleMs: engine.config.staleFeedMs,
      engine: () => this.engine,
      decide: (now, coin, frameTs) => this.decide(now, coin, frameTs),
      feedDown: (reason) => {
        // Sent before the state is saved: a write shuts the output gate until it is durable.
        this.risk()
          .feedDown(this.id, reason)
          .catch((e: unknown) => this.sender.note(`feedDown: ${String(e)}`));
        this.save(Date.now());
      },
      feedUp: () => {
        this.risk()
          .feedUp(this.id)
          .catch((e: unknown) => this.sender.note(`feedUp: ${String(e)}`));
      },
      rearm: () => void this.armAlarm(),
    });
    return this.feed;
  }

  /** Runs the engine's decide and sends what it wants; never awaited by the receive path. */
  private decide(now: number, coin: string | null, frameTs: number | null): void {
    const d = this.engine?.decide(now) ?? null;
    if (d !== null) this.sender.offer(d, coin, frameTs, now);
  }

  private save(now: number): void {
    const e = this.engine;
    if (e === null || e.counters.events === this.savedEvents) return;
    this.store.saveState(e.exportState(), now);
    this.savedAt = now;
    this.savedEvents = e.counters.events;
  }

  /** The one alarm: the socket's earliest deadline, never more than 30 s away while the feed is wanted. */
  private async armAlarm(at?: number): Promise<void> {
    if (this.setup?.enabled !== true) return;
    const now = Date.now();
    const due = Math.min(at ?? Infinity, this.feed?.nextDeadlineMs() ?? Infinity, now + MAX_ALARM_MS);
    if (this.alarmAt !== null && this.alarmAt <= due && this.alarmAt > now) return;
    this.alarmAt = due;
    await this.ctx.storage.setAlarm(due);
  }
}

/** A disabled market runs its engine with `enabled: false`, which pulls every quote. */
function effectiveConfig(s: StoredSetup): MarketEngineConfig {
  return s.enabled ? s.engine : { ...s.engine, params: { ...s.engine.params, enabled: false } };
}
