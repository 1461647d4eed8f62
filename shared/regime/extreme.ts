/**
 * Liquidation / extreme-move detector (SPEC §5). Cascades show up as bursts of aggressive
 * volume, mid jumps of many sigmas, or the book's depth collapsing; any of them switches
 * trading off for `cooldownMs` of exchange time after the last trigger.
 *
 * - Burst: taker notional over the last `burstWindowMs` above `burstMultiple` × what the
 *   long-run trade rate predicts for that window (and above `burstMinNotional`). The long-run
 *   rate is an exponentially decayed sum with half-life `baselineHalfLifeSec` of the trades
 *   *before* the window being judged (a burst must not raise its own bar), divided by the weight
 *   it has had time to gather (the usual EWMA start-up correction), and trusted once
 *   `baselineMinSec` of trading has been seen.
 * - Jump: |Δlog mid| > `jumpSigmas` · σ · √Δt, with Δt floored at `jumpMinDtMs` so a tick-sized
 *   move between two close blocks is not read as many sigmas.
 * - Depth collapse: the thinner side's depth over `depthLevels` levels under
 *   `depthCollapseFraction` of its EWMA (half-life `depthHalfLifeSec`), once the EWMA has had
 *   one half-life to settle, lasting at least `depthCollapseMinMs`. Measured deep in the book
 *   and over time on purpose: on Hyperliquid's BTC book one large quote at the touch carries
 *   most of the depth, and it is taken and replaced within a second or two all the time
 *   (btc-eth-2025-09-04: 107 dips under 10 %, median 0.7 s, longest 6.1 s). A fraction of 0
 *   turns the check off (a bbo-only feed has no depth to judge).
 */
import { RollingSum } from "../signals/rolling-sum";

export interface ExtremeConfig {
  burstWindowMs: number;
  burstMultiple: number;
  burstMinNotional: number;
  baselineHalfLifeSec: number;
  baselineMinSec: number;
  jumpSigmas: number;
  jumpMinDtMs: number;
  depthLevels: number;
  depthCollapseFraction: number;
  depthCollapseMinMs: number;
  depthHalfLifeSec: number;
  cooldownMs: number;
}

export type ExtremeReason = "burst" | "jump" | "depth-collapse";

export interface ExtremeDetectorState {
  tradeRateSum: number;
  tradeRateTs: number;
  firstTradeTs: number;
  depthEwma: number;
  depthTs: number;
  firstDepthTs: number;
}

export class ExtremeDetector {
  private readonly window: RollingSum;
  private decayed = 0;
  private decayedTs = NaN;
  private firstTradeTs = NaN;
  private lastMid = NaN;
  private lastMidTs = NaN;
  private depthEwma = NaN;
  private depthTs = NaN;
  private firstDepthTs = NaN;
  private lowSince = NaN;
  private lastTrigger = -Infinity;
  reason: ExtremeReason | null = null;
  readonly triggers: Record<ExtremeReason, number> = { burst: 0, jump: 0, "depth-collapse": 0 };

  constructor(readonly config: ExtremeConfig) {
    this.window = new RollingSum(config.burstWindowMs);
  }

  /** A public trade of `notional` quote units. */
  onTrade(ts: number, notional: number): void {
    if (!(notional > 0)) return;
    const c = this.config;
    this.window.add(ts, notional);
    const inWindow = this.window.sum(ts);
    if (Number.isNaN(this.decayedTs)) {
      this.firstTradeTs = ts;
      this.decayedTs = ts;
    }
    this.decayed *= Math.pow(2, -(ts - this.decayedTs) / 1000 / c.baselineHalfLifeSec);
    this.decayedTs = ts;
    const elapsedSec = (ts - this.firstTradeTs - c.burstWindowMs) / 1000;
    if (elapsedSec >= c.baselineMinSec) {
      // The decayed sum without the window's trades (their decay over a window that is short
      // against the half-life is neglected); rate per second S·ln2 / H over the weight gathered.
      const before = Math.max(0, this.decayed - (inWindow - notional));
      const gathered = 1 - Math.pow(2, -elapsedSec / c.baselineHalfLifeSec);
      const expected = ((before * Math.LN2) / c.baselineHalfLifeSec / gathered) * (c.burstWindowMs / 1000);
      if (inWindow > c.burstMinNotional && inWindow > c.burstMultiple * expected) this.trigger(ts, "burst");
    }
    this.decayed += notional;
  }

  /** A new mid with the current σ per √s. */
  onMid(ts: number, mid: number, sigmaPerSqrtSec: number): void {
    if (!(mid > 0)) return;
    if (this.lastMid > 0 && sigmaPerSqrtSec > 0) {
      const dt = Math.max(ts - this.lastMidTs, this.config.jumpMinDtMs) / 1000;
      const move = Math.abs(Math.log(mid / this.lastMid));
      if (move > this.config.jumpSigmas * sigmaPerSqrtSec * Math.sqrt(dt)) this.trigger(ts, "jump");
    }
    this.lastMid = mid;
    this.lastMidTs = ts;
  }

  /** Depth (quote notional of the thinner side) at `ts`. */
  onDepth(ts: number, depth: number): void {
    if (!(depth >= 0)) return;
    const c = this.config;
    if (Number.isNaN(this.depthEwma)) {
      this.depthEwma = depth;
      this.depthTs = ts;
      this.firstDepthTs = ts;
      return;
    }
    const settled = ts - this.firstDepthTs >= c.depthHalfLifeSec * 1000;
    if (settled && depth < c.depthCollapseFraction * this.depthEwma) {
      if (Number.isNaN(this.lowSince)) this.lowSince = ts;
      if (ts - this.lowSince >= c.depthCollapseMinMs) this.trigger(ts, "depth-collapse");
    } else {
      this.lowSince = NaN;
    }
    const alpha = 1 - Math.pow(2, -Math.max(0, ts - this.depthTs) / 1000 / c.depthHalfLifeSec);
    this.depthEwma += alpha * (depth - this.depthEwma);
    this.depthTs = ts;
  }

  /** True while within `cooldownMs` of the last trigger. */
  active(now: number): boolean {
    return now - this.lastTrigger < this.config.cooldownMs;
  }

  /** After a resync the next mid is a new series, not a jump. */
  breakSeries(): void {
    this.lastMid = NaN;
  }

  exportState(): ExtremeDetectorState {
    return {
      tradeRateSum: this.decayed,
      tradeRateTs: this.decayedTs,
      firstTradeTs: this.firstTradeTs,
      depthEwma: this.depthEwma,
      depthTs: this.depthTs,
      firstDepthTs: this.firstDepthTs,
    };
  }

  restoreState(s: ExtremeDetectorState): void {
    this.decayed = s.tradeRateSum;
    this.decayedTs = s.tradeRateTs;
    this.firstTradeTs = s.firstTradeTs;
    this.depthEwma = s.depthEwma;
    this.depthTs = s.depthTs;
    this.firstDepthTs = s.firstDepthTs;
  }

  private trigger(ts: number, reason: ExtremeReason): void {
    this.lastTrigger = ts;
    this.reason = reason;
    this.triggers[reason]++;
  }
}
