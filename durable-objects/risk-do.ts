/**
 * The one RiskDO (SPEC §1, §10, §12): every order decision passes through it. It wraps the
 * AccountEngine (shared/engine), keeps it and the audit log in SQLite, owns the account's
 * private streams, the nonce source, reconciliation and the dead man's switch, and forwards
 * approved orders to the signer Worker. The RPC surface and its rules are in
 * durable-objects/README.md ("RiskDO RPC"); the work is split over durable-objects/risk/.
 */
import { DurableObject } from "cloudflare:workers";
import { updateBotConfig, type BotConfig, type ConfigIssue } from "../shared/config";
import { err, ok, type Result } from "../shared/core/result";
import { AccountEngine } from "../shared/engine";
import type { AccountOutput, AccountSlice, AccountView, MarketDecision, OpenOrderView, PositionView } from "../shared/engine/types";
import type { Instrument } from "../shared/execution/types";
import type { ResumeError } from "../shared/risk";
import { AuditQuerySchema, decisionEntry, refusedEntry, type AuditEntry, type NewAuditEntry } from "../shared/runtime/account/audit";
import { AccountDesk } from "./risk/desk";
import { rebuildEngine } from "./risk/engine-start";
import { EngineStateStore } from "./risk/engine-state";
import type { RiskEnv } from "./risk/env";
import { marketPeer } from "./risk/market-peer";
import { LatencyLog, ObservedRiskStore } from "./risk/latency-log";
import { PnlLog } from "./risk/pnl-log";
import { RiskSession } from "./risk/session";
import { RiskSetup } from "./risk/setup";
import { SignerLink } from "./risk/signer-link";
import type { RiskStore } from "./risk/store";
import { VenueInfo } from "./risk/venue-info";
import type { ReconcileReport } from "./risk/reconciler";
import type { RiskStatus, RiskStatusView } from "./risk/status";
import { DAY_MS, type PnlHistory } from "../shared/runtime/account/pnl-history";

export interface ControlReply {
  action: "kill" | "cancel_all" | "flatten";
  cancels: number;
  orders: number;
  view: AccountView;
}

export type RegisterReply = { ok: true; markets: string[]; missingAssets: string[] } | { ok: false; errors: string[] };

export class RiskDO extends DurableObject<RiskEnv> {
  private readonly store: RiskStore;
  private readonly setup: RiskSetup;
  private readonly desk: AccountDesk;
  private readonly session: RiskSession;
  private readonly pnlLog: PnlLog;
  private readonly latency: LatencyLog;

  constructor(ctx: DurableObjectState, env: RiskEnv) {
    super(ctx, env);
    const latency = new LatencyLog(Date.now());
    this.latency = latency;
    this.store = new ObservedRiskStore(ctx.storage.sql, (entries) => latency.observe(entries));
    this.setup = new RiskSetup(this.store);
    const states = new EngineStateStore(ctx.storage.sql, this.store);
    const info = new VenueInfo(env.HL_API_URL, env.HL_ACCOUNT);
    const link = new SignerLink(env.SIGNER, this.store, () => this.setup.clock, () => this.setup.config.execution.ack_timeout_ms);
    this.desk = new AccountDesk({
      store: this.store,
      state: states,
      link,
      info,
      assets: () => this.setup.assets,
      instruments: () => this.setup.instruments(),
      clock: () => this.setup.clock,
      ackTimeoutMs: () => this.setup.config.execution.ack_timeout_ms,
      changed: (markets) => this.pushSlices(markets),
      beforeOrders: () => this.session.deadMan.beforeOrders(),
    });
    this.session = new RiskSession({ ctx, env, store: this.store, setup: this.setup, desk: this.desk, link, info });
    this.pnlLog = new PnlLog(ctx.storage.sql);
    void ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      states.migrate();
      this.pnlLog.restore();
      this.setup.load(env.BOT_CONFIG);
      this.session.restore();
      // Boot (and after a restart, reconcile) right away rather than at whatever alarm was pending.
      await ctx.storage.setAlarm(Date.now());
    });
  }

  override async alarm(): Promise<void> {
    await this.session.alarm();
    // The PnL history is written here, never on the submit path (a write shuts the output gate).
    const now = Date.now();
    this.pnlLog.observe(this.desk.engine?.view(now) ?? null, now);
  }

  // --- market side -------------------------------------------------------------------------

  async registerMarket(spec: { market: string; instruments: Instrument[]; push?: boolean }): Promise<RegisterReply> {
    if (typeof spec.market !== "string" || spec.market.length === 0 || !Array.isArray(spec.instruments)) return { ok: false, errors: ["market and instruments are required"] };
    const before = this.setup.markets[spec.market];
    this.setup.markets[spec.market] = { instruments: spec.instruments, push: spec.push ?? true };
    const rebuilt = rebuildEngine(this.setup, this.desk);
    if (!rebuilt.ok) {
      if (before === undefined) delete this.setup.markets[spec.market];
      else this.setup.markets[spec.market] = before;
      return { ok: false, errors: rebuilt.error };
    }
    this.setup.save("markets");
    const missing = await this.session.refreshAssets();
    return { ok: true, markets: Object.keys(this.setup.markets), missingAssets: missing };
  }

  async submit(decision: MarketDecision, timing: { frameAt: number; decidedAt: number }): Promise<AccountSlice> {
    const now = Date.now();
    const t = { frameAt: timing.frameAt, decidedAt: timing.decidedAt, receivedAt: now };
    const refusal = this.session.refusal(decision.engine);
    if (refusal !== null) {
      this.store.audit([refusedEntry(decision, t, refusal, now)]);
      return this.session.slice(decision.engine, true);
    }
    const out = this.desk.act((e, n) => e.submit(decision, n), (o, n) => [decisionEntry(decision, t, o, n)]);
    await this.desk.execute(out, { engine: decision.engine, decisionSeq: decision.seq, frameAt: timing.frameAt, decidedAt: timing.decidedAt, riskAt: now });
    await this.session.scheduleAlarm();
    return this.session.slice(decision.engine, false);
  }

  async feedDown(market: string, reason: string): Promise<void> {
    await this.session.feed(market, { since: Date.now(), reason });
  }

  async feedUp(market: string): Promise<void> {
    await this.session.feed(market, null);
  }

  async slice(markets: string[]): Promise<AccountSlice> {
    return this.session.mergedSlice(markets);
  }

  // --- admin ----------------------------------------------------------------------------------

  async kill(reason: string): Promise<ControlReply> {
    return this.control("kill", reason, (e, t) => e.kill(reason, t));
  }

  async cancelAll(reason: string): Promise<ControlReply> {
    return this.control("cancel_all", reason, (e, t) => e.cancelAll(t));
  }

  async flatten(reason: string): Promise<ControlReply> {
    await this.session.refreshMarks();
    return this.control("flatten", reason, (e, t) => e.flatten(t));
  }

  async resume(opts: { resetPeak: boolean }): Promise<Result<AccountView, ResumeError | { kind: "not_started"; detail: string }>> {
    const e = await this.session.engine();
    if (e === null) return err({ kind: "not_started", detail: this.session.problem ?? "account engine not started" });
    const now = Date.now();
    const r = e.resume({ resetPeak: opts.resetPeak === true }, now);
    this.desk.persist(null, [control(now, "resume", { resetPeak: opts.resetPeak === true, result: r.ok ? "ok" : r.error })], now);
    if (!r.ok) return err(r.error);
    await this.desk.execute(r.value);
    return ok(e.view(Date.now()));
  }

  async status(): Promise<RiskStatusView> {
    const s: RiskStatus = this.session.status();
    const now = Date.now();
    const pnl = this.pnlLog.status(s.account, now);
    return { ...s, pnlTodayUsd: pnl.pnlTodayUsd, pnlDay: pnl.dayOpen, latency: this.latency.view(now) };
  }

  async positions(): Promise<PositionView[]> {
    return (await this.view())?.positions ?? [];
  }

  async openOrders(): Promise<OpenOrderView[]> {
    return (await this.view())?.openOrders ?? [];
  }

  /** The account's PnL now, PnL today (UTC) and the sampled history from `sinceMs` (default: the last 24 h). */
  async pnl(sinceMs?: number): Promise<PnlHistory | null> {
    const v = await this.view();
    if (v === null) return null;
    const now = Date.now();
    const since = sinceMs ?? now - DAY_MS;
    const today = this.pnlLog.status(v, now);
    return { ...v.pnl, cashUsd: v.cashUsd, equityUsd: v.equityUsd, equityPeakUsd: v.equityPeakUsd, drawdownUsd: v.drawdownUsd, todayUsd: today.pnlTodayUsd, dayOpen: today.dayOpen, since, series: this.pnlLog.series(since) };
  }

  async decisions(query: unknown = {}): Promise<Result<AuditEntry[], ConfigIssue[]>> {
    const q = AuditQuerySchema.safeParse(query ?? {});
    if (!q.success) return err(q.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    return ok(this.store.queryAudit(q.data));
  }

  async getConfig(): Promise<BotConfig> {
    return this.setup.config;
  }

  async updateConfig(patch: unknown): Promise<Result<BotConfig, ConfigIssue[]>> {
    const r = updateBotConfig(this.setup.config, patch);
    const now = Date.now();
    if (!r.ok) {
      this.store.audit([{ ts: now, kind: "config", market: null, engine: null, cloid: null, body: { patch, refused: r.error } }]);
      return r;
    }
    const previous = this.setup.config;
    this.setup.config = r.value;
    const rebuilt = rebuildEngine(this.setup, this.desk);
    if (!rebuilt.ok) {
      this.setup.config = previous;
      const issues = rebuilt.error.map((message) => ({ path: "risk", message }));
      this.store.audit([{ ts: now, kind: "config", market: null, engine: null, cloid: null, body: { patch, refused: issues } }]);
      return err(issues);
    }
    this.setup.save("config");
    this.store.audit([{ ts: now, kind: "config", market: null, engine: null, cloid: null, body: { patch, applied: true } }]);
    for (const id in this.setup.markets) {
      if (!this.setup.markets[id]!.push) continue;
      this.session.track(marketPeer(this.env, id).applyConfig(r.value), `applyConfig ${id}`);
    }
    return ok(r.value);
  }

  /** Reconciles with the venue now (also runs at start, after every private-stream resync and every 30 s). */
  async reconcileNow(): Promise<ReconcileReport> {
    await this.session.engine();
    return this.session.reconcile("admin");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private async view(): Promise<AccountView | null> {
    return (await this.session.engine())?.view(Date.now()) ?? null;
  }

  private async control(action: ControlReply["action"], reason: string, f: (e: AccountEngine, now: number) => AccountOutput): Promise<ControlReply> {
    const e = await this.session.engine();
    if (e === null) throw new Error(`cannot ${action}: ${this.session.problem ?? "account engine not started"}`);
    const out = this.desk.act(f, (o, t) => [control(t, action, { reason, cancels: o.cancels.length, orders: o.orders.length })]);
    await this.desk.execute(out);
    // Orders the engine cannot know yet (one still in flight across a restart) are found by a reconciliation.
    if (action !== "flatten") await this.session.reconcile(action);
    await this.session.scheduleAlarm();
    return { action, cancels: out.cancels.length + out.cancelsByOid.length, orders: out.orders.length, view: e.view(Date.now()) };
  }

  private pushSlices(markets: readonly string[]): void {
    const changed = new Set(markets);
    for (const id in this.setup.markets) {
      const reg = this.setup.markets[id]!;
      if (!reg.push || !reg.instruments.some((i) => changed.has(i.market))) continue;
      this.session.track(marketPeer(this.env, id).account(this.session.slice(id, false)), `account ${id}`);
    }
  }
}

function control(ts: number, action: string, body: Record<string, unknown>): NewAuditEntry {
  return { ts, kind: "control", market: null, engine: null, cloid: null, body: { action, ...body } };
}
