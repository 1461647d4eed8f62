/**
 * Alpha combiner (SPEC §6): one number in [−1, 1] from the fresh signals,
 *   alpha = clip(tanh(Σ_i w_i(regime) · trust_i · s_i), −1, 1).
 * The weights depend on the regime (a set per volatility bucket, and one for the extreme
 * regime, normally all zero); trust scores come from the feedback layer (SPEC §11) with a
 * neutral default of 1. A stale or absent signal contributes nothing. The combiner returns a
 * number and never places an order.
 */
import type { VolBucket } from "../regime/volatility";
import type { SignalState } from "../signals/signal-state";

export type AlphaRegime = VolBucket | "extreme";

export interface AlphaConfig {
  /** Signal names in a fixed order (the order of contributions in snapshots). */
  signals: readonly string[];
  /** Weight of each signal per regime; a missing weight is 0. */
  weights: Readonly<Record<AlphaRegime, Readonly<Record<string, number>>>>;
}

export const NEUTRAL_TRUST = 1;

export interface AlphaBreakdown {
  alpha: number;
  /** Σ w·trust·s before tanh. */
  raw: number;
  regime: AlphaRegime;
  contributions: { name: string; value: number | undefined; weight: number; trust: number; contribution: number }[];
}

export class AlphaCombiner {
  private readonly values: Float64Array;
  private readonly used: Float64Array;
  private lastRegime: AlphaRegime = "normal";
  private lastRaw = 0;
  private lastAlpha = 0;

  constructor(readonly config: AlphaConfig) {
    this.values = new Float64Array(config.signals.length);
    this.used = new Float64Array(config.signals.length);
  }

  /** Alpha at exchange time `now` from the signal state, in `regime`, with `trust` scores. */
  compute(signals: SignalState, now: number, regime: AlphaRegime, trust: Readonly<Record<string, number>>): number {
    const weights = this.config.weights[regime];
    let raw = 0;
    const names = this.config.signals;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const v = signals.get(name, now);
      const w = weights[name] ?? 0;
      const t = trustOf(trust, name);
      const c = v === undefined ? 0 : w * t * v;
      this.values[i] = v === undefined ? NaN : v;
      this.used[i] = c;
      raw += c;
    }
    const alpha = Math.max(-1, Math.min(1, Math.tanh(raw)));
    this.lastRegime = regime;
    this.lastRaw = raw;
    this.lastAlpha = Number.isFinite(alpha) ? alpha : 0;
    return this.lastAlpha;
  }

  /** What the last `compute` did, for the dashboard and the decision log. */
  breakdown(trust: Readonly<Record<string, number>>): AlphaBreakdown {
    const weights = this.config.weights[this.lastRegime];
    return {
      alpha: this.lastAlpha,
      raw: this.lastRaw,
      regime: this.lastRegime,
      contributions: this.config.signals.map((name, i) => {
        const v = this.values[i] as number;
        return {
          name,
          value: Number.isNaN(v) ? undefined : v,
          weight: weights[name] ?? 0,
          trust: trustOf(trust, name),
          contribution: this.used[i] as number,
        };
      }),
    };
  }
}

/** A trust score that is missing, negative or not finite is read as neutral. */
function trustOf(trust: Readonly<Record<string, number>>, name: string): number {
  const t = trust[name];
  return t !== undefined && Number.isFinite(t) && t >= 0 ? t : NEUTRAL_TRUST;
}
