/**
 * Realised volatility as an EWMA of squared `Δlog(p) / sqrt(Δt)` (SPEC §3), with a half-life in
 * seconds of exchange time. Observations are irregular, so each one gets the weight
 * α = 1 − 2^(−Δt / halfLife): a sample after a long silence counts more than one after a blink.
 * Samples closer than `minDtMs` are merged (the log change is measured from the last accepted
 * price), which keeps bid/ask bounce within one block from dominating the estimate.
 *
 * Cold start (SPEC §3): the estimate starts at the configured prior and `sigma()` reports the
 * prior until `warmupMs` of exchange time have passed since the first price, so one early jump
 * cannot make quotes absurdly wide.
 */

export const SECONDS_PER_YEAR = 365 * 24 * 3600;

export interface EwmaVolConfig {
  halfLifeSec: number;
  /** Annualised volatility assumed before the estimate is warm (e.g. 0.5 = 50 %/yr). */
  priorAnnualised: number;
  /** How long the prior is reported after the first price (SPEC: 10 s). */
  warmupMs: number;
  /** Minimum exchange time between two accepted samples. */
  minDtMs: number;
}

export const DEFAULT_EWMA_VOL: EwmaVolConfig = {
  halfLifeSec: 60,
  priorAnnualised: 0.5,
  warmupMs: 10_000,
  minDtMs: 500,
};

/** What must survive a restart (SPEC §12: the vol estimate is strategy state). */
export interface EwmaVolState {
  variancePerSec: number;
  warm: boolean;
  samples: number;
}

export class EwmaVol {
  private variance: number;
  private anchorLog = NaN;
  private anchorTs = NaN;
  private firstTs = NaN;
  private warm = false;
  private count = 0;
  private readonly priorVar: number;

  constructor(readonly config: EwmaVolConfig = DEFAULT_EWMA_VOL) {
    const perSec = config.priorAnnualised / Math.sqrt(SECONDS_PER_YEAR);
    this.priorVar = perSec * perSec;
    this.variance = this.priorVar;
  }

  /** Feeds a price observed at exchange time `ts` (ms). Non-positive prices are ignored. */
  update(ts: number, price: number): void {
    if (!(price > 0)) return;
    const logPx = Math.log(price);
    if (Number.isNaN(this.anchorTs)) {
      this.anchorTs = ts;
      this.anchorLog = logPx;
      if (Number.isNaN(this.firstTs)) this.firstTs = ts;
      return;
    }
    const dtMs = ts - this.anchorTs;
    if (dtMs < this.config.minDtMs) return;
    const r = logPx - this.anchorLog;
    const dtSec = dtMs / 1000;
    const alpha = 1 - Math.pow(2, -dtSec / this.config.halfLifeSec);
    this.variance += alpha * ((r * r) / dtSec - this.variance);
    this.anchorTs = ts;
    this.anchorLog = logPx;
    this.count++;
    if (!this.warm && ts - this.firstTs >= this.config.warmupMs) this.warm = true;
  }

  /** Volatility per √second at exchange time `ts`: the prior until the estimate is warm. */
  sigmaPerSqrtSec(ts: number): number {
    if (!this.warm && !(ts - this.firstTs >= this.config.warmupMs)) return Math.sqrt(this.priorVar);
    return Math.sqrt(this.variance);
  }

  /** Annualised volatility (√(seconds per year) × σ per √s). */
  annualised(ts: number): number {
    return this.sigmaPerSqrtSec(ts) * Math.sqrt(SECONDS_PER_YEAR);
  }

  isWarm(): boolean {
    return this.warm;
  }

  /** Forgets the last price (after a resync the next price starts a new return, not a jump). */
  breakSeries(): void {
    this.anchorTs = NaN;
    this.anchorLog = NaN;
  }

  exportState(): EwmaVolState {
    return { variancePerSec: this.variance, warm: this.warm, samples: this.count };
  }

  restoreState(s: EwmaVolState): void {
    this.variance = s.variancePerSec;
    this.warm = s.warm;
    this.count = s.samples;
    this.breakSeries();
  }
}
