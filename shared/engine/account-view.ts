/**
 * Read-only views of the account: the slice a MarketEngine quotes against and the dashboard's
 * 4 Hz view. Both walk only positions, reservations and open orders, never the history.
 */
import { formatScaled } from "../core/decimal";
import { isTerminal, liveInSlot } from "../execution/order-manager";
import { drawdown, globalMode, grossNotional, modeFor, type Mode } from "../risk";
import type { AccountCtx } from "./account-core";
import { ledgerTotals, marketValue, MICROS } from "./ledger";
import type { AccountSlice, AccountView, LiveOrder, MarketHolding, OpenOrderView, PositionView } from "./types";

const RANK: Record<Mode, number> = { active: 0, reducing: 1, halted: 2 };

export function slice(c: AccountCtx, markets: readonly string[], slotPrefix: string, nowMs: number): AccountSlice {
  const r = c.s.risk;
  const holdings: Record<string, MarketHolding> = {};
  let mode: Mode = c.s.risk.killed ? "halted" : "active";
  for (const m of markets) {
    const pos = r.positions[m] ?? 0;
    if (pos !== 0) holdings[m] = { posLots: pos, openBuyLots: 0, openSellLots: 0 };
    const mm = modeFor(r, m).mode;
    if (RANK[mm] > RANK[mode]) mode = mm;
  }
  const wanted = new Set(markets);
  for (const cloid in r.orders) {
    const o = r.orders[cloid]!;
    if (!wanted.has(o.market)) continue;
    const h = (holdings[o.market] ??= { posLots: 0, openBuyLots: 0, openSellLots: 0 });
    if (o.side === "buy") h.openBuyLots += o.lots;
    else h.openSellLots += o.lots;
  }
  const liveOrders: Record<string, LiveOrder> = {};
  for (const slot in c.s.book.slots) {
    if (!slot.startsWith(slotPrefix)) continue;
    const o = liveInSlot(c.s.book, slot);
    if (o !== undefined) liveOrders[slot] = { market: o.intent.market, side: o.intent.side, px: o.intent.px, sz: o.sz - o.filled, cloid: o.intent.cloid };
  }
  return { asOfMs: nowMs, equityUsd: r.equityUsd, mode, holdings, liveOrders };
}

export function view(c: AccountCtx, nowMs: number): AccountView {
  const r = c.s.risk;
  const l = c.s.ledger;
  const t = ledgerTotals(l, c.inst);
  const positions: PositionView[] = [];
  for (const market in l.markets) {
    const m = l.markets[market]!;
    const inst = c.inst[market];
    if (inst === undefined || (m.lots === 0 && m.realisedMicros === 0 && m.feesMicros === 0)) continue;
    const value = marketValue(m, inst);
    positions.push({
      market,
      lots: m.lots,
      qty: formatScaled(m.lots, inst.szDecimals),
      markUsd: m.markE === null ? null : m.markE / 10 ** (inst.pxDecimals + 1),
      valueUsd: value / MICROS,
      realisedUsd: m.realisedMicros / MICROS,
      unrealisedUsd: (value - m.basisMicros) / MICROS,
      feesUsd: m.feesMicros / MICROS,
    });
  }
  const openOrders: OpenOrderView[] = [];
  for (const cloid in c.s.book.orders) {
    const o = c.s.book.orders[cloid]!;
    if (isTerminal(o.status)) continue;
    const inst = c.inst[o.intent.market];
    const pd = inst?.pxDecimals ?? 0;
    const sd = inst?.szDecimals ?? 0;
    openOrders.push({
      cloid,
      market: o.intent.market,
      side: o.intent.side,
      px: formatScaled(o.intent.px, pd),
      sz: formatScaled(o.sz, sd),
      filled: formatScaled(o.filled, sd),
      status: o.status,
      strategy: o.intent.strategy,
      slot: o.intent.slot,
      ageMs: nowMs - o.createdMs,
    });
  }
  const pnl = { realisedUsd: t.realisedMicros / MICROS, unrealisedUsd: t.unrealisedMicros / MICROS, feesUsd: t.feesMicros / MICROS, totalUsd: (t.equityMicros - l.startMicros) / MICROS };
  return {
    ts: nowMs,
    mode: globalMode(r),
    killed: r.killed,
    killReason: r.killReason,
    cashUsd: r.cashUsd,
    equityUsd: r.equityUsd,
    equityPeakUsd: r.equityPeakUsd,
    drawdownUsd: drawdown(r),
    grossNotionalUsd: grossNotional(r),
    pnl,
    positions,
    openOrders,
    triggers: Object.values(r.triggers),
    counts: { ...c.s.counts },
  };
}
