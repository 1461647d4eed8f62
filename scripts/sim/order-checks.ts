/**
 * Pre-trade checks of one order of an `order` action, with the venue's refusal texts and the
 * order status each refusal leaves in orderStatus [docs error-responses, info-endpoint status
 * table]. Live per-order errors end in " asset=<id>" (the docs table leaves it out; @nktkas/
 * hyperliquid's live tests and public logs quote "... filled. asset=0", "bbo was
 * 0.56057@0.56086. asset=31").
 *
 * Price and size validity use the project's tick rules (shared/venues/hyperliquid/
 * price-rules.ts): too many decimals -> "Order has invalid price.", more than 5 significant
 * figures on a non-integer -> "Price must be divisible by tick size." (how public integrations
 * report the two live refusals apart); off-lot size -> "Order has invalid size.".
 */
import { decimalPlaces, parseScaled } from "../../shared/core/decimal";
import { notionalMicros } from "../../shared/matching/fees";
import type { Tif } from "../../shared/matching/types";
import type { OrderWire } from "../../shared/venues/hyperliquid/action-schemas";
import { isValidPrice, isValidSize, maxPriceDecimals } from "../../shared/venues/hyperliquid/price-rules";
import type { Account } from "./accounts";
import { leverageOf, perpSummary, spotHolds } from "./clearinghouse";
import type { Markets, MarketView } from "./markets";
import type { OrderRegistry } from "./orders";

export const MIN_NOTIONAL_MICROS = 10_000_000;

export interface CheckedOrder {
  px: number;
  sz: number;
  buy: boolean;
  tif: Tif;
}

export interface Refusal {
  error: string;
  status: string;
}

export const withAsset = (text: string, asset: number): string => `${text} asset=${asset}`;

export function checkOrder(
  w: OrderWire,
  m: MarketView,
  account: Account,
  markets: Markets,
  orders: OrderRegistry,
): CheckedOrder | Refusal {
  const a = w.a;
  if (!("limit" in w.t)) return { error: "Trigger orders are not supported by the simulator.", status: "rejected" };
  const tick = m.asset.tick;
  if (!isValidPrice(w.p, tick)) {
    const tooFine = decimalPlaces(w.p) > maxPriceDecimals(tick) || (m.asset.kind === "outcome" && !/^0\./.test(w.p));
    return { error: withAsset(tooFine ? "Order has invalid price." : "Price must be divisible by tick size.", a), status: "tickRejected" };
  }
  if (!isValidSize(w.s, tick)) return { error: withAsset("Order has invalid size.", a), status: "rejected" };
  const px = parseScaled(w.p, m.pxDecimals);
  const sz = parseScaled(w.s, m.szDecimals);
  if (px === null || sz === null) return { error: withAsset("Order has invalid size.", a), status: "rejected" };
  const buy = w.b;
  const notional = notionalMicros(px, sz, m.pxDecimals, m.szDecimals);

  if (m.asset.kind === "outcome") {
    if (w.r) return { error: withAsset("Reduce only order would increase position.", a), status: "reduceOnlyRejected" };
    if (notional < MIN_NOTIONAL_MICROS) {
      return { error: withAsset(`Order must have minimum value of 10 ${m.outcome?.quoteToken ?? "USDC"}.`, a), status: "minTradeNtlRejected" };
    }
    const holds = spotHolds(account, markets, orders);
    const token = `+${m.asset.coin.slice(1)}`;
    const enough = buy
      ? account.spotUsdc - holds.usdc >= notional
      : account.holding(token).szi - (holds.tokens.get(token) ?? 0) >= sz;
    if (!enough) return { error: withAsset("Insufficient spot balance", a), status: "insufficientSpotBalanceRejected" };
    return { px, sz, buy, tif: w.t.limit.tif };
  }

  const pos = account.position(m.asset.coin);
  const reduces = pos.szi !== 0 && pos.szi > 0 !== buy;
  // Larger than the position, it would flip it: that increases a position too.
  if (w.r && (!reduces || sz > Math.abs(pos.szi))) return { error: withAsset("Reduce only order would increase position.", a), status: "reduceOnlyRejected" };
  if (!w.r && notional < MIN_NOTIONAL_MICROS) {
    return { error: withAsset("Order must have minimum value of $10.", a), status: "minTradeNtlRejected" };
  }
  const increasing = reduces ? Math.max(0, sz - Math.abs(pos.szi)) : sz;
  if (!w.r && increasing > 0) {
    const s = perpSummary(account, markets, orders);
    const lev = leverageOf(account, m.asset.coin, m.maxLeverage).value;
    const required = Math.ceil(notionalMicros(px, increasing, m.pxDecimals, m.szDecimals) / lev);
    if (s.accountValue - s.totalMarginUsed - s.openOrderMargin < required) {
      return { error: withAsset("Insufficient margin to place order.", a), status: "perpMarginRejected" };
    }
  }
  return { px, sz, buy, tif: w.t.limit.tif };
}
