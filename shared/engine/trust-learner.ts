/**
 * Online trust scores for one market's signals (SPEC §11): every TRUST_HORIZON_MS of exchange
 * time, each signal's value at the previous sample is scored against the log return of the mid
 * since then (feedback/trust.ts), and the bounded weights go to the alpha combiner. The 10 s
 * horizon is the bucket Cont, Kukanov & Stoikov (2014) measure OFI's price impact over.
 */
import type { TrustConfig, TrustState } from "../feedback/trust";
import { trustWeights, updateTrust } from "../feedback/trust";
import type { SignalState } from "../signals/signal-state";

export const TRUST_HORIZON_MS = 10_000;

export class TrustLearner {
  private lastTs = NaN;
  private lastMid = NaN;
  private readonly lastValues = new Map<string, number>();

  constructor(
    private readonly cfg: TrustConfig,
    private readonly names: readonly string[],
    public state: TrustState = {},
  ) {}

  /** Feeds the mid after an own-book event; returns new weights when a horizon has passed. */
  onMid(ts: number, mid: number, signals: SignalState): Record<string, number> | null {
    if (!(mid > 0) || !Number.isFinite(ts)) return null;
    if (Number.isFinite(this.lastTs) && ts - this.lastTs < TRUST_HORIZON_MS) return null;
    let weights: Record<string, number> | null = null;
    if (Number.isFinite(this.lastTs)) {
      const realised = Math.log(mid / this.lastMid);
      for (const [name, pred] of this.lastValues) this.state = updateTrust(this.state, name, pred, realised, ts, this.cfg);
      weights = trustWeights(this.state, this.names, ts, this.cfg);
    }
    this.lastTs = ts;
    this.lastMid = mid;
    this.lastValues.clear();
    for (const name of this.names) {
      const v = signals.get(name, ts);
      if (v !== undefined) this.lastValues.set(name, v);
    }
    return weights;
  }
}
