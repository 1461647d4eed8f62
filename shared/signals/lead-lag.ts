/**
 * Lead-lag signal (SPEC §4): −1 / 0 / +1 when the lead symbol's mid has moved over the last
 * `windowMs` and the lag symbol has not yet followed. BTC -> ETH first. The lead and lag must
 * be different symbols and the window must be under 300 ms; both are checked when the signal
 * is built, so a misconfigured one never exists.
 *
 * "Not yet followed": the lag's return over the same window, in the lead's direction, is below
 * `reflectedFraction` of the lead's return.
 */
import { err, ok, type Result } from "../core/result";

export interface LeadLagConfig {
  lead: string;
  lag: string;
  windowMs: number;
  /** Smallest lead move that counts, in basis points of its mid. */
  leadThresholdBps: number;
  /** Share of the lead's move the lag must show to count as already reflected (0..1]. */
  reflectedFraction: number;
}

export type LeadLagConfigError =
  | { kind: "same-symbol"; symbol: string }
  | { kind: "window"; windowMs: number; reason: string }
  | { kind: "threshold"; reason: string };

export const MAX_LEAD_LAG_WINDOW_MS = 300;

/** Recent log-mids of one symbol, enough to read the return over the window. */
class MidHistory {
  private ts: number[] = [];
  private lp: number[] = [];
  /** Index of the reference sample: the latest one at or before the window start. */
  private head = 0;

  constructor(private readonly windowMs: number) {}

  push(ts: number, logMid: number): void {
    this.ts.push(ts);
    this.lp.push(logMid);
    this.advance(ts - this.windowMs);
    if (this.head > 256) {
      this.ts = this.ts.slice(this.head);
      this.lp = this.lp.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Log-return from the reference (the latest sample at or before now − window, or the
   * earliest sample when none is that old) to the latest sample.
   */
  ret(now: number): number {
    const n = this.ts.length;
    if (n === 0) return 0;
    this.advance(now - this.windowMs);
    return (this.lp[n - 1] as number) - (this.lp[this.head] as number);
  }

  clear(): void {
    this.ts = [];
    this.lp = [];
    this.head = 0;
  }

  private advance(start: number): void {
    while (this.head + 1 < this.ts.length && (this.ts[this.head + 1] as number) <= start) this.head++;
  }
}

export class LeadLag {
  private readonly leadMids: MidHistory;
  private readonly lagMids: MidHistory;

  private constructor(readonly config: LeadLagConfig) {
    this.leadMids = new MidHistory(config.windowMs);
    this.lagMids = new MidHistory(config.windowMs);
  }

  static create(config: LeadLagConfig): Result<LeadLag, LeadLagConfigError> {
    if (config.lead === config.lag) return err({ kind: "same-symbol", symbol: config.lead });
    if (!(config.windowMs > 0 && config.windowMs < MAX_LEAD_LAG_WINDOW_MS)) {
      return err({ kind: "window", windowMs: config.windowMs, reason: `must be > 0 and < ${MAX_LEAD_LAG_WINDOW_MS} ms` });
    }
    if (!(config.leadThresholdBps > 0)) return err({ kind: "threshold", reason: "leadThresholdBps must be > 0" });
    if (!(config.reflectedFraction > 0 && config.reflectedFraction <= 1)) {
      return err({ kind: "threshold", reason: "reflectedFraction must be in (0, 1]" });
    }
    return ok(new LeadLag(config));
  }

  /** Feeds a mid of either symbol; other symbols are ignored. */
  onMid(coin: string, ts: number, mid: number): void {
    if (!(mid > 0)) return;
    if (coin === this.config.lead) this.leadMids.push(ts, Math.log(mid));
    else if (coin === this.config.lag) this.lagMids.push(ts, Math.log(mid));
  }

  value(now: number): -1 | 0 | 1 {
    const lead = this.leadMids.ret(now);
    if (Math.abs(lead) * 1e4 < this.config.leadThresholdBps) return 0;
    const dir = lead > 0 ? 1 : -1;
    const followed = dir * this.lagMids.ret(now);
    return followed >= this.config.reflectedFraction * Math.abs(lead) ? 0 : dir;
  }

  reset(): void {
    this.leadMids.clear();
    this.lagMids.clear();
  }
}
