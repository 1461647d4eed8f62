/**
 * Makes OFI comparable across markets and regimes (SPEC §4), so one threshold works for BTC,
 * ETH and an outcome book alike.
 *
 * Depth: Cont, Kukanov & Stoikov find the price impact of OFI inversely proportional to depth
 * at the touch (β ≈ c / AD^λ, λ ≈ 1; stylised model ΔP ≈ δ·OFI / (2D), δ the tick). So
 * OFI / (2·AD) estimates the move it causes, in ticks, with AD an EWMA of the average best-level
 * size (qb + qa) / 2.
 * Volatility: that move is then divided by the move the market makes anyway over the same
 * window, σ·√window·mid, also in ticks. The result is a unitless "sigmas of impact".
 */

export interface OfiNormaliserConfig {
  /** Half-life of the average-depth EWMA, in seconds of exchange time. */
  depthHalfLifeSec: number;
}

export class OfiNormaliser {
  private avgDepth = NaN;
  private lastTs = NaN;

  constructor(readonly config: OfiNormaliserConfig) {}

  /** Feeds the best-level sizes (lots) at exchange time `ts`. */
  onTop(ts: number, bidSz: number, askSz: number): void {
    const d = (bidSz + askSz) / 2;
    if (Number.isNaN(this.avgDepth)) {
      this.avgDepth = d;
      this.lastTs = ts;
      return;
    }
    // Right after a restore there is no previous time: no decay for that first sample.
    const dt = Number.isNaN(this.lastTs) ? 0 : Math.max(0, ts - this.lastTs) / 1000;
    const alpha = 1 - Math.pow(2, -dt / this.config.depthHalfLifeSec);
    this.avgDepth += alpha * (d - this.avgDepth);
    this.lastTs = ts;
  }

  averageDepth(): number {
    return this.avgDepth;
  }

  /**
   * `ofi` in lots over `windowMs`; σ per √s; `mid` and `tick` in price units. Undefined while
   * depth or volatility is unknown or zero.
   */
  normalise(ofi: number, windowMs: number, sigmaPerSqrtSec: number, mid: number, tick: number): number | undefined {
    const impactTicks = ofi / (2 * this.avgDepth);
    const moveTicks = (sigmaPerSqrtSec * Math.sqrt(windowMs / 1000) * mid) / tick;
    const z = impactTicks / moveTicks;
    return Number.isFinite(z) ? z : undefined;
  }

  restore(avgDepth: number): void {
    this.avgDepth = avgDepth;
  }
}

/**
 * Hyperliquid's price grid at a price level: at most 5 significant figures, at most
 * `pxDecimals` decimals, and integer prices always allowed (hyperliquid.md §4.5).
 */
export function hyperliquidTick(price: number, pxDecimals: number): number {
  if (!(price > 0)) return NaN;
  const sigFigTick = Math.pow(10, Math.floor(Math.log10(price)) - 4);
  return Math.min(1, Math.max(sigFigTick, Math.pow(10, -pxDecimals)));
}
