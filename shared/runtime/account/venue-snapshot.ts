/**
 * The venue's view of the account, read from /info, in the engine's units (SPEC §9, §12
 * reconciliation): open orders (frontendOpenOrders: cloid and original size) and recent fills
 * (userFills) become a VenueSnapshot; an orderStatus answer becomes a VenueOrderStatus;
 * clearinghouseState (perps) and spotClearinghouseState (HIP-4 holdings as "+<enc>" tokens)
 * become positions per instrument market, to check the engine's against. Only the bot's own
 * instruments are read; anything else the account holds is counted, never acted on.
 */
import { parseScaled } from "../../core/decimal";
import { px as toPx, sz as toSz } from "../../core/units";
import type { VenueOrderStatus } from "../../execution/order-manager";
import type { VenueFill, VenueOpenOrder, VenueSnapshot } from "../../execution/reconcile";
import type { Instrument } from "../../execution/types";
import { outcomeToken, parseOutcomeCoin } from "../../venues/hyperliquid/assets";
import type { ClearinghouseStateResponse, L2BookResponse, OrderStatusResponse, SpotClearinghouseStateResponse } from "../../venues/hyperliquid/info-schemas";
import { statusClass, type Fill, type FrontendOrder } from "../../venues/hyperliquid/schema-common";

export interface SnapshotInput {
  openOrders: readonly FrontendOrder[];
  fills: readonly Fill[];
  /** Local time the answers were read (the engine compares it with its own send times). */
  asOfMs: number;
  /** Fills older than this (venue ms) predate the account's engine and are not replayed into it. */
  fillsSinceMs: number;
}

export interface SnapshotRead {
  snapshot: VenueSnapshot;
  /** Open orders and fills of coins the bot does not trade, and entries whose numbers are off the grid. */
  skipped: { foreignOrders: number; foreignFills: number; unreadable: string[] };
}

const side = (s: "A" | "B"): "buy" | "sell" => (s === "B" ? "buy" : "sell");

export function venueSnapshot(input: SnapshotInput, instruments: Readonly<Record<string, Instrument>>): SnapshotRead {
  const skipped: SnapshotRead["skipped"] = { foreignOrders: 0, foreignFills: 0, unreadable: [] };
  const openOrders: VenueOpenOrder[] = [];
  for (const o of input.openOrders) {
    const market = `hl:${o.coin}`;
    const inst = instruments[market];
    if (inst === undefined) {
      skipped.foreignOrders++;
      continue;
    }
    const p = parseScaled(o.limitPx, inst.pxDecimals);
    const left = parseScaled(o.sz, inst.szDecimals);
    const orig = parseScaled(o.origSz, inst.szDecimals);
    if (p === null || left === null || orig === null) {
      skipped.unreadable.push(`order ${o.oid}`);
      continue;
    }
    const cloid = typeof o.cloid === "string" ? o.cloid.toLowerCase() : null;
    openOrders.push({ market, oid: o.oid, cloid, side: side(o.side), px: toPx(p), sz: toSz(left), origSz: toSz(orig), timestampMs: o.timestamp });
  }
  const fills: VenueFill[] = [];
  for (const f of input.fills) {
    if (f.time < input.fillsSinceMs) continue;
    const market = `hl:${f.coin}`;
    const inst = instruments[market];
    if (inst === undefined) {
      skipped.foreignFills++;
      continue;
    }
    const p = parseScaled(f.px, inst.pxDecimals);
    const lots = parseScaled(f.sz, inst.szDecimals);
    if (p === null || lots === null || lots <= 0) {
      skipped.unreadable.push(`fill ${f.tid}`);
      continue;
    }
    const cloid = typeof f.cloid === "string" ? f.cloid.toLowerCase() : null;
    fills.push({ market, oid: f.oid, cloid, tid: String(f.tid), side: side(f.side), px: toPx(p), sz: toSz(lots), timeMs: f.time });
  }
  return { snapshot: { venue: "hl", openOrders, fills, asOfMs: input.asOfMs }, skipped };
}

/** An orderStatus answer (by cloid) on the order's grid; null when its numbers cannot be read. */
export function venueOrderStatus(res: OrderStatusResponse, inst: Instrument): VenueOrderStatus | null {
  if (res.status === "unknownOid") return { kind: "not_found" };
  const o = res.order.order;
  const left = parseScaled(o.sz, inst.szDecimals);
  const orig = parseScaled(o.origSz, inst.szDecimals);
  if (left === null || orig === null) return null;
  const filledSz = orig - left;
  switch (statusClass(res.order.status)) {
    case "open":
    case "triggered":
      return { kind: "open", oid: o.oid, filledSz };
    case "filled":
      return { kind: "filled", oid: o.oid, filledSz: orig };
    case "canceled":
      return { kind: "cancelled", oid: o.oid, filledSz, reason: res.order.status };
    case "rejected":
      return { kind: "rejected", reason: res.order.status };
    case "unknown":
      return null;
  }
}

/**
 * Signed lots per instrument market as the venue holds them: perps from assetPositions (szi),
 * outcome sides from spot balances ("+<enc>" tokens). Markets the venue holds nothing of are 0.
 */
export function venuePositions(
  perps: ClearinghouseStateResponse,
  spot: SpotClearinghouseStateResponse,
  instruments: Readonly<Record<string, Instrument>>,
): { lots: Record<string, number>; unreadable: string[] } {
  const lots: Record<string, number> = {};
  const unreadable: string[] = [];
  const tokenToMarket = new Map<string, string>();
  for (const market in instruments) {
    const inst = instruments[market]!;
    if (inst.venue !== "hl") continue;
    lots[market] = 0;
    const outcome = parseOutcomeCoin(market.slice(3));
    if (outcome !== null) tokenToMarket.set(outcomeToken(outcome), market);
  }
  const put = (market: string, text: string): void => {
    const inst = instruments[market]!;
    const v = parseScaled(text, inst.szDecimals);
    if (v === null) unreadable.push(`${market} ${text}`);
    else lots[market] = v;
  };
  for (const p of perps.assetPositions) {
    const market = `hl:${p.position.coin}`;
    if (market in lots) put(market, p.position.szi);
  }
  for (const b of spot.balances) {
    const market = tokenToMarket.get(b.coin);
    if (market !== undefined) put(market, b.total);
  }
  return { lots, unreadable };
}

/** Markets whose engine position differs from the venue's (lots), for the audit log and status. */
export function positionDrift(engine: Readonly<Record<string, number>>, venue: Readonly<Record<string, number>>): { market: string; engineLots: number; venueLots: number }[] {
  const out: { market: string; engineLots: number; venueLots: number }[] = [];
  for (const market in venue) {
    const e = engine[market] ?? 0;
    if (e !== venue[market]) out.push({ market, engineLots: e, venueLots: venue[market]! });
  }
  return out;
}

/** Mid prices (allMids) as USD-per-unit marks for the bot's Hyperliquid instruments. */
export function marksFromMids(mids: Readonly<Record<string, string>>, instruments: Readonly<Record<string, Instrument>>): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const market in instruments) {
    if (instruments[market]!.venue !== "hl") continue;
    const text = mids[market.slice(3)];
    const x = text === undefined ? Number.NaN : Number(text);
    if (Number.isFinite(x) && x > 0) marks[market] = x;
  }
  return marks;
}

/** Total account value in USD: perp account value plus spot USDC (the starting cash of a fresh engine). */
export function accountValueUsd(perps: ClearinghouseStateResponse, spot: SpotClearinghouseStateResponse): number {
  const usdc = spot.balances.find((b) => b.coin === "USDC");
  return Number(perps.marginSummary.accountValue) + (usdc === undefined ? 0 : Number(usdc.total));
}

/** Levels per side the depth check looks at (the fast l2Book a market maker quotes against has 5). */
export const DEPTH_LEVELS = 5;

/**
 * Depth of a book for the depth-vanishing trigger (SPEC §10): USD resting in the top levels of
 * the thinner side (an empty side is 0: there is nothing to trade out against).
 */
export function bookDepthUsd(book: L2BookResponse | null, levels = DEPTH_LEVELS): number {
  if (book === null) return 0;
  const side = (ls: readonly { px: string; sz: string }[]): number => ls.slice(0, levels).reduce((a, l) => a + Number(l.px) * Number(l.sz), 0);
  return Math.min(side(book.levels[0]), side(book.levels[1]));
}

/**
 * Which book to read for each exposure the depth trigger guards: an instrument alone, or for a
 * HIP-4 outcome group the YES side's book only (YES and NO share one merged book, and a NO
 * book's dollars would understate it by the price ratio). The trigger is raised on the scope,
 * so both legs of an outcome halt together.
 */
export function depthScopes(instruments: Readonly<Record<string, Instrument>>): { scope: string; market: string }[] {
  const byScope = new Map<string, string>();
  for (const market of Object.keys(instruments).sort()) {
    const inst = instruments[market]!;
    if (inst.venue !== "hl") continue;
    const scope = inst.group ?? market;
    if (!byScope.has(scope) || inst.groupSign === 1) byScope.set(scope, market);
  }
  return [...byScope].map(([scope, market]) => ({ scope, market }));
}
