/**
 * Margin and balance views of an account, in micro-USDC, and the clearinghouseState /
 * spotClearinghouseState responses built from them [docs info-endpoint/perpetuals, spot].
 *
 * Cross margin only: position value at the mark; margin used = value / leverage; maintenance
 * = value / (2 × max leverage) ("half of maximum initial margin fraction", contract
 * specifications); account value = USDC balance (realised PnL and fees included) + unrealised
 * PnL. Resting perp orders reserve notional / leverage. Outcome balances are fully
 * collateralised: resting buys hold their notional of USDC, resting sells hold their shares.
 * No liquidation price is computed (printed null, as the venue does when there is none).
 */
import { parseScaled } from "../../shared/core/decimal";
import { notionalMicros } from "../../shared/matching/fees";
import { outcomeEncoding, parseOutcomeCoin } from "../../shared/venues/hyperliquid/assets";
import type { Account } from "./accounts";
import { dexOfCoin } from "./dexes";
import { unrealizedPnl } from "./ledger";
import type { Markets } from "./markets";
import type { OrderRecord, OrderRegistry } from "./orders";
import { hlDecimal, usdc } from "./wire-format";

export const DEFAULT_LEVERAGE = 20;

export function leverageOf(a: Account, coin: string, maxLeverage: number): { value: number; isCross: boolean } {
  return a.leverage.get(coin) ?? { value: Math.min(DEFAULT_LEVERAGE, maxLeverage), isCross: true };
}

interface PositionView {
  coin: string;
  szi: number;
  szDecimals: number;
  pxDecimals: number;
  entryNtl: number;
  value: number;
  upnl: number;
  marginUsed: number;
  maintenance: number;
  leverage: { value: number; isCross: boolean };
  maxLeverage: number;
}

export interface PerpSummary {
  accountValue: number;
  totalNtlPos: number;
  totalMarginUsed: number;
  maintenance: number;
  openOrderMargin: number;
  positions: PositionView[];
}

/** Mark of a coin as ticks on a grid one decimal finer than its prices (mids end in .5). */
function markTicks(markets: Markets, coin: string, pxDecimals: number): number | null {
  const m = markets.markPx(coin);
  return m === null ? null : parseScaled(m, pxDecimals + 1);
}

export function perpSummary(a: Account, markets: Markets, orders: OrderRegistry): PerpSummary {
  const positions: PositionView[] = [];
  let upnlTotal = 0;
  let totalNtlPos = 0;
  let totalMarginUsed = 0;
  let maintenance = 0;
  for (const [coin, pos] of a.positions) {
    if (pos.szi === 0) continue;
    const m = markets.market(coin);
    if (m === undefined) continue;
    const mark = markTicks(markets, coin, m.pxDecimals);
    const lev = leverageOf(a, coin, m.maxLeverage);
    const value = mark === null ? pos.entryNtl : notionalMicros(mark, Math.abs(pos.szi), m.pxDecimals + 1, m.szDecimals);
    const upnl = mark === null ? 0 : unrealizedPnl(pos, mark, m.pxDecimals + 1, m.szDecimals);
    const marginUsed = Math.floor(value / lev.value);
    const maint = Math.floor(value / (2 * m.maxLeverage));
    positions.push({ coin, szi: pos.szi, szDecimals: m.szDecimals, pxDecimals: m.pxDecimals, entryNtl: pos.entryNtl, value, upnl, marginUsed, maintenance: maint, leverage: lev, maxLeverage: m.maxLeverage });
    upnlTotal += upnl;
    totalNtlPos += value;
    totalMarginUsed += marginUsed;
    maintenance += maint;
  }
  let openOrderMargin = 0;
  for (const o of orders.open(a.address)) {
    const m = markets.market(o.coin);
    if (m === undefined || m.asset.kind === "outcome") continue;
    openOrderMargin += Math.floor(orderNotional(o, m.pxDecimals) / leverageOf(a, o.coin, m.maxLeverage).value);
  }
  return { accountValue: a.perpUsdc + upnlTotal, totalNtlPos, totalMarginUsed, maintenance, openOrderMargin, positions };
}

export function orderNotional(o: OrderRecord, pxDecimals: number): number {
  const px = parseScaled(o.limitPx, pxDecimals);
  return px === null ? 0 : notionalMicros(px, o.remaining, pxDecimals, o.szDecimals);
}

/** USDC and shares held by resting outcome orders. */
export function spotHolds(a: Account, markets: Markets, orders: OrderRegistry): { usdc: number; tokens: Map<string, number> } {
  let usdcHold = 0;
  const tokens = new Map<string, number>();
  for (const o of orders.open(a.address)) {
    const m = markets.market(o.coin);
    if (m === undefined || m.asset.kind !== "outcome") continue;
    if (o.side === "B") usdcHold += orderNotional(o, m.pxDecimals);
    else {
      const token = `+${o.coin.slice(1)}`;
      tokens.set(token, (tokens.get(token) ?? 0) + o.remaining);
    }
  }
  return { usdc: usdcHold, tokens };
}

/**
 * `dex` picks the positions shown (each perp dex has its own clearinghouse on the venue); the
 * margin summary is the simulator's one USDC margin account, shared by every dex (README).
 */
export function clearinghouseState(a: Account, markets: Markets, orders: OrderRegistry, now: number, dex = ""): unknown {
  const s = perpSummary(a, markets, orders);
  const summary = {
    accountValue: usdc(s.accountValue),
    totalNtlPos: usdc(s.totalNtlPos),
    totalRawUsd: usdc(s.accountValue - s.positions.reduce((acc, p) => acc + (p.szi > 0 ? p.value : -p.value), 0)),
    totalMarginUsed: usdc(s.totalMarginUsed),
  };
  return {
    marginSummary: summary,
    crossMarginSummary: summary,
    crossMaintenanceMarginUsed: usdc(s.maintenance),
    withdrawable: usdc(Math.max(0, s.accountValue - s.totalMarginUsed - s.openOrderMargin)),
    assetPositions: s.positions.filter((p) => dexOfCoin(p.coin) === dex).map((p) => ({
      type: "oneWay",
      position: {
        coin: p.coin,
        szi: hlDecimal(p.szi, p.szDecimals),
        leverage: { type: p.leverage.isCross ? "cross" : "isolated", value: p.leverage.value },
        entryPx: entryPx(p.entryNtl, p.szi, p.szDecimals, p.pxDecimals),
        positionValue: usdc(p.value),
        unrealizedPnl: usdc(p.upnl),
        returnOnEquity: ratio(p.upnl, Math.max(1, Math.floor(p.entryNtl / p.leverage.value))),
        liquidationPx: null,
        marginUsed: usdc(p.marginUsed),
        maxLeverage: p.maxLeverage,
        cumFunding: { allTime: "0.0", sinceOpen: "0.0", sinceChange: "0.0" },
      },
    })),
    time: now,
  };
}

export function spotClearinghouseState(a: Account, markets: Markets, orders: OrderRegistry): unknown {
  const holds = spotHolds(a, markets, orders);
  const balances: unknown[] = [{ coin: "USDC", token: 0, hold: usdc(holds.usdc), total: usdc(a.spotUsdc), entryNtl: "0.0" }];
  for (const [token, h] of a.holdings) {
    if (h.szi === 0) continue;
    const enc = parseOutcomeCoin(token);
    if (enc === null) continue;
    balances.push({
      coin: `+${outcomeEncoding(enc)}`,
      hold: hlDecimal(holds.tokens.get(token) ?? 0, 0),
      total: hlDecimal(h.szi, 0),
      entryNtl: usdc(h.entryNtl),
    });
  }
  return { balances };
}

/** Average entry price (cost basis / size) with two decimals more than the price grid, rounded. */
export function entryPx(entryNtl: number, szi: number, szDecimals: number, pxDecimals: number): string {
  const decimals = pxDecimals + 2;
  const shift = szDecimals + decimals - 6;
  const num = BigInt(entryNtl) * 10n ** BigInt(Math.max(shift, 0));
  const den = BigInt(Math.abs(szi)) * 10n ** BigInt(Math.max(-shift, 0));
  return hlDecimal(Number((num * 2n + den) / (den * 2n)), decimals);
}

/** a / b with 6 decimals, as a signed decimal string. */
function ratio(a: number, b: number): string {
  return hlDecimal(Math.round((a * 1_000_000) / b), 6);
}
