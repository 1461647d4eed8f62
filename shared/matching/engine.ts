/**
 * The queue-aware matching model for one market: our orders against a replayed public book and
 * its recorded trades. Event in, fills out, time explicit — the local simulator and the
 * backtest engine drive the very same object.
 *
 * Where our orders get fills (and nowhere else):
 * - take: an incoming order crosses the book; it consumes recorded size level by level and the
 *   resting orders of other owners in queue order (its own resting orders are cancelled,
 *   Hyperliquid's self-trade prevention). What we took stays taken until the level vanishes.
 * - trade: a recorded aggressive trade at our price fills us once the size queued ahead of us
 *   is exhausted; a print beyond our price (the aggressor went through us) fills us outright.
 *   Fills never exceed the printed size.
 * - depletion: a book update shows the other side at or through our resting price (someone
 *   posted there while we were resting, so their order would have met ours): we fill at our
 *   price against that size.
 * HIP-4: the side-1 coin is the mirror of side 0 (buy NO at q = sell YES at 1 − q), so both legs
 * are one merged book; events of the dual coin are ignored because the primary's carry the same
 * information (the recording's #151 is #150 mirrored, trades included).
 */
import { parseScaled, pow10 } from "../core/decimal";
import { err, ok, type Result } from "../core/result";
import { px as asPx, sz as asSz } from "../core/units";
import type { BboEvent, BookEvent, TradeEvent } from "../events";
import { feeMicros } from "./fees";
import { available, type Level, levelView, type RestingOrder, sweepLevel, walkLevel } from "./level-queue";
import { parseLevel, parseLevels } from "./recorded";
import { SideBook } from "./side-book";
import type {
  FillSource,
  LevelView,
  MarketSpec,
  MatchError,
  MatchFill,
  MatchOutput,
  OrderIn,
  RestingView,
  Side,
  SubmitOutcome,
} from "./types";

const empty = (): MatchOutput => ({ fills: [], closed: [] });

export class MatchingEngine {
  private readonly one: number;
  private readonly bids = new SideBook(true);
  private readonly asks = new SideBook(false);
  private readonly orders = new Map<number, RestingOrder>();
  private seq = 0;

  constructor(readonly spec: MarketSpec) {
    this.one = pow10(spec.pxDecimals);
  }

  /** Feeds one recorded event (its own `ts` is the time). Dual-coin events are no-ops. */
  onEvent(ev: BookEvent | BboEvent | TradeEvent): Result<MatchOutput, MatchError> {
    if (ev.coin === this.spec.dualCoin) return ok(empty());
    if (ev.coin !== this.spec.coin) return err({ kind: "wrongCoin", coin: ev.coin });
    if (ev.kind === "trade") return this.onTrade(ev);
    if (ev.kind === "book") {
      const bids = parseLevels(ev.bids, "bids", this.spec);
      if (!bids.ok) return bids;
      const asks = parseLevels(ev.asks, "asks", this.spec);
      if (!asks.ok) return asks;
      this.bids.applySnapshot(bids.value);
      this.asks.applySnapshot(asks.value);
    } else {
      const bid = ev.bid === null ? ok(null) : parseLevel(ev.bid, "bid", this.spec);
      if (!bid.ok) return bid;
      const ask = ev.ask === null ? ok(null) : parseLevel(ev.ask, "ask", this.spec);
      if (!ask.ok) return ask;
      this.bids.applyTop(bid.value);
      this.asks.applyTop(ask.value);
    }
    const out = empty();
    this.deplete(this.bids, this.asks, ev.ts, out);
    this.deplete(this.asks, this.bids, ev.ts, out);
    return ok(out);
  }

  /** Places an order at time `ts`: ALO check, take what crosses, then rest (Gtc/Alo) or cancel the rest (Ioc). */
  submit(o: OrderIn, ts: number): Result<SubmitOutcome, MatchError> {
    const merged = this.toMerged(o.coin, o.side, o.px);
    if (merged === null) return err({ kind: "wrongCoin", coin: o.coin });
    const own = merged.side === "buy" ? this.bids : this.asks;
    const opp = merged.side === "buy" ? this.asks : this.bids;
    const crosses = (oppPx: number): boolean => !opp.better(merged.px, oppPx);
    if (o.tif === "Alo") {
      const top = first(opp.live());
      if (top !== undefined && crosses(top.px)) return ok(this.aloReject(o.coin));
    }
    const order: RestingOrder = {
      oid: o.oid,
      owner: o.owner,
      coin: o.coin,
      side: o.side,
      mergedPx: merged.px,
      mergedSide: merged.side,
      rem: o.sz,
      origSz: o.sz,
      tif: o.tif,
      ahead: 0,
      seq: this.seq++,
    };
    const out = empty();
    for (const level of [...opp.live()]) {
      if (order.rem <= 0 || !crosses(level.px)) break;
      this.take(order, level, opp, ts, out);
    }
    const filled = o.sz - order.rem;
    const ioc = o.tif === "Ioc" || o.tif === "FrontendMarket";
    if (ioc && filled === 0) return ok({ kind: "rejected", reason: "iocNoMatch", output: out });
    let rested = false;
    if (!ioc && order.rem > 0) {
      const level = own.getOrCreate(merged.px);
      order.ahead = own.covers(merged.px) ? available(level) : Infinity;
      level.orders.push(order);
      this.orders.set(order.oid, order);
      rested = true;
    }
    return ok({ kind: "done", rested, filled: asSz(filled), output: out });
  }

  /** Removes a resting order. */
  cancel(oid: number): Result<RestingView, MatchError> {
    const o = this.orders.get(oid);
    if (o === undefined) return err({ kind: "unknownOrder", oid });
    const side = o.mergedSide === "buy" ? this.bids : this.asks;
    const level = side.get(o.mergedPx);
    if (level !== undefined) {
      level.orders = level.orders.filter((x) => x !== o);
      side.dropIfEmpty(o.mergedPx);
    }
    this.orders.delete(oid);
    return ok(this.view(o));
  }

  order(oid: number): RestingView | undefined {
    const o = this.orders.get(oid);
    return o === undefined ? undefined : this.view(o);
  }

  resting(): RestingView[] {
    return [...this.orders.values()].sort((a, b) => a.seq - b.seq).map((o) => this.view(o));
  }

  /** The book as a venue would show it for `coin` (recorded size left plus our orders), best first. */
  levels(coin: string, depth: number): { bids: LevelView[]; asks: LevelView[] } {
    const primary = (s: SideBook): LevelView[] => take(s.live(), depth, (l) => levelView(l, l.px));
    const mirrored = (s: SideBook): LevelView[] => take(s.live(), depth, (l) => levelView(l, this.one - l.px));
    if (coin === this.spec.dualCoin) return { bids: mirrored(this.asks), asks: mirrored(this.bids) };
    return { bids: primary(this.bids), asks: primary(this.asks) };
  }

  private onTrade(ev: TradeEvent): Result<MatchOutput, MatchError> {
    const tpx = parseScaled(ev.px, this.spec.pxDecimals);
    if (tpx === null) return err({ kind: "badNumber", field: "px", value: ev.px });
    const tsz = parseScaled(ev.sz, this.spec.szDecimals);
    if (tsz === null || tsz <= 0) return err({ kind: "badNumber", field: "sz", value: ev.sz });
    // The aggressor's side names the book it hit: a sell takes bids, a buy takes asks.
    const book = ev.side === "sell" ? this.bids : this.asks;
    const out = empty();
    let v = tsz;
    for (const level of [...book.live()]) {
      if (book.better(level.px, tpx)) {
        if (v > 0 && level.orders.length > 0) v = this.record(sweepLevel(level, v), level.px, "trade", ev, out);
        continue;
      }
      if (level.px === tpx) {
        if (v > 0) this.record(walkLevel(level, v, null), level.px, "trade", ev, out);
        level.traded += tsz;
      }
      break;
    }
    return ok(out);
  }

  /** Turns a queue walk by recorded volume into maker fills; returns the volume left. */
  private record(
    w: ReturnType<typeof walkLevel>,
    mergedPx: number,
    source: FillSource,
    ev: TradeEvent,
    out: MatchOutput,
  ): number {
    for (const f of w.fills) out.fills.push(this.fill(f.order, mergedPx, f.sz, false, source, ev.ts, ev.tid));
    return w.left;
  }

  /** One level of an incoming order's take. */
  private take(order: RestingOrder, level: Level, opp: SideBook, ts: number, out: MatchOutput): void {
    const w = walkLevel(level, order.rem, order.owner);
    level.taken += w.othersUsed;
    const got = order.rem - w.left;
    if (got > 0) {
      order.rem -= got;
      out.fills.push(this.fill(order, level.px, got, true, "take", ts));
    }
    for (const f of w.fills) out.fills.push(this.fill(f.order, level.px, f.sz, false, "take", ts));
    for (const s of w.selfTrades) {
      this.orders.delete(s.oid);
      out.closed.push({ oid: s.oid, owner: s.owner, status: "selfTradeCanceled" });
    }
    opp.dropIfEmpty(level.px);
  }

  /** Our resting orders on `ours` that the other side's recorded size now reaches. */
  private deplete(ours: SideBook, opp: SideBook, ts: number, out: MatchOutput): void {
    for (const level of [...ours.live()]) {
      if (level.orders.length === 0) continue;
      let reached = true;
      for (const o of level.orders) {
        while (o.rem > 0 && reached) {
          const top = opp.bestRecorded();
          if (top === undefined || ours.better(top.px, level.px)) reached = false;
          else {
            const q = Math.min(o.rem, available(top));
            top.taken += q;
            o.rem -= q;
            out.fills.push(this.fill(o, level.px, q, false, "depletion", ts));
          }
        }
        if (!reached) break;
      }
      level.orders = level.orders.filter((o) => o.rem > 0);
      ours.dropIfEmpty(level.px);
      if (!reached) return;
    }
  }

  private fill(
    o: RestingOrder,
    mergedPx: number,
    size: number,
    crossed: boolean,
    source: FillSource,
    ts: number,
    tid?: string,
  ): MatchFill {
    const px = o.coin === this.spec.dualCoin ? this.one - mergedPx : mergedPx;
    const rate = crossed ? this.spec.fees.takerPpm : this.spec.fees.makerPpm;
    if (o.rem === 0) this.orders.delete(o.oid);
    const f: MatchFill = {
      oid: o.oid,
      owner: o.owner,
      coin: o.coin,
      side: o.side,
      px: asPx(px),
      sz: asSz(size),
      crossed,
      source,
      feeMicros: feeMicros(px, size, this.spec.pxDecimals, this.spec.szDecimals, rate),
      remaining: asSz(o.rem),
      ts,
    };
    if (tid !== undefined) f.tid = tid;
    return f;
  }

  private aloReject(coin: string): SubmitOutcome {
    const bid = first(this.bids.live())?.px ?? null;
    const ask = first(this.asks.live())?.px ?? null;
    const mirror = (p: number | null): number | null => (p === null ? null : this.one - p);
    const bbo = coin === this.spec.dualCoin ? { bid: mirror(ask), ask: mirror(bid) } : { bid, ask };
    return {
      kind: "rejected",
      reason: "aloWouldCross",
      bbo: { bid: bbo.bid === null ? null : asPx(bbo.bid), ask: bbo.ask === null ? null : asPx(bbo.ask) },
    };
  }

  private toMerged(coin: string, side: Side, px: number): { side: Side; px: number } | null {
    if (coin === this.spec.coin) return { side, px };
    if (coin === this.spec.dualCoin) return { side: side === "buy" ? "sell" : "buy", px: this.one - px };
    return null;
  }

  private view(o: RestingOrder): RestingView {
    const px = o.coin === this.spec.dualCoin ? this.one - o.mergedPx : o.mergedPx;
    return {
      oid: o.oid,
      owner: o.owner,
      coin: o.coin,
      side: o.side,
      px: asPx(px),
      sz: asSz(o.rem),
      origSz: asSz(o.origSz),
      tif: o.tif,
      ahead: o.ahead,
    };
  }
}

function first<T>(it: Iterator<T>): T | undefined {
  const r = it.next();
  return r.done === true ? undefined : r.value;
}

function take<T, U>(it: Iterable<T>, n: number, f: (t: T) => U): U[] {
  const out: U[] = [];
  for (const t of it) {
    if (out.length >= n) break;
    out.push(f(t));
  }
  return out;
}
