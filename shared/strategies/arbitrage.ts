/**
 * Cross-venue arbitrage on one event (SPEC §7.2). Every leg is a purchase: YES of the event on
 * the venue where it is cheapest and NO of the event on another venue. One of the two pays 1 at
 * expiry, so the pair locks in 1 − cost (settlement-source basis is the residual risk, carried
 * in `var_bps`). Buying NO instead of selling YES needs no inventory on either venue.
 * Cost per pair = YES ask + NO ask + each venue's taker fee (at the actual quantity: Kalshi
 * rounds up per order) + bridging on Polygon legs. Trade when the edge is ≥ min_edge_bps, with
 * IOC on both legs, quantity = min(top-of-book depth, max_notional_usd, Kelly stake).
 */
import type { Venue } from "../events";
import { kellyArb, safeFraction, type KellyConfig } from "../sizing/kelly";
import { takerFeesUsd, type FeeModel } from "./venue-fees";

/** A price and the size available there, in the leg's own contract terms. */
export interface Offer {
  px: number;
  sz: number;
}

export interface ArbLeg {
  venue: Venue;
  /** Market ids of this venue's YES and NO contracts (Kalshi: one ticker, side in the order). */
  yesMarket: string;
  noMarket: string;
  /** This venue's YES is the event's NO (see event-key.ts). */
  complement: boolean;
  /** Best ask for this venue's YES / NO contract; null = none. */
  buyYes: Offer | null;
  buyNo: Offer | null;
  /** Taker fee models that apply (they add up), e.g. from `venueFeeModels`. */
  fees: FeeModel[];
  /** Cost of moving capital to this venue, bps of its notional (bridging_bps_polygon on Polymarket). */
  bridgingBps: number;
  /** Lot: quantities are multiples of 10^-sizeDecimals. */
  sizeDecimals: number;
  minQty: number;
}

export interface ArbParams {
  min_edge_bps: number;
  max_notional_usd: number;
  /** Variance of the locked pair's payoff (settlement basis), in bps, for fee-aware Kelly. */
  var_bps: number;
}

export interface ArbOrder {
  venue: Venue;
  market: string;
  /** Which of this venue's contracts is bought. */
  contract: "yes" | "no";
  /** IOC limit = the ask the edge was computed at. */
  px: number;
  qty: number;
  tif: "Ioc";
}

export interface ArbPlan {
  eventId: string;
  /** [event YES leg, event NO leg]. */
  legs: [ArbOrder, ArbOrder];
  qty: number;
  /** All-in cost of one YES + NO pair, fees and bridging included. */
  costPerPair: number;
  edgeBps: number;
  expectedProfitUsd: number;
  /** What bound the quantity. */
  boundBy: "depth" | "max_notional_usd" | "kelly";
}

export type ArbScan = { kind: "plan"; plan: ArbPlan } | { kind: "none"; reason: string; bestEdgeBps: number | null };

/** The leg's offer for the event's YES or NO, with the contract that delivers it. */
function eventOffer(leg: ArbLeg, eventSide: "yes" | "no"): { offer: Offer; contract: "yes" | "no"; market: string } | null {
  const contract = (eventSide === "yes") !== leg.complement ? "yes" : "no";
  const offer = contract === "yes" ? leg.buyYes : leg.buyNo;
  if (offer === null || !(offer.px > 0 && offer.px < 1) || !(offer.sz > 0)) return null;
  return { offer, contract, market: contract === "yes" ? leg.yesMarket : leg.noMarket };
}

function legCost(leg: ArbLeg, px: number, qty: number): number {
  return takerFeesUsd(leg.fees, px, qty) + (leg.bridgingBps / 1e4) * px * qty;
}

const floorTo = (x: number, decimals: number): number => {
  const s = 10 ** decimals;
  return Math.floor(x * s + 1e-9) / s;
};

export function findArb(
  eventId: string,
  legs: ArbLeg[],
  p: ArbParams,
  kelly: KellyConfig,
  bankrollUsd: number,
): ArbScan {
  let best: ArbPlan | null = null;
  let bestEdge: number | null = null;
  let why = "no two venues quote opposite sides";
  for (let i = 0; i < legs.length; i++) {
    for (let j = 0; j < legs.length; j++) {
      if (i === j) continue;
      const a = legs[i]!;
      const b = legs[j]!;
      const yes = eventOffer(a, "yes");
      const no = eventOffer(b, "no");
      if (yes === null || no === null) continue;
      const gross = yes.offer.px + no.offer.px;
      const decimals = Math.min(a.sizeDecimals, b.sizeDecimals);
      const minQty = Math.max(a.minQty, b.minQty);
      const depth = Math.min(yes.offer.sz, no.offer.sz);
      const notionalCap = p.max_notional_usd / gross;
      const qMax = Math.min(depth, notionalCap);
      // Edge at the largest size first: per-share fees only fall with size (rounding up per order).
      const cMax = gross + (legCost(a, yes.offer.px, qMax) + legCost(b, no.offer.px, qMax)) / qMax;
      const edgeMax = ((1 - cMax) / cMax) * 1e4;
      if (bestEdge === null || edgeMax > bestEdge) bestEdge = edgeMax;
      if (!(edgeMax >= p.min_edge_bps)) {
        why = "edge under min_edge_bps";
        continue;
      }
      const edgeBps = ((1 - gross) / gross) * 1e4;
      const costBps = ((cMax - gross) / gross) * 1e4;
      const f = safeFraction(kellyArb(edgeBps, costBps, p.var_bps), kelly);
      const kellyQty = (f * bankrollUsd) / cMax;
      const qty = floorTo(Math.min(qMax, kellyQty), decimals);
      if (!(qty >= minQty) || qty <= 0) {
        why = "quantity under the venue minimum";
        continue;
      }
      const cost = gross + (legCost(a, yes.offer.px, qty) + legCost(b, no.offer.px, qty)) / qty;
      const edge = ((1 - cost) / cost) * 1e4;
      if (!(edge >= p.min_edge_bps)) {
        why = "edge under min_edge_bps at the executable size";
        continue;
      }
      const profit = qty * (1 - cost);
      if (best !== null && profit <= best.expectedProfitUsd) continue;
      const boundBy = kellyQty < qMax ? "kelly" : depth <= notionalCap ? "depth" : "max_notional_usd";
      best = {
        eventId,
        legs: [
          { venue: a.venue, market: yes.market, contract: yes.contract, px: yes.offer.px, qty, tif: "Ioc" },
          { venue: b.venue, market: no.market, contract: no.contract, px: no.offer.px, qty, tif: "Ioc" },
        ],
        qty,
        costPerPair: cost,
        edgeBps: edge,
        expectedProfitUsd: profit,
        boundBy,
      };
    }
  }
  return best !== null ? { kind: "plan", plan: best } : { kind: "none", reason: why, bestEdgeBps: bestEdge };
}
