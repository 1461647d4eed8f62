/**
 * One market's trading engine, what a MarketDO runs (README.md): events in, pipelines updated,
 * the strategy asked what it wants, and a MarketDecision out only when that differs from what
 * rests. It never places orders and never computes risk; the AccountEngine does both.
 */
import * as z from "zod";
import { err, ok, type Result } from "../core/result";
import type { RequotePolicy } from "../execution/requote";
import type { Instrument } from "../execution/types";
import { SIGNAL_NAMES } from "../pipeline/config";
import { MarketPipeline, type PipelineEvent } from "../pipeline/market-pipeline";
import { exportPipelineState, restorePipelineState } from "../pipeline/persistence";
import { snapshotPipeline } from "../pipeline/snapshot";
import { buildStrategy } from "./build-strategy";
import { matchesLive, sameTargets } from "./decision-diff";
import { expiryStopReason, VenueClock } from "./expiry-stop";
import { emptyOutput, type EngineStrategy, type StrategyOutput } from "./strategy";
import { TrustLearner } from "./trust-learner";
import type {
  AccountSlice,
  DecisionContext,
  EngineConfigError,
  MarketDecision,
  MarketEngineConfig,
  MarketEngineCounters,
  MarketEngineSnapshot,
  MarketEngineState,
  MarketEngineStatus,
} from "./types";

const StateSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  seq: z.number().int().nonnegative(),
  pipelines: z.array(z.unknown()),
  trust: z.record(z.string(), z.object({ score: z.number().finite(), lastMs: z.number().finite(), observations: z.number().int().nonnegative() })),
});

const NO_ACCOUNT: AccountSlice = { asOfMs: 0, equityUsd: 0, mode: "active", holdings: {}, liveOrders: {} };

export class MarketEngine {
  private readonly byCoin = new Map<string, MarketPipeline[]>();
  private readonly ownByCoin = new Map<string, MarketPipeline>();
  private readonly lastSeen = new Map<string, number>();
  private readonly learner: TrustLearner;
  private readonly policy: RequotePolicy;
  private slice: AccountSlice = NO_ACCOUNT;
  private accountDirty = false;
  private last: { quotes: MarketDecision["quotes"]; ts: number } | null = null;
  private context: DecisionContext | null = null;
  /** The last one-shot order asked for per slot, so a refused one is not asked for on every frame. */
  private readonly lastOrder = new Map<string, { ts: number; side: string; sz: number }>();
  private seq = 0;
  /** The venue's clock from the frames' exchange times (an outcome's expiry is venue time). */
  readonly venueClock = new VenueClock();
  readonly counters: MarketEngineCounters = { events: 0, ignored: 0, refused: 0, decisions: 0, unchanged: 0 };

  private constructor(
    readonly config: MarketEngineConfig,
    private readonly pipelines: MarketPipeline[],
    private readonly strategy: EngineStrategy,
  ) {
    for (const p of pipelines) {
      this.ownByCoin.set(p.config.coin, p);
      for (const coin of p.config.leadLag === undefined ? [p.config.coin] : [p.config.coin, p.config.leadLag.lead]) {
        const list = this.byCoin.get(coin);
        if (list === undefined) this.byCoin.set(coin, [p]);
        else list.push(p);
      }
    }
    this.learner = new TrustLearner(config.feedback.trust, SIGNAL_NAMES);
    const mm = config.params.mm;
    const r = strategy.gridRatio;
    this.policy = { refresh_tolerance_ticks: mm.refresh_tolerance_ticks * r, size_tolerance: mm.size_tolerance, min_order_age_ms: mm.min_order_age_ms, urgent_ticks: mm.urgent_ticks * r };
  }

  static create(config: MarketEngineConfig, state?: unknown): Result<MarketEngine, EngineConfigError[]> {
    const errors: EngineConfigError[] = [];
    const pipes: MarketPipeline[] = [];
    config.pipelines.forEach((c, i) => {
      const r = MarketPipeline.create(c);
      if (r.ok) pipes.push(r.value);
      else errors.push(...r.error.map((e) => ({ path: `pipelines.${i}.${e.path}`, message: e.message })));
    });
    if (!(config.staleFeedMs > 0)) errors.push({ path: "staleFeedMs", message: "must be > 0" });
    const s = buildStrategy(config);
    if (!s.ok) errors.push(...s.error);
    if (errors.length > 0 || !s.ok) return err(errors);
    const engine = new MarketEngine(config, pipes, s.value);
    if (state !== undefined) {
      const r = engine.restore(state);
      if (!r.ok) return err([{ path: "state", message: r.error }]);
    }
    return ok(engine);
  }

  coins(): string[] {
    return [...this.byCoin.keys()];
  }

  instruments(): Instrument[] {
    return [...this.strategy.instruments];
  }

  /** Every slot the engine may hold orders in (quotes first, then one-shot orders). */
  get slots(): readonly string[] {
    return [...this.strategy.quoteSlots, ...this.strategy.orderSlots];
  }

  onEvent(ev: PipelineEvent, nowMs: number): boolean {
    this.counters.events++;
    const ps = this.byCoin.get(ev.coin);
    if (ps === undefined) {
      this.counters.ignored++;
      return false;
    }
    this.lastSeen.set(ev.coin, nowMs);
    if (ev.kind !== "resyncing" && ev.kind !== "resynced") this.venueClock.observe(ev.ts, nowMs);
    let accepted = true;
    let used = false;
    for (const p of ps) {
      const r = p.onEvent(ev);
      // A lead market's event only feeds the lag's lead-lag signal; its trades are of no use there.
      if (p.config.coin === ev.coin) accepted = r && accepted;
      used = used || r;
    }
    if (!accepted) this.counters.refused++;
    else if (!used) this.counters.ignored++;
    const own = this.pipelines[0]!;
    if (ev.coin === own.config.coin && (ev.kind === "book" || ev.kind === "bbo") && own.bookValid) {
      const w = this.learner.onMid(own.ts, own.market.view.mid, own.signals);
      if (w !== null) own.setTrust(w);
    }
    return accepted;
  }

  onAccount(slice: AccountSlice): void {
    const prev = this.slice;
    for (const inst of this.strategy.instruments) {
      const a = prev.holdings[inst.market]?.posLots ?? 0;
      const b = slice.holdings[inst.market]?.posLots ?? 0;
      if (a !== b) this.accountDirty = true;
    }
    if (prev.mode !== slice.mode) this.accountDirty = true;
    this.slice = slice;
  }

  /** Why nothing may be quoted now (fail-safe, SPEC §1 principle 3), or null. */
  private pullReason(nowMs: number): string | null {
    if (!this.config.params.enabled) return "market disabled";
    const expiring = expiryStopReason(this.config.strategy, this.config.params, this.venueClock.now(nowMs));
    if (expiring !== null) return expiring;
    if (this.slice.mode === "halted") return "risk halted";
    for (const coin of this.strategy.requiredCoins) {
      const seen = this.lastSeen.get(coin);
      if (seen === undefined) return `no data yet for ${coin}`;
      if (nowMs - seen > this.config.staleFeedMs) return `feed stale: ${coin} silent ${nowMs - seen} ms`;
      const p = this.ownByCoin.get(coin);
      if (p !== undefined && !p.tradable()) return `${coin} not tradable (book ${p.bookValid ? "valid" : "invalid"}, liquidity ${p.liquidity.state})`;
    }
    return null;
  }

  decide(nowMs: number): MarketDecision | null {
    const own = this.pipelines[0]!;
    const pulled = this.pullReason(nowMs);
    let out: StrategyOutput = pulled !== null
      ? emptyOutput([pulled])
      : this.strategy.run({ nowMs, venueNowMs: this.venueClock.now(nowMs), own, byCoin: this.ownByCoin, slice: this.slice, params: this.config.params, router: this.config.router });
    const live = this.slice.liveOrders;
    const retryMs = this.policy.min_order_age_ms;
    const orders = out.orders.filter((o) => {
      if (live[o.slot] !== undefined || !(o.sz > 0 && o.px > 0)) return false;
      const prev = this.lastOrder.get(o.slot);
      return prev === undefined || prev.side !== o.side || Math.abs(prev.sz - o.sz) > this.policy.size_tolerance * o.sz || nowMs - prev.ts >= retryMs;
    });
    for (const o of orders) this.lastOrder.set(o.slot, { ts: nowMs, side: o.side, sz: o.sz });
    const quotes = out.quotes.filter((q) => q.sz > 0 && q.px > 0);
    out = { ...out, orders, quotes };
    this.context = this.contextOf(out, pulled === null);
    const p = this.policy;
    if (orders.length === 0) {
      const settled = matchesLive(quotes, this.strategy.quoteSlots, live, p);
      const repeat = this.last !== null && sameTargets(quotes, this.last.quotes, p) && !this.accountDirty && nowMs - this.last.ts < p.min_order_age_ms;
      if (settled || repeat) {
        this.counters.unchanged++;
        return null;
      }
    }
    this.seq++;
    this.counters.decisions++;
    this.accountDirty = false;
    this.last = { quotes, ts: nowMs };
    return {
      engine: this.config.id,
      seq: this.seq,
      ts: nowMs,
      slots: [...this.strategy.quoteSlots],
      quotes,
      orders,
      requote: { ...p },
      churnPerMin: this.config.params.mm.churn_budget_per_min,
      context: this.context,
    };
  }

  private contextOf(out: StrategyOutput, tradable: boolean): DecisionContext {
    const own = this.pipelines[0]!;
    const signals: Record<string, number | null> = {};
    for (const name of SIGNAL_NAMES) signals[name] = own.signals.get(name, own.ts) ?? null;
    const mid = own.market.view.mid;
    return {
      strategy: this.strategy.kind,
      tradable,
      alpha: own.alpha,
      signals,
      regime: { liquidity: own.liquidity.state, vol: own.volRegime.bucket, extreme: own.extreme.active(own.ts) },
      fair: out.fair,
      mid: mid > 0 ? mid : null,
      inputs: out.inputs,
      notes: out.notes,
    };
  }

  /** The context of the latest decide() call, whether or not it emitted a decision. */
  lastContext(): DecisionContext | null {
    return this.context;
  }

  status(): MarketEngineStatus {
    const own = this.pipelines[0]!;
    const mid = own.market.view.mid;
    return {
      id: this.config.id,
      strategy: this.strategy.kind,
      ts: own.ts,
      tradable: this.context?.tradable ?? false,
      mid: mid > 0 ? mid : null,
      fair: this.context?.fair ?? null,
      alpha: own.alpha,
      quotes: this.last?.quotes ?? [],
      lastDecisionSeq: this.seq,
    };
  }

  snapshot(): MarketEngineSnapshot {
    return { status: this.status(), context: this.context, pipelines: this.pipelines.map((p) => snapshotPipeline(p)), counters: { ...this.counters } };
  }

  exportState(): MarketEngineState {
    return { version: 1, id: this.config.id, seq: this.seq, pipelines: this.pipelines.map(exportPipelineState), trust: structuredClone(this.learner.state) };
  }

  private restore(input: unknown): Result<void, string> {
    const r = StateSchema.safeParse(input);
    if (!r.success) return err(z.prettifyError(r.error));
    const s = r.data;
    if (s.id !== this.config.id) return err(`state is for ${s.id}, engine is ${this.config.id}`);
    for (const saved of s.pipelines) {
      const coin = (saved as { coin?: unknown }).coin;
      const p = typeof coin === "string" ? this.ownByCoin.get(coin) : undefined;
      if (p === undefined) return err(`saved pipeline ${String(coin)} is not one of this engine's`);
      const pr = restorePipelineState(p, saved);
      if (!pr.ok) return err(pr.error);
    }
    this.seq = s.seq;
    this.learner.state = s.trust;
    return ok(undefined);
  }
}
