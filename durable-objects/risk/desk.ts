/**
 * The RiskDO's order desk: the AccountEngine, and the loop that carries out what it asks for.
 * Every engine call runs through `act`, which records the call's audit entries at once and
 * leaves the engine state to `flush`, run before every await (so the reservation of an order is
 * durable before the signer is awaited); `execute` then sends cancels by oid, a requote's cancels
 * and new orders together, then asks about ambiguous ones, feeding every answer back into the
 * engine until nothing is left.
 */
import type { AccountEngine } from "../../shared/engine";
import type { AccountOutput, CancelResult, SendResult } from "../../shared/engine/types";
import type { Instrument } from "../../shared/execution/types";
import { riskEntries, type NewAuditEntry } from "../../shared/runtime/account/audit";
import type { SignerReply } from "../../shared/runtime/account/signer-protocol";
import { venueOrderStatus } from "../../shared/runtime/account/venue-snapshot";
import { venueNow, type VenueClock } from "../../shared/runtime/account/venue-clock";
import { cancelBatch, cancelByOidBatch, orderBatch, type AssetTable } from "../../shared/runtime/account/wire-orders";
import type { EngineStateStore } from "./engine-state";
import type { SignerLink } from "./signer-link";
import type { RiskStore } from "./store";
import type { VenueInfo } from "./venue-info";

/** What the decision behind a batch of orders carried, for the audit log and the tick-to-order stages. */
export interface SendContext {
  engine: string | null;
  decisionSeq: number | null;
  frameAt: number | null;
  decidedAt: number | null;
  riskAt: number;
}

export interface DeskDeps {
  store: RiskStore;
  /** Where the engine state lives (written in proportion to what changed). */
  state: EngineStateStore;
  link: SignerLink;
  info: VenueInfo;
  assets(): AssetTable;
  instruments(): Readonly<Record<string, Instrument>>;
  clock(): VenueClock;
  ackTimeoutMs(): number;
  /** Markets whose holdings or live orders changed: push fresh slices to their engines. */
  changed(markets: string[]): void;
  /** Runs before an order batch is sent (arms the dead man's switch if it is not armed). */
  beforeOrders(): Promise<void>;
}

/** Clock difference allowed between our send time and the venue's expiresAfter check. */
const NOT_FOUND_MARGIN_MS = 1_000;

/** Rounds of answers fed back per execute call; a loop beyond this is a bug, and stops. */
const MAX_ROUNDS = 64;

export class AccountDesk {
  engine: AccountEngine | null = null;
  private dirty = false;
  counts = { executes: 0, rounds: 0, queries: 0, queryFailures: 0 };

  constructor(private readonly d: DeskDeps) {}

  get states(): EngineStateStore {
    return this.d.state;
  }

  /**
   * One engine call; its audit entries are written at once, the engine state by `flush`, which
   * runs before every await (so a reservation is durable before the signer is called, and the
   * output gate holds the call until it is) and at the end of `execute`. Several calls in one
   * turn write the state once, and only what changed (engine-state.ts): the head and the orders
   * touched, not the finished orders and the trade-id window.
   */
  act(f: (e: AccountEngine, now: number) => AccountOutput, audit?: (out: AccountOutput, now: number) => NewAuditEntry[]): AccountOutput {
    const e = this.engine;
    if (e === null) throw new Error("account engine not started");
    const now = Date.now();
    const out = f(e, now);
    this.dirty = true;
    this.record(out, audit?.(out, now) ?? [], now);
    return out;
  }

  flush(): void {
    if (!this.dirty || this.engine === null) return;
    this.d.state.write(this.engine.state);
    this.dirty = false;
  }

  /** Records audit entries and writes the engine state now (for changes made outside `act`). */
  persist(out: AccountOutput | null, extra: readonly NewAuditEntry[], now: number): void {
    this.record(out, extra, now);
    this.dirty = true;
    this.flush();
  }

  /** Audit entries only (the engine did not change). */
  note(entries: readonly NewAuditEntry[]): void {
    this.record(null, entries, Date.now());
  }

  private record(out: AccountOutput | null, extra: readonly NewAuditEntry[], now: number): void {
    const entries: NewAuditEntry[] = [...extra];
    if (out !== null) {
      entries.push(...riskEntries(out.records));
      for (const er of out.errors) entries.push({ ts: now, kind: "error", market: null, engine: null, cloid: null, body: er });
    }
    if (entries.length > 0) this.d.store.audit(entries);
  }

  async execute(first: AccountOutput, ctx: SendContext | null = null): Promise<void> {
    this.counts.executes++;
    const queue: AccountOutput[] = [first];
    for (let round = 0; queue.length > 0; round++) {
      if (round >= MAX_ROUNDS) {
        this.note([{ ts: Date.now(), kind: "error", market: null, engine: null, cloid: null, body: { detail: `execute stopped after ${MAX_ROUNDS} rounds` } }]);
        return;
      }
      this.counts.rounds++;
      this.flush();
      const o = queue.shift()!;
      if (o.changed.length > 0) this.d.changed(o.changed);
      if (o.cancelsByOid.length > 0) queue.push(...(await this.sendOidCancels(o.cancelsByOid)));
      if (o.cancels.length > 0 || o.orders.length > 0) queue.push(...(await this.send(o.cancels, o.orders, ctx)));
      if (o.queries.length > 0) queue.push(...(await this.ask(o.queries)));
    }
    this.flush();
  }

  /**
   * A round's cancels and new orders, in flight together (SignerLink.cancelAndPlace): both are
   * recorded and the state holding their reservations written before either leaves; the answers
   * are fed back cancels first, then orders, as when they went one after the other.
   */
  private async send(cancels: AccountOutput["cancels"], orders: AccountOutput["orders"], ctx: SendContext | null): Promise<AccountOutput[]> {
    const cb = cancelBatch(cancels, this.d.assets());
    const ob = orderBatch(orders, this.d.instruments(), this.d.assets());
    const noted = Date.now();
    if (cancels.length > 0) this.note(cancels.map((c) => ({ ts: noted, kind: "cancel", market: c.market, engine: null, cloid: c.cloid, body: { reason: c.reason } })));
    const outs = [
      ...cb.denied.map((x) => this.act((e, t) => e.onCancelResult(x.cloid, { kind: "error", message: x.reason }, t))),
      ...ob.denied.map((x) => this.act((e, t) => e.onSendResult(x.cloid, { kind: "denied", reason: x.reason }, t))),
    ];
    const cancelling = cb.send.length > 0;
    const placing = ob.send.length > 0;
    if (!cancelling && !placing) return outs;
    const byCloid = new Map(orders.map((o) => [o.cloid, o]));
    if (placing) {
      this.flush();
      await this.d.beforeOrders();
      const now = Date.now();
      this.note(
        ob.send.map((x) => {
          const o = byCloid.get(x.cloid)!;
          return { ts: now, kind: "order" as const, market: o.market, engine: ctx?.engine ?? null, cloid: x.cloid, body: { wire: x.wire, slot: o.slot, strategy: o.strategy, tactic: o.tactic, decisionSeq: ctx?.decisionSeq ?? null } };
        }),
      );
    }
    const expiresAfter = venueNow(this.d.clock(), Date.now()) + this.d.ackTimeoutMs();
    this.flush();
    const link = this.d.link;
    const cancelWire = cb.send.map((x) => x.wire);
    const orderWire = ob.send.map((x) => x.wire);
    const [cancelReply, placeReply] =
      cancelling && placing
        ? await link.cancelAndPlace(cancelWire, orderWire, expiresAfter)
        : cancelling
          ? [await link.cancelByCloid(cancelWire), null]
          : [null, await link.place(orderWire, expiresAfter)];
    if (cancelReply !== null) {
      const markets = new Map(cancels.map((c) => [c.cloid, c.market]));
      outs.push(
        ...this.answer(cb.send.map((x) => x.cloid), cancelReply, (cloid) => markets.get(cloid) ?? null, "cancel_ack", (e, cloid, r: CancelResult, t) => e.onCancelResult(cloid, r, t)),
        ...this.observe(cancelReply),
      );
    }
    if (placeReply !== null) {
      outs.push(
        ...this.answer(ob.send.map((x) => x.cloid), placeReply, (cloid) => byCloid.get(cloid)?.market ?? null, "ack", (e, cloid, r: SendResult, t) => e.onSendResult(cloid, r, t), ctx),
        ...this.observe(placeReply),
      );
    }
    return outs;
  }

  private async sendOidCancels(cancels: AccountOutput["cancelsByOid"]): Promise<AccountOutput[]> {
    const batch = cancelByOidBatch(cancels, this.d.assets());
    const now = Date.now();
    this.note(cancels.map((c) => ({ ts: now, kind: "cancel", market: c.market, engine: null, cloid: null, body: { oid: c.oid, reason: c.reason, unknownAsset: batch.missing.includes(c.market) } })));
    if (batch.send.length === 0) return [];
    this.flush();
    const reply = await this.d.link.cancelByOid(batch.send);
    const t = Date.now();
    this.note(batch.send.map((c, i) => ({ ts: t, kind: "cancel_ack", market: null, engine: null, cloid: null, body: { oid: c.oid, result: reply.results[i], nonce: reply.nonce, http: reply.http, note: reply.note } })));
    return this.observe(reply);
  }

  /**
   * The venue round trip of every answered call feeds the latency-anomaly trigger (SPEC §10).
   * Cancels and the dead man's refresh count too, so a trigger raised by one slow answer clears
   * on the next normal one even while no order passes.
   */
  observe(reply: SignerReply<unknown>): AccountOutput[] {
    if (reply.http === null || this.engine === null) return [];
    return [this.act((e, t) => e.onLatency(reply.timing.answeredMs - reply.timing.signedMs, t))];
  }

  /** Feeds each result of a signer reply into the engine, recording it. */
  private answer<R>(
    cloids: string[],
    reply: SignerReply<R>,
    marketOf: (cloid: string) => string | null,
    kind: "ack" | "cancel_ack",
    apply: (e: AccountEngine, cloid: string, r: R, now: number) => AccountOutput,
    ctx: SendContext | null = null,
  ): AccountOutput[] {
    const stages = {
      frameAt: ctx?.frameAt ?? null,
      decidedAt: ctx?.decidedAt ?? null,
      riskAt: ctx?.riskAt ?? null,
      signerAt: reply.timing.receivedMs,
      signedAt: reply.timing.signedMs,
      postedAt: reply.timing.signedMs,
      answeredAt: reply.timing.answeredMs,
    };
    return cloids.map((cloid, i) => {
      const r = reply.results[i]!;
      const body = { result: r, nonce: reply.nonce, http: reply.http, note: reply.note, signer: reply.signer, decisionSeq: ctx?.decisionSeq ?? null, stages };
      return this.act(
        (e, t) => apply(e, cloid, r, t),
        (_o, t) => [{ ts: t, kind, market: marketOf(cloid), engine: ctx?.engine ?? null, cloid, body }],
      );
    });
  }

  /** orderStatus for each order whose fate is open; an unreadable answer leaves it for the next tick. */
  private async ask(queries: AccountOutput["queries"]): Promise<AccountOutput[]> {
    const outs: AccountOutput[] = [];
    const seen = new Set<string>();
    for (const q of queries) {
      if (seen.has(q.cloid) || this.engine === null) continue;
      seen.add(q.cloid);
      const ord = this.engine.state.book.orders[q.cloid];
      const inst = ord === undefined ? undefined : this.d.instruments()[ord.intent.market];
      const id = q.cloid.startsWith("0x") ? q.cloid : q.oid;
      if (inst === undefined || id === null) continue;
      this.counts.queries++;
      this.flush();
      const res = await this.d.info.orderStatus(id);
      const now = Date.now();
      if (!res.ok) {
        this.counts.queryFailures++;
        this.note([{ ts: now, kind: "status", market: inst.market, engine: null, cloid: q.cloid, body: { error: res.error } }]);
        continue;
      }
      const answer = venueOrderStatus(res.value.value, inst);
      const body = { venue: res.value.value, answer };
      // "Not found" is final only once the venue can no longer act on the request: its
      // expiresAfter (sent + ack timeout) has passed. Until then the order stays open and is asked again.
      const tooEarly = answer?.kind === "not_found" && ord !== undefined && ord.sentMs !== null && now < ord.sentMs + this.d.ackTimeoutMs() + NOT_FOUND_MARGIN_MS;
      if (answer === null || tooEarly) {
        this.note([{ ts: now, kind: "status", market: inst.market, engine: null, cloid: q.cloid, body }]);
        continue;
      }
      outs.push(this.act((e, t) => e.onStatus(q.cloid, answer, t), (_o, t) => [{ ts: t, kind: "status", market: inst.market, engine: null, cloid: q.cloid, body }]));
    }
    return outs;
  }
}

/** Several engine outputs as one, in order (they are executed as one batch of cancels, orders, queries). */
export function mergeOutputs(outs: readonly AccountOutput[]): AccountOutput {
  const m: AccountOutput = { cancels: [], cancelsByOid: [], orders: [], queries: [], records: [], held: [], errors: [], changed: [] };
  for (const o of outs) {
    m.cancels.push(...o.cancels);
    m.cancelsByOid.push(...o.cancelsByOid);
    m.orders.push(...o.orders);
    m.queries.push(...o.queries);
    m.records.push(...o.records);
    m.held.push(...o.held);
    m.errors.push(...o.errors);
    m.changed.push(...o.changed);
  }
  m.changed = [...new Set(m.changed)];
  return m;
}
