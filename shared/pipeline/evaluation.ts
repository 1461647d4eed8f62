/**
 * Judging signals on a replay, with exchange time only:
 * - the Cont-Kukanov-Stoikov regression ΔP_k = β·OFI_k + ε over fixed buckets (10 s in the
 *   paper's main tables), ΔP the mid change and OFI the sum of e_n in the bucket;
 * - mids sampled on a regular grid, for the cross-correlation of two markets' returns;
 * - the hit rate of a −1/0/+1 signal on the next move of a mid.
 */
import { laggedCorrelation, ols, type Ols } from "./stats";

/** Collects (OFI, ΔP) per bucket from the pipeline's cumulative OFI and mid after each event. */
export class OfiRegression {
  private bucketEnd = NaN;
  private ofiAtStart = NaN;
  private midAtStart = NaN;
  private lastOfi = NaN;
  private lastMid = NaN;
  readonly ofi: number[] = [];
  readonly dMid: number[] = [];

  constructor(readonly bucketMs: number) {}

  /** State after an event at `ts`: cumulative OFI (any size unit) and the mid (price units). */
  onState(ts: number, cumulativeOfi: number, mid: number): void {
    if (!(mid > 0)) return;
    if (Number.isNaN(this.bucketEnd)) {
      this.bucketEnd = ts + this.bucketMs;
      this.ofiAtStart = cumulativeOfi;
      this.midAtStart = mid;
    }
    // Close every bucket that ended before this event with the state as of its end.
    while (ts >= this.bucketEnd) {
      this.ofi.push(this.lastOfi - this.ofiAtStart);
      this.dMid.push(this.lastMid - this.midAtStart);
      this.ofiAtStart = this.lastOfi;
      this.midAtStart = this.lastMid;
      this.bucketEnd += this.bucketMs;
    }
    this.lastOfi = cumulativeOfi;
    this.lastMid = mid;
  }

  fit(): Ols {
    return ols(this.ofi, this.dMid);
  }
}

/** Last mid at or before each grid time `start + k·stepMs`. */
export class MidGrid {
  readonly mids: number[] = [];
  private next: number;
  private last = NaN;

  constructor(
    readonly stepMs: number,
    readonly start: number,
  ) {
    this.next = start;
  }

  onMid(ts: number, mid: number): void {
    if (!(mid > 0)) return;
    while (ts > this.next) {
      this.mids.push(this.last);
      this.next += this.stepMs;
    }
    this.last = mid;
  }

  /** Log-returns between consecutive grid points. */
  returns(): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.mids.length; i++) {
      out.push(Math.log((this.mids[i] as number) / (this.mids[i - 1] as number)));
    }
    return out;
  }
}

/**
 * corr(lead return at t, lag return at t + k·step) for k = −maxSteps..maxSteps; both grids
 * must share their step and start time. A peak at k > 0 means the first series leads.
 */
export function crossCorrelation(a: number[], b: number[], maxSteps: number): { steps: number; corr: number }[] {
  const n = Math.min(a.length, b.length);
  const xa = a.slice(0, n);
  const xb = b.slice(0, n);
  const out: { steps: number; corr: number }[] = [];
  for (let k = -maxSteps; k <= maxSteps; k++) out.push({ steps: k, corr: laggedCorrelation(xa, xb, k) });
  return out;
}

/**
 * Hit rate of a −1/0/+1 signal on the next change of a mid: each time the signal turns
 * non-zero (or flips) it predicts the sign of the next mid move after that moment. Onsets while
 * a prediction is open are counted but not scored again.
 */
export class SignalHitRate {
  private lastSignal = 0;
  private pending = 0;
  private midAtOnset = NaN;
  private lastMid = NaN;
  onsets = 0;
  hits = 0;
  misses = 0;

  onSignal(value: number): void {
    const s = Math.sign(value);
    if (s !== 0 && s !== this.lastSignal) {
      this.onsets++;
      if (this.pending === 0 && this.lastMid > 0) {
        this.pending = s;
        this.midAtOnset = this.lastMid;
      }
    }
    this.lastSignal = s;
  }

  onMid(mid: number): void {
    if (!(mid > 0)) return;
    this.lastMid = mid;
    if (this.pending === 0 || mid === this.midAtOnset) return;
    if (Math.sign(mid - this.midAtOnset) === this.pending) this.hits++;
    else this.misses++;
    this.pending = 0;
  }

  rate(): number {
    return this.hits / (this.hits + this.misses);
  }
}
