/**
 * Kelly sizing (SPEC §8; Kelly 1956; peers.md §5.6).
 * - Binary contract costing c all-in (price plus fee per share) and paying 1 with probability π:
 *   f* = (π − c)/(1 − c). YES: π = q, c = p + fee, the paper form (q − p)/(1 − p). NO: π = 1 − q,
 *   c = (1 − p) + fee, which is (p − q)/p without fees. (An earlier note's (q − p)/(p(1 − p)) is a
 *   mean-variance approximation that overstakes by 1/p.)
 * - Continuous (market making): f* = μ/σ².
 * - Fee-aware arbitrage: f* = ((edge_bps − cost_bps)/1e4) / (var_bps/1e4)², nothing when the
 *   numerator is not positive.
 * Safeguards scale by `fraction`, cap at `max_fraction`, snap down to the lot and drop anything
 * under `min_qty`. Binary sizing is applied to the total exposure in an outcome, not per order.
 */
import { sz, type Sz } from "../core/units";

export interface KellyConfig {
  /** Fractional Kelly multiplier (default 0.25). */
  fraction: number;
  /** Hard cap on the bankroll fraction at risk (0.05–0.10). */
  max_fraction: number;
  /** Smallest quantity worth sending (the venue minimum), in contract units. */
  min_qty: number;
  /** Lot of the venue: quantities snap down to 10^-size_decimals. */
  size_decimals: number;
}

export type BinarySide = "yes" | "no";

export interface BinaryKelly {
  side: BinarySide | null;
  /** Full-Kelly fraction of bankroll for `side` (0 when neither side has an edge). */
  fStar: number;
  /** All-in cost of one YES / one NO contract. */
  costYes: number;
  costNo: number;
}

export interface BinaryInputs {
  /** Price of one YES contract. */
  yesPx: number;
  /** Price of one NO contract; 1 − yesPx when not given (a merged YES/NO book). */
  noPx?: number;
  /** Belief that YES pays. */
  belief: number;
  yesFeePerShare?: number;
  noFeePerShare?: number;
}

/** f* for a contract costing `cost` all-in that pays 1 with probability `win`. */
export function kellyForCost(win: number, cost: number): number {
  if (!(cost > 0 && cost < 1) || !(win >= 0 && win <= 1)) return 0;
  return (win - cost) / (1 - cost);
}

/** Exact binary Kelly with fees in the effective price; picks the side with the edge. */
export function kellyBinary(x: BinaryInputs): BinaryKelly {
  const costYes = x.yesPx + (x.yesFeePerShare ?? 0);
  const costNo = (x.noPx ?? 1 - x.yesPx) + (x.noFeePerShare ?? 0);
  const fYes = kellyForCost(x.belief, costYes);
  const fNo = kellyForCost(1 - x.belief, costNo);
  if (fYes > 0 && fYes >= fNo) return { side: "yes", fStar: fYes, costYes, costNo };
  if (fNo > 0) return { side: "no", fStar: fNo, costYes, costNo };
  return { side: null, fStar: 0, costYes, costNo };
}

/** Continuous Kelly for an edge μ per unit of variance σ² (same horizon). */
export function kellyContinuous(mu: number, variance: number): number {
  if (!(variance > 0) || !Number.isFinite(mu)) return 0;
  return mu / variance;
}

/** Fee-aware arbitrage Kelly, in bps inputs. */
export function kellyArb(edgeBps: number, costBps: number, varBps: number): number {
  const net = (edgeBps - costBps) / 1e4;
  const v = varBps / 1e4;
  if (!(net > 0) || !(v > 0)) return 0;
  return net / (v * v);
}

/** Fractional Kelly with the hard cap; never negative. */
export function safeFraction(fStar: number, cfg: KellyConfig): number {
  if (!(fStar > 0)) return 0;
  return Math.min(cfg.fraction * fStar, cfg.max_fraction);
}

/** Snaps a quantity down to the lot; null when below `min_qty`. */
export function snapQty(qty: number, cfg: KellyConfig): { lots: Sz; qty: number } | null {
  if (!(qty > 0)) return null;
  const scale = 10 ** cfg.size_decimals;
  // The epsilon keeps 0.3 * 10 = 2.9999999999999996 on its lot.
  const lots = Math.floor(qty * scale + 1e-9);
  const snapped = lots / scale;
  if (lots <= 0 || snapped < cfg.min_qty) return null;
  return { lots: sz(lots), qty: snapped };
}

export interface BinaryTarget {
  side: BinarySide | null;
  /** Target net exposure in YES-equivalent contracts (+ YES, − NO). */
  targetNet: number;
  /** What to buy now on `side` to move the total exposure toward the target; null = nothing. */
  order: { lots: Sz; qty: number } | null;
  fStar: number;
  fraction: number;
}

/**
 * Binary Kelly applied to the whole outcome: the stake sets a target net exposure
 * (YES − NO after merges), and only the gap between it and `currentNet` is ordered.
 */
export function binaryTarget(x: BinaryInputs & { bankrollUsd: number; currentNet: number }, cfg: KellyConfig): BinaryTarget {
  const k = kellyBinary(x);
  const f = safeFraction(k.fStar, cfg);
  if (k.side === null || f === 0 || !(x.bankrollUsd > 0)) {
    return { side: k.side, targetNet: 0, order: null, fStar: k.fStar, fraction: f };
  }
  const cost = k.side === "yes" ? k.costYes : k.costNo;
  const contracts = (f * x.bankrollUsd) / cost;
  const targetNet = k.side === "yes" ? contracts : -contracts;
  const gap = k.side === "yes" ? targetNet - x.currentNet : x.currentNet - targetNet;
  return { side: k.side, targetNet, order: snapQty(gap, cfg), fStar: k.fStar, fraction: f };
}

/** Contracts a bankroll fraction buys at `unitCost`, snapped to the lot (null below min_qty). */
export function stakeQty(fraction: number, bankrollUsd: number, unitCost: number, cfg: KellyConfig): { lots: Sz; qty: number } | null {
  if (!(fraction > 0) || !(bankrollUsd > 0) || !(unitCost > 0)) return null;
  return snapQty((fraction * bankrollUsd) / unitCost, cfg);
}

export interface MarketMakingRisk {
  /** Half-spread captured per round trip, price units per contract. */
  halfSpread: number;
  /** Price of the contract. */
  price: number;
  /** Volatility, price/√s. */
  sigma: number;
  /** How long inventory is typically held before it is turned over, seconds. */
  horizonSecs: number;
}

/**
 * Continuous Kelly for a quote: per unit of capital the return has mean δ/p and variance
 * σ²·h/p² over the holding horizon h, so f* = (δ/p)/(σ²h/p²) = δ·p/(σ²h). Scaled and capped like
 * every stake, and never above the strategy's own `kelly_cap`.
 */
export function marketMakingFraction(r: MarketMakingRisk, kellyCap: number, cfg: KellyConfig): number {
  if (!(r.price > 0)) return 0;
  const f = kellyContinuous(r.halfSpread / r.price, (r.sigma * r.sigma * r.horizonSecs) / (r.price * r.price));
  return Math.min(kellyCap, safeFraction(f, cfg));
}
