/**
 * The venue side of the backtest: our orders against the recorded books through the same
 * queue-aware matching model the local simulator uses (shared/matching), with fees, and the
 * answers the real venue would give (ack resting / filled, per-order refusals, cancel results,
 * order status, fills with a trade id and fee, self-trade cancels as order updates). It keeps
 * the true ledger: every fill is booked here when it happens, whatever the bot hears and when.
 */
import { formatScaled } from "../core/decimal";
import type { BboEvent, BookEvent, FillEvent, MarketEvent, OrderUpdateEvent, TradeEvent } from "../events";
import type { VenueOrderStatus } from "../execution/order-manager";
import type { Instrument, OrderIntent } from "../execution/types";
import { ledgerFill, type LedgerState } from "../engine/ledger";
import type { CancelResult, SendResult } from "../engine/types";
import { MatchingEngine } from "../matching/engine";
import type { MatchFill, MatchOutput, MarketSpec } from "../matching/types";

export type VenueMessage =
  | { kind: "send_result"; cloid: string; result: SendResult }
  | { kind: "cancel_result"; cloid: string; result: CancelResult }
  | { kind: "fill"; fill: FillEvent }
  | { kind: "update"; update: OrderUpdateEvent }
  | { kind: "status"; cloid: string; answer: VenueOrderStatus };

/** One fill as it happened at the venue (for the report and markouts). */
export interface VenueFillRecord {
  ts: number;
  market: string;
  cloid: string;
  side: "buy" | "sell";
  px: number;
  lots: number;
  feeMicros: number;
  crossed: boolean;
  source: MatchFill["source"];
  strategy: string;
}

interface SimOrder {
  intent: OrderIntent;
  oid: number;
  state: "resting" | "filled" | "cancelled" | "rejected";
  filled: number;
}

const OWNER = "backtest";

export class SimVenue {
  private readonly engines = new Map<string, MatchingEngine>();
  private readonly orders = new Map<string, SimOrder>();
  private readonly byOid = new Map<number, string>();
  private nextOid = 1_000_000;
  private nextTid = 1;
  readonly fills: VenueFillRecord[] = [];
  readonly counts = { orders: 0, rested: 0, aloRejected: 0, iocNoMatch: 0, cancelled: 0, cancelMissed: 0, selfTrade: 0, matchingErrors: 0 };

  constructor(
    specs: readonly MarketSpec[],
    private readonly inst: Readonly<Record<string, Instrument>>,
    private readonly ledger: LedgerState,
  ) {
    for (const s of specs) {
      const e = new MatchingEngine(s);
      this.engines.set(s.coin, e);
      if (s.dualCoin !== undefined) this.engines.set(s.dualCoin, e);
    }
  }

  /** A recorded event reaches the venue's book; our resting orders may fill. */
  onRecorded(ev: MarketEvent, out: VenueMessage[]): void {
    if (ev.kind !== "book" && ev.kind !== "bbo" && ev.kind !== "trade") return;
    const e = this.engines.get(ev.coin);
    if (e === undefined) return;
    const r = e.onEvent(ev as BookEvent | BboEvent | TradeEvent);
    if (!r.ok) {
      this.counts.matchingErrors++;
      return;
    }
    this.emit(r.value, ev.ts, out);
  }

  submit(intent: OrderIntent, t: number, out: VenueMessage[]): void {
    const coin = intent.market.slice(intent.venue.length + 1);
    const e = this.engines.get(coin);
    this.counts.orders++;
    if (e === undefined) {
      out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "error", message: `unknown coin ${coin}` } });
      return;
    }
    const oid = this.nextOid++;
    const order: SimOrder = { intent, oid, state: "rejected", filled: 0 };
    this.orders.set(intent.cloid, order);
    this.byOid.set(oid, intent.cloid);
    const r = e.submit({ oid, owner: OWNER, coin, side: intent.side, px: intent.px, sz: intent.sz, tif: intent.tif }, t);
    if (!r.ok) {
      this.counts.matchingErrors++;
      out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "error", message: r.error.kind } });
      return;
    }
    const s = r.value;
    if (s.kind === "rejected") {
      if (s.reason === "aloWouldCross") {
        this.counts.aloRejected++;
        const bbo = `${s.bbo.bid ?? "null"}/${s.bbo.ask ?? "null"}`;
        out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "rejected", reason: `Post only order would have immediately matched, bbo was ${bbo}` } });
      } else {
        this.counts.iocNoMatch++;
        this.emit(s.output, t, out);
        out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "rejected", reason: "Order could not immediately match against any resting orders." } });
      }
      return;
    }
    // Fills first: the venue's userFills and the /exchange answer race; ours lets fills win.
    this.emit(s.output, t, out);
    if (s.rested) {
      order.state = "resting";
      this.counts.rested++;
      out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "resting", oid } });
    } else {
      order.state = order.filled >= intent.sz ? "filled" : "cancelled";
      const avg = this.avgPx(intent.cloid);
      out.push({ kind: "send_result", cloid: intent.cloid, result: { kind: "filled", oid, totalLots: s.filled, avgPx: avg } });
    }
  }

  cancel(cloid: string, out: VenueMessage[]): void {
    const o = this.orders.get(cloid);
    const e = o === undefined ? undefined : this.engines.get(o.intent.market.slice(o.intent.venue.length + 1));
    if (o === undefined || e === undefined || o.state !== "resting" || !e.cancel(o.oid).ok) {
      this.counts.cancelMissed++;
      out.push({ kind: "cancel_result", cloid, result: { kind: "error", message: "Order was never placed, already canceled, or filled." } });
      return;
    }
    o.state = "cancelled";
    this.counts.cancelled++;
    out.push({ kind: "cancel_result", cloid, result: { kind: "ok" } });
  }

  query(cloid: string, out: VenueMessage[]): void {
    const o = this.orders.get(cloid);
    const answer: VenueOrderStatus =
      o === undefined
        ? { kind: "not_found" }
        : o.state === "resting"
          ? { kind: "open", oid: o.oid, filledSz: o.filled }
          : o.state === "filled"
            ? { kind: "filled", oid: o.oid, filledSz: o.filled }
            : o.state === "cancelled"
              ? { kind: "cancelled", oid: o.oid, filledSz: o.filled, reason: "canceled" }
              : { kind: "rejected", reason: "rejected" };
    out.push({ kind: "status", cloid, answer });
  }

  private avgPx(cloid: string): number {
    let n = 0;
    let v = 0;
    for (let i = this.fills.length - 1; i >= 0 && n < this.orders.get(cloid)!.filled; i--) {
      const f = this.fills[i]!;
      if (f.cloid !== cloid) continue;
      n += f.lots;
      v += f.px * f.lots;
    }
    return n > 0 ? v / n : 0;
  }

  private emit(m: MatchOutput, t: number, out: VenueMessage[]): void {
    for (const f of m.fills) {
      const cloid = this.byOid.get(f.oid);
      const o = cloid === undefined ? undefined : this.orders.get(cloid);
      const market = `hl:${f.coin}`;
      const inst = this.inst[market];
      if (o === undefined || inst === undefined) {
        this.counts.matchingErrors++;
        continue;
      }
      o.filled += f.sz;
      if (f.remaining === 0 && o.state === "resting") o.state = "filled";
      ledgerFill(this.ledger, inst, f.side, f.px, f.sz, f.feeMicros);
      const tid = `${this.nextTid++}`;
      this.fills.push({ ts: f.ts, market, cloid: o.intent.cloid, side: f.side, px: f.px, lots: f.sz, feeMicros: f.feeMicros, crossed: f.crossed, source: f.source, strategy: o.intent.strategy });
      out.push({
        kind: "fill",
        fill: {
          kind: "fill",
          venue: "hl",
          coin: f.coin,
          ts: f.ts,
          px: formatScaled(f.px, inst.pxDecimals),
          sz: formatScaled(f.sz, inst.szDecimals),
          side: f.side,
          oid: f.oid,
          cloid: o.intent.cloid,
          tid,
          fee: formatScaled(f.feeMicros, 6),
          crossed: f.crossed,
        },
      });
    }
    for (const c of m.closed) {
      const cloid = this.byOid.get(c.oid);
      const o = cloid === undefined ? undefined : this.orders.get(cloid);
      if (o === undefined) continue;
      o.state = "cancelled";
      this.counts.selfTrade++;
      const inst = this.inst[o.intent.market]!;
      out.push({
        kind: "update",
        update: {
          kind: "orderUpdate",
          venue: "hl",
          coin: o.intent.market.slice(3),
          ts: t,
          oid: o.oid,
          cloid: o.intent.cloid,
          side: o.intent.side,
          px: formatScaled(o.intent.px, inst.pxDecimals),
          sz: formatScaled(o.intent.sz - o.filled, inst.szDecimals),
          origSz: formatScaled(o.intent.sz, inst.szDecimals),
          status: c.status,
        },
      });
    }
  }
}
