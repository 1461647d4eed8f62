/**
 * One account's order and risk engine, what the RiskDO runs (README.md). It owns the order
 * manager book, the risk state, the requote planner's churn budgets, the exact ledger and the
 * fill feedback; every call returns what the RiskDO must send. The RiskDO calls it inside its
 * single-threaded critical sections, persists `exportState()`, then does the I/O.
 */
import * as z from "zod";
import { err, ok, type Result } from "../core/result";
import type { FillEvent, OrderUpdateEvent, Venue } from "../events";
import { createOrderBook, type VenueOrderStatus } from "../execution/order-manager";
import type { VenueSnapshot } from "../execution/reconcile";
import type { Instrument } from "../execution/types";
import { createRiskState, registerInstrument, type Liveness, type ResumeError, type RiskState } from "../risk";
import { finish, type AccountCtx } from "./account-core";
import * as controls from "./account-controls";
import * as fills from "./account-fills";
import * as orders from "./account-orders";
import * as views from "./account-view";
import { createLedger } from "./ledger";
import type { AccountEngineConfig, AccountEngineState, AccountError, AccountOutput, AccountSlice, AccountView, CancelResult, MarketDecision, SendResult } from "./types";

const StateShape = z.object({
  version: z.literal(1),
  risk: z.object({ version: z.literal(1), positions: z.record(z.string(), z.number()), orders: z.record(z.string(), z.unknown()) }).passthrough(),
  book: z.object({ cloidPrefix: z.string(), nextSeq: z.number().int().positive(), orders: z.record(z.string(), z.unknown()), slots: z.record(z.string(), z.array(z.string())) }),
  ledger: z.object({ startMicros: z.number().int(), cashMicros: z.number().int(), markets: z.record(z.string(), z.unknown()) }),
  churn: z.record(z.string(), z.object({ tokens: z.number(), capacity: z.number(), lastMs: z.number() })),
  slippage: z.record(z.string(), z.unknown()),
  fillRates: z.record(z.string(), z.unknown()),
  seenTids: z.array(z.string()),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  lastMs: z.number(),
});

function register(risk: RiskState, instruments: readonly Instrument[]): Result<RiskState, AccountError[]> {
  let s = risk;
  const errors: AccountError[] = [];
  for (const inst of instruments) {
    const r = registerInstrument(s, inst);
    if (r.ok) s = r.value;
    else errors.push({ kind: "risk", detail: `${r.error.market}: ${r.error.reason}` });
  }
  return errors.length === 0 ? ok(s) : err(errors);
}

export class AccountEngine {
  private readonly c: AccountCtx;

  private constructor(config: AccountEngineConfig, state: AccountEngineState) {
    const inst: Record<string, Instrument> = {};
    for (const i of config.instruments) inst[i.market] = i;
    this.c = { config, inst, s: state };
  }

  static create(config: AccountEngineConfig, nowMs: number): Result<AccountEngine, AccountError[]> {
    const book = createOrderBook(config.cloidPrefix);
    if (!book.ok) return err([{ kind: "order", detail: `bad cloid prefix ${config.cloidPrefix}` }]);
    const risk = register(createRiskState(config.startingCashUsd, nowMs, config.limits), config.instruments);
    if (!risk.ok) return err(risk.error);
    const zero = { submitted: 0, passed: 0, resized: 0, rejected: 0, sent: 0, fills: 0, cancels: 0, venueRejects: 0, unknown: 0 };
    return ok(
      new AccountEngine(config, {
        version: 1,
        risk: risk.value,
        book: book.value,
        ledger: createLedger(config.startingCashUsd),
        churn: {},
        slippage: {},
        fillRates: {},
        seenTids: [],
        counts: zero,
        lastMs: nowMs,
      }),
    );
  }

  /** From persisted state; instruments added to the config since are registered, the prefix must match. */
  static restore(config: AccountEngineConfig, input: unknown): Result<AccountEngine, AccountError[]> {
    const r = StateShape.safeParse(input);
    if (!r.success) return err([{ kind: "order", detail: `state: ${z.prettifyError(r.error)}` }]);
    const s = structuredClone(input) as AccountEngineState;
    if (s.book.cloidPrefix !== config.cloidPrefix) return err([{ kind: "order", detail: `state prefix ${s.book.cloidPrefix} is not ${config.cloidPrefix}` }]);
    const missing = config.instruments.filter((i) => !(i.market in s.risk.instruments));
    const risk = register(s.risk, missing);
    if (!risk.ok) return err(risk.error);
    return ok(new AccountEngine(config, { ...s, risk: risk.value }));
  }

  private run(nowMs: number, f: () => AccountOutput): AccountOutput {
    if (nowMs > this.c.s.lastMs) this.c.s.lastMs = nowMs;
    return finish(f());
  }

  submit(decision: MarketDecision, nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.submit(this.c, decision, nowMs));
  }
  onSendResult(cloid: string, r: SendResult, nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.onSendResult(this.c, cloid, r, nowMs));
  }
  onCancelResult(cloid: string, r: CancelResult, nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.onCancelResult(this.c, cloid, r, nowMs));
  }
  onStatus(cloid: string, a: VenueOrderStatus, nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.onStatus(this.c, cloid, a, nowMs));
  }
  onOrderUpdate(u: OrderUpdateEvent, nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.onOrderUpdate(this.c, u, nowMs));
  }
  onFill(f: FillEvent, nowMs: number): AccountOutput {
    return this.run(nowMs, () => fills.onFill(this.c, f, nowMs));
  }
  onReconcile(snap: VenueSnapshot, nowMs: number): AccountOutput {
    return this.run(nowMs, () => fills.onReconcile(this.c, snap, nowMs));
  }
  onMarks(marksUsd: Readonly<Record<string, number>>, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.onMarks(this.c, marksUsd, nowMs));
  }
  tick(nowMs: number): AccountOutput {
    return this.run(nowMs, () => orders.tick(this.c, nowMs));
  }
  kill(reason: string, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.kill(this.c, reason, nowMs));
  }
  cancelAll(nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.cancelAll(this.c, nowMs));
  }
  flatten(nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.flatten(this.c, nowMs));
  }
  setReducing(detail: string, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.setReducing(this.c, detail, nowMs));
  }
  resume(opts: { resetPeak: boolean }, nowMs: number): Result<AccountOutput, ResumeError> {
    if (nowMs > this.c.s.lastMs) this.c.s.lastMs = nowMs;
    return controls.resume(this.c, opts.resetPeak);
  }
  onLatency(ms: number, nowMs: number, scope = "*"): AccountOutput {
    return this.run(nowMs, () => controls.onLatency(this.c, ms, nowMs, scope));
  }
  onDepth(market: string, depthUsd: number, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.onDepth(this.c, market, depthUsd, nowMs));
  }
  onLiveness(l: Liveness, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.onLiveness(this.c, l, nowMs));
  }
  onVenueDisconnected(venue: Venue, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.onVenueDisconnected(this.c, venue, nowMs));
  }
  onVenueReconnected(venue: Venue, nowMs: number): AccountOutput {
    return this.run(nowMs, () => controls.onVenueReconnected(this.c, venue));
  }

  /** What one engine quotes against: holdings of `markets` and the live orders in slots starting with `slotPrefix`. */
  slice(markets: readonly string[], slotPrefix: string, nowMs: number): AccountSlice {
    return views.slice(this.c, markets, slotPrefix, nowMs);
  }
  view(nowMs: number): AccountView {
    return views.view(this.c, nowMs);
  }
  exportState(): AccountEngineState {
    return structuredClone(this.c.s);
  }
  /** Read-only access for the backtest's checks (risk equity against its own ledger). */
  get state(): Readonly<AccountEngineState> {
    return this.c.s;
  }
}
