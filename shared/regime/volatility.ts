/**
 * Volatility regime (SPEC §5): low / normal / high from the EWMA volatility (annualised).
 * Each boundary has a band of ± `hysteresis` (a fraction) around it: a bucket is entered only
 * beyond the far edge of the band and left only beyond the near edge, so σ wandering around a
 * boundary does not flip the regime on every frame.
 */
import { err, ok, type Result } from "../core/result";

export type VolBucket = "low" | "normal" | "high";

export interface VolRegimeConfig {
  /** σ below this is low. */
  lowBelow: number;
  /** σ above this is high. */
  highAbove: number;
  /** Relative half-width of the band around each boundary, e.g. 0.1. */
  hysteresis: number;
}

export function checkVolRegimeConfig(c: VolRegimeConfig): Result<VolRegimeConfig, string> {
  if (!(c.hysteresis >= 0 && c.hysteresis < 1)) return err("hysteresis must be in [0, 1)");
  if (!(c.lowBelow > 0 && c.lowBelow * (1 + c.hysteresis) < c.highAbove * (1 - c.hysteresis))) {
    return err("need 0 < lowBelow and the low and high bands must not overlap");
  }
  return ok(c);
}

export class VolRegime {
  private current: VolBucket = "normal";
  since = NaN;
  switches = 0;

  constructor(readonly config: VolRegimeConfig) {}

  get bucket(): VolBucket {
    return this.current;
  }

  update(ts: number, sigmaAnnualised: number): VolBucket {
    if (!Number.isFinite(sigmaAnnualised)) return this.current;
    const { lowBelow, highAbove, hysteresis: h } = this.config;
    let next = this.current;
    if (sigmaAnnualised > highAbove * (1 + h)) next = "high";
    else if (sigmaAnnualised < lowBelow * (1 - h)) next = "low";
    else if (this.current === "high" && sigmaAnnualised < highAbove * (1 - h)) next = "normal";
    else if (this.current === "low" && sigmaAnnualised > lowBelow * (1 + h)) next = "normal";
    if (next !== this.current) {
      this.current = next;
      this.since = ts;
      this.switches++;
    }
    return next;
  }

  restore(bucket: VolBucket): void {
    this.current = bucket;
  }
}
