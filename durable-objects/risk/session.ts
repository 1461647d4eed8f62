/**
 * The RiskDO's life with the venue (SPEC §12): restore (constructor, no I/O), boot (the signer's
 * address and nonce row, asset ids, a fresh engine's starting equity), the private stream,
 * reconciliation, and the one alarm (engine tick and liveness, periodic reconciliation, dead
 * man's switch, audit retention). It also decides what `submit` may do: after any start nothing
 * is accepted until the private stream delivered its snapshot and a reconciliation succeeded.
 */
import type { AccountEngine } from "../../shared/engine";
import type { AccountOutput, AccountSlice } from "../../shared/engine/types";
import type { AccountEvent } from "../../shared/events";
import { checkAccountAddress } from "../../shared/runtime/account/account-address";
import { feedLiveness, type FeedDown } from "../../shared/runtime/account/feeds";
import { nextAlarmAt, RISK_CADENCE } from "../../shared/runtime/account/risk-schedule";
import { engineSlice, mergeSlices } from "../../shared/runtime/account/slices";
import type { Liveness } from "../../shared/risk";
import { DeadManSwitch } from "./dead-man-switch";
import { mergeOutputs, type AccountDesk } from "./desk";
import { createEngine, restoreEngine } from "./engine-start";
import type { RiskEnv } from "./env";
import { PrivateStream } from "./private-stream";
import { inFlight, Reconciler, type ReconcileReport } from "./reconciler";
import type { RiskSetup } from "./setup";
import type { SignerLink } from "./signer-link";
import { stateOf, type Phase, type RiskStatus } from "./status";
import type { RiskStore } from "./store";
import { loadAssets } from "./universe";
import type { VenueInfo } from "./venue-info";

export interface SessionDeps {
  ctx: DurableObjectState;
  env: RiskEnv;
  store: RiskStore;
  setup: RiskSetup;
  desk: AccountDesk;
  link: SignerLink;
  info: VenueInfo;
}

export class RiskSession {
  phase: Phase = "booting";
  problem: string | null = null;
  readonly deadMan: DeadManSwitch;
  private readonly reconciler: Reconciler;
  private stream: PrivateStream | null = null;
  private booting: Promise<void> | null = null;
  private reconciling: Promise<ReconcileReport> | null = null;
  /** The private stream resynced: the next good reconciliation lets the venue trade again. */
  private awaitingReconcile = false;
  private readonly due = { reconcileAt: 0, retentionAt: 0, bootAt: 0 };
  private lastTickAt = 0;
  private alarmAt: number | null = null;
  private readonly background = { failed: 0, lastError: null as string | null };

  constructor(private readonly d: SessionDeps) {
    this.reconciler = new Reconciler(d.store, d.setup, d.desk, d.info);
    this.deadMan = new DeadManSwitch(d.store, d.setup, d.desk, d.link, () => this.phase === "ready" && Object.keys(d.setup.markets).length > 0);
  }

  /** Constructor time: the engine from SQLite (nothing here may do I/O). */
  restore(): void {
    const r = restoreEngine(this.d.desk.states, this.d.setup);
    if (!r.ok) {
      this.phase = "broken";
      this.problem = r.error;
    } else this.d.desk.engine = r.value;
  }

  /** The engine once booted (or null with `problem` set). */
  async engine(): Promise<AccountEngine | null> {
    await this.ensureBooted();
    return this.d.desk.engine;
  }

  private ensureBooted(): Promise<void> {
    if (this.phase !== "booting") return Promise.resolve();
    this.booting ??= this.boot().finally(() => {
      this.booting = null;
    });
    return this.booting;
  }

  private async boot(): Promise<void> {
    try {
      const account = checkAccountAddress(this.d.env.HL_ACCOUNT);
      if (!account.ok) throw new Error(account.error);
      await this.d.link.connect();
      await this.refreshAssets();
      if (this.d.desk.engine === null) await createEngine(this.d.info, this.d.setup, this.d.desk);
      this.phase = "syncing";
      this.problem = null;
      this.startStream();
    } catch (e) {
      this.problem = `boot: ${e instanceof Error ? e.message : String(e)}`;
      this.due.bootAt = Date.now() + RISK_CADENCE.bootRetryMs;
    }
  }

  /** Asset ids of every registered instrument from the venue's metadata; returns the markets it does not list. */
  async refreshAssets(): Promise<string[]> {
    const insts = Object.values(this.d.setup.instruments());
    const r = await loadAssets(this.d.info, insts);
    if (!r.ok) {
      this.problem = r.error;
      return insts.map((i) => i.market).filter((m) => !(m in this.d.setup.assets));
    }
    this.d.setup.assets = r.value.table;
    this.d.setup.save("assets");
    return r.value.missing;
  }

  private startStream(): void {
    if (this.stream !== null) return;
    this.stream = new PrivateStream(this.d.env.HL_WS_URL, this.d.env.HL_ACCOUNT, {
      onEvents: (events) => this.onAccountEvents(events),
      onDown: (reason) => this.track(this.streamDown(reason), "private stream down"),
      onUp: () => this.track(this.streamUp(), "private stream up"),
      onPhase: () => this.track(this.scheduleAlarm(), "alarm"),
    });
    this.stream.start();
  }

  private async streamDown(reason: string): Promise<void> {
    this.d.store.audit([{ ts: Date.now(), kind: "stream", market: null, engine: null, cloid: null, body: { up: false, reason } }]);
    this.awaitingReconcile = false;
    if (this.d.desk.engine !== null) await this.d.desk.execute(this.d.desk.act((e, t) => e.onVenueDisconnected("hl", t)));
    await this.scheduleAlarm();
  }

  private async streamUp(): Promise<void> {
    this.d.store.audit([{ ts: Date.now(), kind: "stream", market: null, engine: null, cloid: null, body: { up: true } }]);
    this.awaitingReconcile = true;
    await this.reconcile("private stream resynced");
  }

  private onAccountEvents(events: AccountEvent[]): void {
    const e = this.d.desk.engine;
    if (e === null) return;
    const insts = this.d.setup.instruments();
    const baseline = this.d.setup.baselineMs ?? 0;
    const outs: AccountOutput[] = [];
    for (const ev of events) {
      const market = `${ev.venue}:${ev.coin}`;
      if (!(market in insts)) continue;
      if (ev.kind === "fill") {
        // Fills from before this engine existed, and fills already applied (userFills and the user channel both carry each one).
        if (ev.ts < baseline || e.state.seenTids.includes(ev.tid)) continue;
        outs.push(this.d.desk.act((x, t) => x.onFill(ev, t), (_o, t) => [{ ts: t, kind: "fill", market, engine: null, cloid: ev.cloid ?? null, body: ev }]));
      } else {
        outs.push(this.d.desk.act((x, t) => x.onOrderUpdate(ev, t), (_o, t) => [{ ts: t, kind: "order_update", market, engine: null, cloid: ev.cloid ?? null, body: ev }]));
      }
    }
    if (outs.length > 0) this.track(this.d.desk.execute(mergeOutputs(outs)), "account events");
  }

  /** One reconciliation at a time; a clean one after a stream resync lets the venue trade again. */
  reconcile(reason: string): Promise<ReconcileReport> {
    this.reconciling ??= (async () => {
      const report = await this.reconciler.run(reason);
      const desk = this.d.desk;
      if (report.ok && this.awaitingReconcile && this.stream?.status().synced === true) {
        this.awaitingReconcile = false;
        await desk.execute(desk.act((e, t) => e.onVenueReconnected("hl", t)));
        if (this.phase === "syncing") this.phase = "ready";
      }
      const busy = !report.ok || (desk.engine !== null && inFlight(desk.engine));
      this.due.reconcileAt = Date.now() + (report.ok ? (busy ? RISK_CADENCE.reconcileBusyMs : RISK_CADENCE.reconcileMs) : RISK_CADENCE.bootRetryMs);
      await this.scheduleAlarm();
      return report;
    })().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  async refreshMarks(): Promise<void> {
    if ((await this.engine()) !== null) await this.reconciler.refreshMarks();
  }

  /** Why a decision of `engineId` cannot be taken now, or null. */
  refusal(engineId: string): string | null {
    if (!(engineId in this.d.setup.markets)) return `engine ${engineId} is not registered (registerMarket first)`;
    if (this.phase === "ready" && this.d.desk.engine !== null) return null;
    if (this.phase === "booting") this.track(this.ensureBooted(), "boot");
    return `not accepting orders while ${this.phase}${this.problem === null ? "" : `: ${this.problem}`}`;
  }

  async feed(id: string, down: FeedDown | null): Promise<void> {
    const s = this.d.setup;
    if (down === null) delete s.feeds[id];
    else s.feeds[id] = s.feeds[id] ?? down;
    s.save("feeds");
    this.d.store.audit([{ ts: Date.now(), kind: "feed", market: id, engine: id, cloid: null, body: down === null ? { up: true } : { up: false, reason: down.reason } }]);
    if (this.d.desk.engine !== null) await this.d.desk.execute(this.d.desk.act((e, t) => e.onLiveness(this.liveness(t), t)));
  }

  private liveness(now: number): Liveness {
    const s = this.d.setup;
    return feedLiveness(s.feeds, s.instrumentsOf(), this.stream?.lastFrameMs ?? null, s.config.risk.stale_feed_ms, now);
  }

  slice(id: string, halted: boolean): AccountSlice {
    const markets = (this.d.setup.markets[id]?.instruments ?? []).map((i) => i.market);
    return engineSlice(this.d.desk.engine, markets, id, Date.now(), halted || this.phase !== "ready");
  }

  mergedSlice(ids: readonly string[]): AccountSlice {
    return mergeSlices(
      ids.map((id) => this.slice(id, false)),
      Date.now(),
    );
  }

  async alarm(): Promise<void> {
    this.alarmAt = null;
    const now = Date.now();
    try {
      if (this.phase === "booting" && now >= this.due.bootAt) await this.ensureBooted();
      this.stream?.tick(now);
      const desk = this.d.desk;
      if (desk.engine !== null && this.phase !== "booting" && this.phase !== "broken") {
        if (now >= this.tickDue(desk.engine)) {
          this.lastTickAt = now;
          const tick = desk.act((e, t) => e.tick(t));
          const live = desk.act((e, t) => e.onLiveness(this.liveness(t), t));
          await desk.execute(mergeOutputs([tick, live]));
        }
        if (now >= this.due.reconcileAt) await this.reconcile("periodic");
        await desk.execute(mergeOutputs(await this.deadMan.work()));
        if (now >= this.due.retentionAt) {
          this.due.retentionAt = now + RISK_CADENCE.retentionMs;
          this.d.store.sweepAudit(now);
        }
      }
    } catch (e) {
      this.noteFailure("alarm", e);
    } finally {
      await this.scheduleAlarm();
    }
  }

  async scheduleAlarm(): Promise<void> {
    const now = Date.now();
    const e = this.phase === "booting" ? null : this.d.desk.engine;
    const at = nextAlarmAt(now, [
      this.stream?.nextDeadlineMs() ?? null,
      this.phase === "booting" ? this.due.bootAt : null,
      e === null ? null : this.tickDue(e),
      e === null ? null : this.due.reconcileAt,
      e === null ? null : this.due.retentionAt,
      e === null ? null : this.deadMan.deadline(now),
    ]);
    // An alarm already set for earlier stays (it reschedules when it runs).
    if (this.alarmAt !== null && this.alarmAt > now && this.alarmAt <= at) return;
    this.alarmAt = at;
    await this.d.ctx.storage.setAlarm(at);
  }

  /** The engine's tick (ack timeouts, status queries of unknown orders, liveness): every 2 s while orders are open, else every 10 s. */
  private tickDue(e: AccountEngine): number {
    const open = Object.keys(e.state.risk.orders).length > 0;
    return this.lastTickAt + (open ? RISK_CADENCE.tickMs : RISK_CADENCE.tickMs * 5);
  }

  status(): RiskStatus {
    const s = this.d.setup;
    const e = this.d.desk.engine;
    const view = e === null ? null : e.view(Date.now());
    const ready = this.phase === "ready" && e !== null;
    return {
      state: stateOf(view?.mode ?? "halted", ready),
      mode: view?.mode ?? "halted",
      phase: this.phase,
      ready,
      problem: this.problem,
      configIssues: s.configIssues,
      account: view,
      stream: this.stream?.status() ?? null,
      lastReconcile: s.lastReconcile,
      scheduleCancel: { ...s.deadMan, wanted: this.deadMan.wanted() },
      signer: { address: this.d.link.address, lastNonce: this.d.link.lastNonce(), calls: this.d.link.calls, failures: this.d.link.failures },
      markets: s.instrumentsOf(),
      feedsDown: s.feeds,
      venueClock: s.clock,
      audit: { ...this.d.store.counts },
      background: { ...this.background },
      desk: { ...this.d.desk.counts },
    };
  }

  /** Work started without being awaited (socket callbacks, pushes): a failure is recorded, never lost. */
  track(p: Promise<unknown>, what: string): void {
    p.catch((e: unknown) => this.noteFailure(what, e));
  }

  private noteFailure(what: string, e: unknown): void {
    const message = `${what}: ${e instanceof Error ? e.message : String(e)}`;
    this.background.failed++;
    this.background.lastError = message;
    this.d.store.audit([{ ts: Date.now(), kind: "error", market: null, engine: null, cloid: null, body: { detail: message } }]);
  }
}
