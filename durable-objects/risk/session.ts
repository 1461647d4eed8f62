/**
 * The RiskDO's life with the venue (SPEC §12): restore from SQLite (constructor, no I/O), boot
 * (the signer's address and nonce row, asset ids, a fresh engine's starting equity), the private
 * stream, reconciliation, the alarm (engine tick, liveness, periodic reconcile, dead man's
 * switch, audit retention) and what gates `submit`: after any start, nothing is accepted until
 * the private stream delivered its snapshot and a reconciliation with the venue succeeded.
 */
import { err, ok, type Result } from "../../shared/core/result";
import { AccountEngine } from "../../shared/engine";
import type { AccountEngineState, AccountOutput, AccountSlice } from "../../shared/engine/types";
import type { AccountEvent } from "../../shared/events";
import { DEAD_MAN, deadManAnswered, deadManDeadline, deadManStep } from "../../shared/runtime/account/dead-man";
import { feedLiveness, type FeedDown } from "../../shared/runtime/account/feeds";
import { nextAlarmAt, RISK_CADENCE } from "../../shared/runtime/account/risk-schedule";
import { measureOffset, venueNow } from "../../shared/runtime/account/venue-clock";
import { accountValueUsd, marksFromMids } from "../../shared/runtime/account/venue-snapshot";
import type { Liveness, Mode } from "../../shared/risk";
import { mergeOutputs, type AccountDesk } from "./desk";
import type { RiskEnv } from "./env";
import { PrivateStream } from "./private-stream";
import { dexesOf, failedReport, readVenue, reconcileCalls, report, type ReconcileReport } from "./reconciler";
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

const RANK: Record<Mode, number> = { active: 0, reducing: 1, halted: 2 };

export class RiskSession {
  phase: Phase = "booting";
  problem: string | null = null;
  private stream: PrivateStream | null = null;
  private booting: Promise<void> | null = null;
  private reconciling: Promise<ReconcileReport> | null = null;
  private arming: Promise<AccountOutput[]> | null = null;
  /** The private stream resynced: the next good reconciliation lets the venue trade again. */
  private awaitingReconcile = false;
  private readonly due = { reconcileAt: 0, retentionAt: 0, bootAt: 0 };
  private lastTickAt = 0;
  private alarmAt: number | null = null;
  private readonly background = { failed: 0, lastError: null as string | null };

  constructor(private readonly d: SessionDeps) {}

  /** Constructor time: the engine from SQLite (nothing here may do I/O). */
  restore(): void {
    const cfg = this.d.setup.engineConfig();
    const state = this.d.store.get<AccountEngineState>("engine");
    if (cfg === null || state === undefined) return;
    const r = AccountEngine.restore(cfg, state);
    if (r.ok) this.d.desk.engine = r.value;
    else this.fail(`stored account state refused: ${JSON.stringify(r.error).slice(0, 300)}`);
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
      await this.d.link.connect();
      await this.refreshAssets();
      if (this.d.desk.engine === null) await this.createEngine();
      this.phase = "syncing";
      this.problem = null;
      this.startStream();
    } catch (e) {
      this.problem = `boot: ${e instanceof Error ? e.message : String(e)}`;
      this.due.bootAt = Date.now() + RISK_CADENCE.bootRetryMs;
    }
  }

  private async createEngine(): Promise<void> {
    const s = this.d.setup;
    const [perps, spot] = await Promise.all([this.d.info.clearinghouse(), this.d.info.spot()]);
    if (!perps.ok) throw new Error(perps.error);
    if (!spot.ok) throw new Error(spot.error);
    s.clock = measureOffset(s.clock, perps.value.value.time, perps.value.sentMs, perps.value.answeredMs);
    s.prefix ??= randomPrefix();
    s.startingCashUsd = accountValueUsd(perps.value.value, spot.value.value);
    s.baselineMs = venueNow(s.clock, Date.now());
    const now = Date.now();
    const r = AccountEngine.create(s.engineConfig()!, now);
    if (!r.ok) throw new Error(`account engine refused its config: ${JSON.stringify(r.error).slice(0, 300)}`);
    for (const k of ["clock", "prefix", "startingCash", "baseline"] as const) s.save(k);
    this.d.desk.engine = r.value;
    this.d.desk.persist(null, [{ ts: now, kind: "control", market: null, engine: null, cloid: null, body: { action: "start", startingCashUsd: s.startingCashUsd, prefix: s.prefix } }], now);
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

  /** A new config or instrument list: the same state under the new engine config. */
  rebuildEngine(): Result<void, string[]> {
    const e = this.d.desk.engine;
    const cfg = this.d.setup.engineConfig();
    if (e === null || cfg === null) return ok(undefined);
    const r = AccountEngine.restore(cfg, e.exportState());
    if (!r.ok) return err(r.error.map((x) => JSON.stringify(x)));
    this.d.desk.engine = r.value;
    this.d.desk.persist(null, [], Date.now());
    return ok(undefined);
  }

  private startStream(): void {
    if (this.stream !== null) return;
    this.stream = new PrivateStream(this.d.env.HL_WS_URL, this.d.env.HL_ACCOUNT, {
      onEvents: (events) => this.onAccountEvents(events),
      onDown: (reason) => this.track(this.streamDown(reason), "private stream down"),
      onUp: () => this.track(this.streamUp(), "private stream up"),
    });
    this.stream.start();
  }

  private async streamDown(reason: string): Promise<void> {
    const now = Date.now();
    this.d.store.audit([{ ts: now, kind: "stream", market: null, engine: null, cloid: null, body: { up: false, reason } }]);
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

  reconcile(reason: string): Promise<ReconcileReport> {
    this.reconciling ??= this.reconcileOnce(reason).finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  private async reconcileOnce(reason: string): Promise<ReconcileReport> {
    const s = this.d.setup;
    const desk = this.d.desk;
    const insts = s.instruments();
    const read = desk.engine === null ? err("account engine not started") : await readVenue(this.d.info, insts, s.clock);
    const now = Date.now();
    if (!read.ok || desk.engine === null) {
      const rep = failedReport(reason, read.ok ? "account engine not started" : read.error, now, s.clock);
      this.due.reconcileAt = now + RISK_CADENCE.bootRetryMs;
      s.lastReconcile = rep;
      s.save("lastReconcile");
      this.d.store.audit([{ ts: now, kind: "reconcile", market: null, engine: null, cloid: null, body: rep }]);
      return rep;
    }
    s.clock = read.value.clock;
    s.save("clock");
    const calls = reconcileCalls(read.value, insts, s.baselineMs ?? 0);
    const adoptedBefore = countAdopted(desk.engine);
    const marks = desk.act((e, t) => e.onMarks(calls.marks, t));
    const depth = Object.entries(read.value.depthUsd).map(([market, usd]) => desk.act((e, t) => e.onDepth(market, usd, t)));
    // Fills the stream missed, recorded as fills (the engine applies each tid once).
    const missed = calls.snap.snapshot.fills.filter((f) => !desk.engine!.state.seenTids.includes(f.tid));
    const rec = desk.act(
      (e, t) => e.onReconcile(calls.snap.snapshot, t),
      (_o, t) => missed.map((f) => ({ ts: t, kind: "fill" as const, market: f.market, engine: null, cloid: f.cloid, body: { source: "reconcile", ...f } })),
    );
    const rep = report(reason, now, calls, rec, desk.engine.state.risk.positions, countAdopted(desk.engine) - adoptedBefore, s.clock);
    s.lastReconcile = rep;
    s.save("lastReconcile");
    this.d.store.audit([{ ts: now, kind: "reconcile", market: null, engine: null, cloid: null, body: rep }]);
    await desk.execute(mergeOutputs([marks, ...depth, rec]));
    if (this.awaitingReconcile && this.stream?.status().synced === true) {
      this.awaitingReconcile = false;
      await desk.execute(desk.act((e, t) => e.onVenueReconnected("hl", t)));
      if (this.phase === "syncing") this.phase = "ready";
    }
    this.due.reconcileAt = Date.now() + (inFlight(desk.engine) ? RISK_CADENCE.reconcileBusyMs : RISK_CADENCE.reconcileMs);
    await this.scheduleAlarm();
    return rep;
  }

  /** Marks from the venue's mids (before a flatten prices its orders). */
  async refreshMarks(): Promise<void> {
    if ((await this.engine()) === null) return;
    const insts = this.d.setup.instruments();
    const mids = await Promise.all(dexesOf(insts).map((dex) => this.d.info.mids(dex)));
    const merged: Record<string, string> = {};
    for (const m of mids) if (m.ok) Object.assign(merged, m.value.value);
    await this.d.desk.execute(this.d.desk.act((e, t) => e.onMarks(marksFromMids(merged, insts), t)));
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
    const now = Date.now();
    if (down === null) delete s.feeds[id];
    else s.feeds[id] = s.feeds[id] ?? down;
    s.save("feeds");
    this.d.store.audit([{ ts: now, kind: "feed", market: id, engine: id, cloid: null, body: down === null ? { up: true } : { up: false, reason: down.reason } }]);
    if (this.d.desk.engine !== null) await this.d.desk.execute(this.d.desk.act((e, t) => e.onLiveness(this.liveness(t), t)));
  }

  private liveness(now: number): Liveness {
    const s = this.d.setup;
    return feedLiveness(s.feeds, s.instrumentsOf(), this.stream?.lastFrameMs ?? null, s.config.risk.stale_feed_ms, now);
  }

  /** The slice of one registered engine: its instruments' holdings and its slots' live orders. */
  slice(id: string, halted: boolean): AccountSlice {
    const e = this.d.desk.engine;
    const now = Date.now();
    if (e === null) return { asOfMs: now, equityUsd: 0, mode: "halted", holdings: {}, liveOrders: {} };
    const markets = (this.d.setup.markets[id]?.instruments ?? []).map((i) => i.market);
    const s = e.slice(markets, `${id}:`, now);
    return halted || this.phase !== "ready" ? { ...s, mode: "halted" } : s;
  }

  mergedSlice(ids: readonly string[]): AccountSlice {
    const parts = ids.map((id) => this.slice(id, false));
    const first = parts[0] ?? this.slice("", true);
    return parts.reduce<AccountSlice>(
      (a, b) => ({
        asOfMs: a.asOfMs,
        equityUsd: a.equityUsd,
        mode: RANK[b.mode] > RANK[a.mode] ? b.mode : a.mode,
        holdings: { ...a.holdings, ...b.holdings },
        liveOrders: { ...a.liveOrders, ...b.liveOrders },
      }),
      first,
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
        await desk.execute(mergeOutputs(await this.deadManWork()));
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
    const s = this.d.setup;
    const hasEngine = this.d.desk.engine !== null && this.phase !== "booting";
    const at = nextAlarmAt(now, [
      this.stream?.nextDeadlineMs() ?? null,
      this.phase === "booting" ? this.due.bootAt : null,
      hasEngine ? this.tickDue(this.d.desk.engine!) : null,
      hasEngine ? this.due.reconcileAt : null,
      hasEngine ? this.due.retentionAt : null,
      hasEngine ? deadManDeadline(s.deadMan, this.deadManWanted(), now, venueNow(s.clock, now)) : null,
    ]);
    // An alarm already set for earlier stays (it reschedules when it runs).
    if (this.alarmAt !== null && this.alarmAt > now && this.alarmAt <= at) return;
    this.alarmAt = at;
    await this.d.ctx.storage.setAlarm(at);
  }

  /** The engine's tick (ack timeouts, status queries of unknown orders, liveness): every 2 s while orders are open, else every 10 s. */
  private tickDue(e: AccountEngine): number {
    return this.lastTickAt + (openOrders(e) ? RISK_CADENCE.tickMs : RISK_CADENCE.tickMs * 5);
  }

  private deadManWanted(): boolean {
    return this.phase === "ready" && Object.keys(this.d.setup.markets).length > 0;
  }

  /** Arms, refreshes or disarms the dead man's switch when due; returns the latency observation to execute. */
  private deadManWork(): Promise<AccountOutput[]> {
    this.arming ??= (async () => {
      const s = this.d.setup;
      const now = Date.now();
      const step = deadManStep(s.deadMan, this.deadManWanted(), now, venueNow(s.clock, now));
      if (step.kind === "none") return [];
      const reply = await this.d.link.scheduleCancel(step.kind === "arm" ? step.time : null);
      const result = reply.results[0] ?? { kind: "unknown" as const };
      s.deadMan = deadManAnswered(s.deadMan, step, result, Date.now(), DEAD_MAN);
      s.save("deadman");
      this.d.store.audit([{ ts: Date.now(), kind: "dead_man", market: null, engine: null, cloid: null, body: { step, result, http: reply.http, note: reply.note, nonce: reply.nonce } }]);
      return this.d.desk.observe(reply);
    })().finally(() => {
      this.arming = null;
    });
    return this.arming;
  }

  /** Before an order batch: arm the switch first if it is wanted and not armed (SPEC §10: armed before orders rest). */
  async armBeforeOrders(): Promise<void> {
    const dm = this.d.setup.deadMan;
    if (!this.deadManWanted() || dm.armedUntil !== null || (dm.retryAtMs !== null && Date.now() < dm.retryAtMs)) return;
    await this.deadManWork();
  }

  status(): RiskStatus {
    const s = this.d.setup;
    const e = this.d.desk.engine;
    const view = e === null ? null : e.view(Date.now());
    const ready = this.phase === "ready" && e !== null;
    const markets: Record<string, string[]> = s.instrumentsOf();
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
      scheduleCancel: { ...s.deadMan, wanted: this.deadManWanted() },
      signer: { address: this.d.link.address, lastNonce: this.d.link.lastNonce(), calls: this.d.link.calls, failures: this.d.link.failures },
      markets,
      feedsDown: s.feeds,
      venueClock: s.clock,
      audit: { ...this.d.store.counts },
      background: { ...this.background },
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

  private fail(message: string): void {
    this.phase = "broken";
    this.problem = message;
  }
}

function randomPrefix(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function countAdopted(e: AccountEngine): number {
  let n = 0;
  for (const cloid in e.state.book.orders) if (e.state.book.orders[cloid]!.intent.slot.startsWith("adopted:")) n++;
  return n;
}

function openOrders(e: AccountEngine): boolean {
  return Object.keys(e.state.risk.orders).length > 0;
}

function inFlight(e: AccountEngine): boolean {
  for (const cloid in e.state.book.orders) {
    const st = e.state.book.orders[cloid]!.status;
    if (st === "sent" || st === "unknown") return true;
  }
  return false;
}
