/**
 * The discrete-event backtest (SPEC §17): recorded events merged by exchange time drive the
 * venue's books (shared/matching, our resting orders included) and, after the feed latency, the
 * bot: the very MarketEngine(s) and AccountEngine the Durable Objects run. Decisions reach the
 * venue after the order latency; acks, fills and cancel answers come back after the ack
 * latency. Latencies carry seeded jitter; nothing reads a clock, so the same input and seed give
 * the same run. The venue keeps the true ledger, checked to balance at every step.
 */
import { err, ok, type Result } from "../core/result";
import type { MarketEvent } from "../events";
import type { Instrument } from "../execution/types";
import { AccountEngine } from "../engine/account-engine";
import { createLedger, ledgerMark, type LedgerState } from "../engine/ledger";
import { MarketEngine } from "../engine/market-engine";
import type { AccountEngineConfig, AccountOutput, EngineConfigError, MarketEngineConfig } from "../engine/types";
import type { MarketSpec } from "../matching/types";
import { EventQueue } from "./event-queue";
import { LatencyModel, type LatencyConfig } from "./latency";
import { RecordedMids, type MarkSource } from "./mids";
import { contextSample, Recorder, type ContextSample, type InventoryKey } from "./recorder";
import { SimVenue, type VenueMessage } from "./venue";

export interface BacktestSetup {
  strategy: string;
  recording: string;
  engines: MarketEngineConfig[];
  account: AccountEngineConfig;
  venue: MarketSpec[];
  marks: MarkSource[];
  inventory: InventoryKey[];
  latency: LatencyConfig;
  seed: number;
}

export interface BacktestInput {
  events: readonly MarketEvent[];
  /** Records the loaders skipped, by reason (reported, never silently dropped). */
  skipped: Readonly<Record<string, number>>;
}

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /** Period of the account's alarm (timeouts, stale orders) and of the marks it gets, bot ms. */
  timerMs?: number;
  /** How long after the last recorded event answers in flight are still delivered. */
  drainMs?: number;
}

type Msg =
  | { to: "bot"; kind: "market"; ev: MarketEvent }
  | { to: "bot"; kind: "venue"; msg: VenueMessage }
  | { to: "bot"; kind: "timer" }
  | { to: "venue"; kind: "order"; intent: AccountOutput["orders"][number] }
  | { to: "venue"; kind: "cancel"; cloid: string }
  | { to: "venue"; kind: "query"; cloid: string };

/** Everything a finished run hands to the report. */
export interface RunData {
  setup: BacktestSetup;
  startMs: number;
  endMs: number;
  events: number;
  skipped: Readonly<Record<string, number>>;
  venue: SimVenue;
  ledger: LedgerState;
  recorder: Recorder;
  mids: RecordedMids;
  account: AccountEngine;
  engines: MarketEngine[];
  decisions: Record<string, number>;
  accountErrors: number;
  instruments: Readonly<Record<string, Instrument>>;
}

export function runBacktest(setup: BacktestSetup, input: BacktestInput, opts: RunOptions = {}): Result<RunData, EngineConfigError[]> {
  const events = input.events;
  const t0 = events[0]?.ts ?? 0;
  const endMs = events[events.length - 1]?.ts ?? t0;
  const timerMs = opts.timerMs ?? 1_000;
  const drainMs = opts.drainMs ?? 10_000;
  const inst: Record<string, Instrument> = {};
  for (const i of setup.account.instruments) inst[i.market] = i;

  const engines: MarketEngine[] = [];
  const errors: EngineConfigError[] = [];
  for (const c of setup.engines) {
    const r = MarketEngine.create(c);
    if (r.ok) engines.push(r.value);
    else errors.push(...r.error.map((e) => ({ ...e, path: `${c.id}.${e.path}` })));
  }
  const acc = AccountEngine.create(setup.account, t0);
  if (!acc.ok) errors.push(...acc.error.map((e) => ({ path: "account", message: JSON.stringify(e) })));
  if (errors.length > 0 || !acc.ok) return err(errors);
  const account = acc.value;

  const ledger = createLedger(setup.account.startingCashUsd);
  const venue = new SimVenue(setup.venue, inst, ledger);
  const venueMids = new RecordedMids(setup.marks);
  const botMids = new RecordedMids(setup.marks);
  const recorder = new Recorder(ledger, inst, setup.inventory);
  const latency = new LatencyModel(setup.latency, setup.seed);
  const q = new EventQueue<Msg>();
  const decisions: Record<string, number> = {};
  let accountErrors = 0;

  const byCoin = new Map<string, number[]>();
  const byMarket = new Map<string, number[]>();
  const markets = engines.map((e) => e.instruments().map((i) => i.market));
  engines.forEach((e, i) => {
    for (const c of e.coins()) byCoin.set(c, [...(byCoin.get(c) ?? []), i]);
    for (const m of markets[i]!) byMarket.set(m, [...(byMarket.get(m) ?? []), i]);
  });

  const dispatch = (o: AccountOutput, t: number, dirty?: Set<number>): void => {
    for (const c of o.cancels) q.push(latency.arrive("order", t), { to: "venue", kind: "cancel", cloid: c.cloid });
    for (const x of o.orders) q.push(latency.arrive("order", t), { to: "venue", kind: "order", intent: x });
    for (const x of o.queries) q.push(latency.arrive("order", t), { to: "venue", kind: "query", cloid: x.cloid });
    for (const r of o.records) {
      const key = r.decision.kind === "pass" ? "pass" : `${r.decision.kind}:${r.decision.limit}`;
      decisions[key] = (decisions[key] ?? 0) + 1;
    }
    accountErrors += o.errors.length + o.cancelsByOid.length;
    if (dirty !== undefined) for (const m of o.changed) for (const i of byMarket.get(m) ?? []) dirty.add(i);
  };

  // Once the recording is over the bot stops deciding; answers in flight are still delivered.
  const runEngines = (dirty: Set<number>, t: number): void => {
    if (t > endMs) return;
    for (const i of dirty) {
      const e = engines[i]!;
      const prefix = `${e.config.id}:`;
      e.onAccount(account.slice(markets[i]!, prefix, t));
      const d = e.decide(t);
      if (d === null) continue;
      dispatch(account.submit(d, t), t);
      e.onAccount(account.slice(markets[i]!, prefix, t));
    }
  };

  const onBotVenueMessage = (m: VenueMessage, t: number): void => {
    const dirty = new Set<number>();
    let o: AccountOutput;
    if (m.kind === "fill") o = account.onFill(m.fill, t);
    else if (m.kind === "update") o = account.onOrderUpdate(m.update, t);
    else if (m.kind === "send_result") o = account.onSendResult(m.cloid, m.result, t);
    else if (m.kind === "cancel_result") o = account.onCancelResult(m.cloid, m.result, t);
    else o = account.onStatus(m.cloid, m.answer, t);
    dispatch(o, t, dirty);
    const cloid = m.kind === "fill" ? m.fill.cloid : m.kind === "update" ? m.update.cloid : m.cloid;
    const market = cloid === undefined ? undefined : account.state.book.orders[cloid]?.intent.market;
    for (const i of market === undefined ? [] : (byMarket.get(market) ?? [])) dirty.add(i);
    runEngines(dirty, t);
  };

  const contexts = (): ContextSample[] => engines.map((e) => contextSample(e.config.id, e.lastContext())).filter((c): c is ContextSample => c !== null);
  const toBot = (msgs: VenueMessage[], t: number): void => {
    for (const m of msgs) q.push(latency.arrive("ack", t), { to: "bot", kind: "venue", msg: m });
  };

  const onRecorded = (ev: MarketEvent): void => {
    const out: VenueMessage[] = [];
    const before = venue.fills.length;
    venue.onRecorded(ev, out);
    if (venue.fills.length > before) recorder.afterFill(ev.ts);
    if (venueMids.onEvent(ev)) {
      for (const s of setup.marks) {
        const m = venueMids.markE(s.inst.market);
        if (m !== undefined) ledgerMark(ledger, s.inst, m);
      }
      recorder.check(ev.ts);
    }
    toBot(out, ev.ts);
    if (byCoin.has(ev.coin)) q.push(latency.arrive("feed", ev.ts), { to: "bot", kind: "market", ev });
  };

  const onMsg = (m: Msg, t: number): void => {
    if (m.to === "venue") {
      const out: VenueMessage[] = [];
      const before = venue.fills.length;
      if (m.kind === "order") venue.submit(m.intent, t, out);
      else if (m.kind === "cancel") venue.cancel(m.cloid, out);
      else venue.query(m.cloid, out);
      if (venue.fills.length > before) recorder.afterFill(t);
      toBot(out, t);
      return;
    }
    if (m.kind === "market") {
      botMids.onEvent(m.ev);
      const dirty = new Set<number>();
      for (const i of byCoin.get(m.ev.coin) ?? []) {
        engines[i]!.onEvent(m.ev, t);
        dirty.add(i);
      }
      runEngines(dirty, t);
    } else if (m.kind === "venue") onBotVenueMessage(m.msg, t);
    else {
      const dirty = new Set<number>();
      dispatch(account.onMarks(botMids.usd(setup.account.instruments), t), t, dirty);
      dispatch(account.tick(t), t, dirty);
      runEngines(dirty, t);
      if (t + timerMs <= endMs + drainMs) q.push(t + timerMs, { to: "bot", kind: "timer" });
    }
  };

  if (events.length > 0) q.push(t0 + timerMs, { to: "bot", kind: "timer" });
  let i = 0;
  for (;;) {
    const nextRec = i < events.length ? events[i]!.ts : Infinity;
    const nextQ = q.peekTime();
    if (nextRec === Infinity && nextQ === Infinity) break;
    if (nextRec <= nextQ) {
      recorder.sampleUpTo(nextRec, contexts);
      onRecorded(events[i++]!);
      if (opts.onProgress !== undefined && (i & 4095) === 0) opts.onProgress(i, events.length);
    } else {
      const { at, item } = q.pop()!;
      recorder.sampleUpTo(at, contexts);
      onMsg(item, at);
    }
  }
  opts.onProgress?.(events.length, events.length);
  const last = Math.max(endMs + drainMs, recorder.sampleTs[recorder.sampleTs.length - 1] ?? endMs);
  account.onMarks(botMids.usd(setup.account.instruments), last);
  recorder.check(last);
  return ok({ setup, startMs: t0, endMs, events: events.length, skipped: input.skipped, venue, ledger, recorder, mids: venueMids, account, engines, decisions, accountErrors, instruments: inst });
}
