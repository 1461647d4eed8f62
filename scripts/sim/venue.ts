/**
 * The simulated exchange: order entry against the matching engines, fills booked to accounts,
 * and the events a venue publishes about them (orderUpdates, fills, public trades). Every
 * method takes the sim time it happens at; the caller (exchange handler, replay, scheduler)
 * owns the clock.
 */
import { keccak256, toHex } from "viem";
import { formatScaled, parseScaled } from "../../shared/core/decimal";
import { px as asPx, sz as asSz } from "../../shared/core/units";
import type { MarketEvent } from "../../shared/events";
import { notionalMicros } from "../../shared/matching/fees";
import type { MatchFill, MatchOutput } from "../../shared/matching/types";
import type { OrderStatus } from "../../shared/venues/hyperliquid/exchange-responses";
import type { OrderWire } from "../../shared/venues/hyperliquid/action-schemas";
import { type Account, type Accounts, type FillWire } from "./accounts";
import { perpFill, spotFill } from "./ledger";
import type { Markets } from "./markets";
import { checkOrder, withAsset } from "./order-checks";
import { type OrderRecord, OrderRegistry, type OrderUpdateWire, orderUpdate } from "./orders";
import { hlDecimal, usdc } from "./wire-format";

export const ZERO_HASH = `0x${"0".repeat(64)}`;
const ZERO_ADDRESS = `0x${"0".repeat(40)}`;
export const NEVER_PLACED = "Order was never placed, already canceled, or filled.";

/** A public trade as the trades channel prints it. */
export interface TradeWire {
  coin: string;
  side: "A" | "B";
  px: string;
  sz: string;
  hash: string;
  time: number;
  tid: number;
  users?: [string, string];
}

export interface VenueListener {
  orderUpdates(user: string, updates: OrderUpdateWire[]): void;
  fills(user: string, fills: FillWire[]): void;
  trades(coin: string, trades: TradeWire[]): void;
  nonUserCancel(user: string, cancels: { coin: string; oid: number }[]): void;
}

export class Venue {
  readonly orders = new OrderRegistry();
  private nextTid = 500_000_000_000_001;

  constructor(
    readonly markets: Markets,
    readonly accounts: Accounts,
    private readonly out: VenueListener,
  ) {}

  /** One order of an `order` action (also the placing half of modify). */
  place(account: Account, w: OrderWire, now: number): OrderStatus {
    const m = this.markets.market(w.a);
    if (m === undefined) return { error: withAsset("Order has invalid asset.", w.a) };
    const checked = checkOrder(w, m, account, this.markets, this.orders);
    const rec: OrderRecord = {
      oid: this.orders.newOid(),
      user: account.address,
      coin: m.asset.coin,
      assetId: w.a,
      side: w.b ? "B" : "A",
      limitPx: wireNumber(w.p),
      szDecimals: m.szDecimals,
      origSz: parseScaled(w.s, m.szDecimals) ?? 0,
      remaining: 0,
      tif: "limit" in w.t ? w.t.limit.tif : "Gtc",
      reduceOnly: w.r,
      cloid: w.c ?? null,
      timestamp: now,
      status: "rejected",
      statusTimestamp: now,
    };
    if ("error" in checked) {
      this.orders.add(rec);
      this.close(rec, checked.status, now);
      return { error: checked.error };
    }
    rec.remaining = checked.sz;
    const r = m.engine.submit(
      { oid: rec.oid, owner: account.address, coin: rec.coin, side: checked.buy ? "buy" : "sell", px: asPx(checked.px), sz: asSz(checked.sz), tif: checked.tif },
      now,
    );
    if (!r.ok) return { error: withAsset("Order has invalid asset.", w.a) };
    const outcome = r.value;
    if (outcome.kind === "rejected") {
      this.orders.add(rec);
      if (outcome.reason === "aloWouldCross") {
        this.close(rec, "badAloPxRejected", now);
        const p = (x: number | null): string => (x === null ? "None" : formatScaled(x, m.pxDecimals));
        return { error: withAsset(`Post only order would have immediately matched, bbo was ${p(outcome.bbo.bid)}@${p(outcome.bbo.ask)}.`, w.a) };
      }
      this.close(rec, "iocCancelRejected", now);
      this.book(outcome.output, now);
      return { error: withAsset("Order could not immediately match against any resting orders.", w.a) };
    }
    rec.status = outcome.rested ? "open" : "filled";
    this.orders.add(rec);
    if (outcome.rested) this.out.orderUpdates(account.address, [orderUpdate(rec)]);
    const mine = this.book(outcome.output, now).filter((f) => f.oid === rec.oid);
    if (!outcome.rested && rec.remaining > 0) this.close(rec, "canceled", now);
    else if (!outcome.rested) this.out.orderUpdates(account.address, [orderUpdate(rec)]);
    const cloid = rec.cloid === null ? {} : { cloid: rec.cloid };
    if (outcome.rested) return { resting: { oid: rec.oid, ...cloid } };
    return { filled: { totalSz: hlDecimal(outcome.filled, m.szDecimals), avgPx: averagePx(mine, m.pxDecimals), oid: rec.oid, ...cloid } };
  }

  /** Cancels an open order of `account` on `asset`; null on success, else the venue's text. */
  cancel(account: Account, asset: number, rec: OrderRecord | undefined, now: number): string | null {
    if (rec === undefined || rec.user !== account.address || rec.assetId !== asset || rec.status !== "open") {
      return withAsset(NEVER_PLACED, asset);
    }
    this.cancelOrder(rec, "canceled", now);
    return null;
  }

  /** Takes an open order off the book with the given terminal status and tells its owner. */
  cancelOrder(rec: OrderRecord, status: string, now: number): void {
    this.markets.engineFor(rec.coin)?.cancel(rec.oid);
    this.close(rec, status, now);
  }

  /** Every open order of the account, e.g. for scheduleCancel; returns what was cancelled. */
  cancelAll(account: Account, status: string, now: number): OrderRecord[] {
    const open = this.orders.open(account.address);
    for (const rec of open) this.cancelOrder(rec, status, now);
    return open;
  }

  /** Feeds one recorded market event (ts already on the sim clock). */
  onMarket(ev: MarketEvent): void {
    if (ev.kind === "mark") {
      this.markets.setMark(ev.coin, ev.px);
      return;
    }
    if (ev.kind === "trade") {
      const tid = Number(ev.tid ?? this.nextTid++);
      this.out.trades(ev.coin, [
        { coin: ev.coin, side: ev.side === "buy" ? "B" : "A", px: wireNumber(ev.px), sz: wireNumber(ev.sz), hash: ZERO_HASH, time: ev.ts, tid },
      ]);
    }
    if (ev.kind === "bookDelta") return;
    const engine = this.markets.engineFor(ev.coin);
    if (engine === undefined) return;
    const r = engine.onEvent(ev);
    if (r.ok) this.book(r.value, ev.ts);
  }

  /** Books an engine output: fills to accounts, self-trade cancels, public trades of our takes. */
  book(out: MatchOutput, now: number): MatchFill[] {
    const byUser = new Map<string, FillWire[]>();
    const trades = new Map<string, TradeWire[]>();
    const tids: number[] = [];
    out.fills.forEach((f, i) => {
      // A take and the resting order of ours it met are one trade: they share a tid.
      const prev = out.fills[i - 1];
      const tid = prev !== undefined && !f.crossed && prev.crossed && prev.px === f.px ? (tids[i - 1] ?? this.nextTid++) : this.nextTid++;
      tids.push(tid);
      const wire = this.applyFill(f, tid, now);
      if (wire === null) return;
      const list = byUser.get(f.owner) ?? [];
      list.push(wire);
      byUser.set(f.owner, list);
      if (f.crossed) {
        const maker = out.fills[i + 1];
        const other = maker !== undefined && !maker.crossed && maker.px === f.px ? maker.owner : ZERO_ADDRESS;
        const users: [string, string] = f.side === "buy" ? [f.owner, other] : [other, f.owner];
        const t = trades.get(wire.coin) ?? [];
        t.push({ coin: wire.coin, side: wire.side, px: wire.px, sz: wire.sz, hash: wire.hash, time: now, tid, users });
        trades.set(wire.coin, t);
      }
    });
    for (const c of out.closed) {
      const rec = this.orders.get(c.oid);
      if (rec !== undefined) this.close(rec, c.status, now);
    }
    for (const [user, fills] of byUser) this.out.fills(user, fills);
    for (const [coin, t] of trades) this.out.trades(coin, t);
    return out.fills;
  }

  /** Settlement and other fills the venue makes outside matching are booked here too. */
  emitFills(account: Account, fills: FillWire[]): void {
    for (const f of fills) account.recordFill(f);
    if (fills.length > 0) this.out.fills(account.address, fills);
  }

  newTid(): number {
    return this.nextTid++;
  }

  private applyFill(f: MatchFill, tid: number, now: number): FillWire | null {
    const rec = this.orders.get(f.oid);
    const account = rec === undefined ? undefined : this.accounts.get(rec.user);
    const m = this.markets.market(f.coin);
    if (rec === undefined || account === undefined || m === undefined) return null;
    const buy = f.side === "buy";
    const outcome = m.asset.kind === "outcome";
    const key = outcome ? `+${f.coin.slice(1)}` : f.coin;
    const before = outcome ? account.holding(key) : account.position(key);
    const eff = (outcome ? spotFill : perpFill)(before, buy, f.px, f.sz, m.pxDecimals, m.szDecimals);
    if (outcome) {
      account.holdings.set(key, eff.after);
      account.spotUsdc += eff.quoteDelta - f.feeMicros;
    } else {
      account.positions.set(key, eff.after);
      account.perpUsdc += eff.quoteDelta - f.feeMicros;
    }
    account.cumVlm += notionalMicros(f.px, f.sz, m.pxDecimals, m.szDecimals);
    rec.remaining = f.remaining;
    if (f.remaining === 0 && rec.status === "open") this.close(rec, "filled", now);
    const wire: FillWire = {
      coin: f.coin,
      px: hlDecimal(f.px, m.pxDecimals),
      sz: hlDecimal(f.sz, m.szDecimals),
      side: buy ? "B" : "A",
      time: now,
      startPosition: hlDecimal(before.szi, m.szDecimals),
      dir: eff.dir,
      closedPnl: usdc(eff.closedPnl),
      hash: keccak256(toHex(`hl-edge-sim:${tid}`)),
      oid: f.oid,
      crossed: f.crossed,
      fee: usdc(f.feeMicros),
      tid,
      feeToken: outcome ? (m.outcome?.quoteToken ?? "USDC") : "USDC",
    };
    if (rec.cloid !== null) wire.cloid = rec.cloid;
    account.recordFill(wire);
    return wire;
  }

  /** Sets a terminal status and tells the owner on orderUpdates (rejections included, as orderStatus shows them). */
  private close(rec: OrderRecord, status: string, now: number): void {
    this.orders.setStatus(rec, status, now);
    this.out.orderUpdates(rec.user, [orderUpdate(rec)]);
  }
}

/** A decimal string re-printed the venue's way ("105" -> "105.0"). */
export function wireNumber(s: string): string {
  return s.includes(".") ? s : `${s}.0`;
}

/** Volume-weighted average price of an order's own fills, two decimals finer than its grid. */
function averagePx(fills: MatchFill[], pxDecimals: number): string {
  let num = 0n;
  let den = 0n;
  for (const f of fills) {
    num += BigInt(f.px) * BigInt(f.sz);
    den += BigInt(f.sz);
  }
  if (den === 0n) return "0.0";
  const q = (num * 200n + den) / (den * 2n);
  return hlDecimal(Number(q), pxDecimals + 2);
}
