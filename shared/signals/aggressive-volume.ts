/**
 * Aggressive (taker) volume imbalance over a window (SPEC §4): taker buys minus taker sells,
 * normalised by their sum so the value lies in [−1, 1] whatever the market's size. Kept apart
 * from OFI on purpose: OFI is book-only, this is trade-only.
 */
import { RollingSum } from "./rolling-sum";

export class AggressiveVolume {
  private readonly buys: RollingSum;
  private readonly sells: RollingSum;

  constructor(readonly windowMs: number) {
    this.buys = new RollingSum(windowMs);
    this.sells = new RollingSum(windowMs);
  }

  /** A trade of `lots` whose aggressor bought (`buy`) or sold (`sell`). */
  onTrade(ts: number, side: "buy" | "sell", lots: number): void {
    if (!(lots > 0)) return;
    (side === "buy" ? this.buys : this.sells).add(ts, lots);
  }

  buyVolume(now: number): number {
    return this.buys.sum(now);
  }

  sellVolume(now: number): number {
    return this.sells.sum(now);
  }

  /** (buy − sell) / (buy + sell) over the window; undefined when nothing traded. */
  imbalance(now: number): number | undefined {
    const b = this.buys.sum(now);
    const s = this.sells.sum(now);
    const total = b + s;
    return total > 0 ? (b - s) / total : undefined;
  }
}
