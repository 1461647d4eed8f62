/**
 * OFI + lead-lag on perps (SPEC §7.4): signals -> regimes -> alpha happen upstream; this turns
 * one alpha into at most one order. It trades only when |alpha| ≥ alpha_min and the regime
 * layer says the market is tradable, and the router picks the order type from the normalised
 * OFI. When alpha and OFI point opposite ways the router's urgency would be borrowed from the
 * wrong side, so nothing is sent.
 */
import { px, sz, type Px } from "../core/units";
import type { Venue } from "../events";
import { route, type RouterThresholds } from "../execution/router";
import type { OrderDraft } from "../execution/types";

export interface OfiParams {
  alpha_min: number;
  /** Lots per order. */
  order_size: number;
  /** Largest |position| the strategy builds, lots. */
  max_position: number;
  /** How far through the touch an IOC may reach, ticks. */
  ioc_slippage_ticks: number;
}

export interface PerpView {
  market: string;
  venue: Venue;
  bestBid: Px | null;
  bestAsk: Px | null;
  /** Combined alpha in [−1, 1]. */
  alpha: number;
  /** Normalised OFI. */
  ofi: number;
  /** The liquidity/extreme regimes allow trading. */
  tradable: boolean;
  positionLots: number;
  nowMs: number;
}

export type OfiDecision = { kind: "order"; draft: OrderDraft } | { kind: "skip"; reason: string };

export function ofiDecision(v: PerpView, p: OfiParams, router: RouterThresholds): OfiDecision {
  if (!v.tradable) return { kind: "skip", reason: "not tradable" };
  if (!(Math.abs(v.alpha) >= p.alpha_min)) return { kind: "skip", reason: "|alpha| under alpha_min" };
  if (v.ofi !== 0 && Math.sign(v.ofi) !== Math.sign(v.alpha)) return { kind: "skip", reason: "alpha and ofi disagree" };
  const how = route(v.ofi, router);
  if (how === "skip") return { kind: "skip", reason: "router: |ofi| under MID" };
  if (v.bestBid === null || v.bestAsk === null) return { kind: "skip", reason: "one-sided book" };
  const buy = v.alpha > 0;
  const room = buy ? p.max_position - v.positionLots : p.max_position + v.positionLots;
  const lots = Math.floor(Math.min(p.order_size, room));
  if (lots <= 0) return { kind: "skip", reason: "at max_position" };
  const mid = Math.round((v.bestBid + v.bestAsk) / 2);
  // IOC crosses to the far touch plus a slippage allowance; post-only joins the near touch.
  const price =
    how === "ioc"
      ? buy
        ? v.bestAsk + p.ioc_slippage_ticks
        : Math.max(1, v.bestBid - p.ioc_slippage_ticks)
      : buy
        ? v.bestBid
        : v.bestAsk;
  return {
    kind: "order",
    draft: {
      market: v.market,
      venue: v.venue,
      side: buy ? "buy" : "sell",
      px: px(price),
      sz: sz(lots),
      tif: how === "ioc" ? "Ioc" : "Alo",
      reduceOnly: false,
      tactic: how === "ioc" ? "ioc" : "post_only",
      strategy: "ofi",
      slot: `ofi:${v.market}`,
      refPx: px(mid),
      createdMs: v.nowMs,
    },
  };
}
