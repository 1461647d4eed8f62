/**
 * Liquidity regime (SPEC §5): spread and depth with hysteresis, and `tradable()`. Every
 * liquidity rule lives here; strategies only ask `tradable()`.
 *
 * Separate enter and exit thresholds keep the state from flapping on a book that hovers at one
 * threshold: the market turns illiquid when the spread widens past `illiquidSpreadBps` or the
 * thinner side's depth falls under `illiquidDepth`, and turns liquid again only once the spread
 * is back at or under `liquidSpreadBps` and the depth at or over `liquidDepth`. It starts
 * illiquid (fail-safe) and returns there on a resync until a fresh book proves otherwise.
 */
import { err, ok, type Result } from "../core/result";

export interface LiquidityConfig {
  /** Levels per side summed into the depth. */
  depthLevels: number;
  illiquidSpreadBps: number;
  liquidSpreadBps: number;
  /** Depth of the thinner side, in quote notional (price × size). */
  illiquidDepth: number;
  liquidDepth: number;
}

export type LiquidityState = "liquid" | "illiquid";

export function checkLiquidityConfig(c: LiquidityConfig): Result<LiquidityConfig, string> {
  if (!(Number.isInteger(c.depthLevels) && c.depthLevels >= 1)) return err("depthLevels must be an integer >= 1");
  if (!(c.liquidSpreadBps > 0 && c.liquidSpreadBps < c.illiquidSpreadBps)) {
    return err("need 0 < liquidSpreadBps < illiquidSpreadBps (hysteresis)");
  }
  if (!(c.illiquidDepth >= 0 && c.liquidDepth > c.illiquidDepth)) return err("need 0 <= illiquidDepth < liquidDepth (hysteresis)");
  return ok(c);
}

export class LiquidityRegime {
  private current: LiquidityState = "illiquid";
  private hasBook = false;
  /** Exchange time of the last switch. */
  since = NaN;
  switches = 0;

  constructor(readonly config: LiquidityConfig) {}

  get state(): LiquidityState {
    return this.current;
  }

  /** Feeds the spread (bps of mid) and the thinner side's depth notional at `ts`. */
  update(ts: number, spreadBps: number, depth: number): LiquidityState {
    this.hasBook = true;
    const c = this.config;
    const next: LiquidityState =
      this.current === "liquid"
        ? spreadBps > c.illiquidSpreadBps || depth < c.illiquidDepth || !Number.isFinite(spreadBps)
          ? "illiquid"
          : "liquid"
        : spreadBps <= c.liquidSpreadBps && depth >= c.liquidDepth
          ? "liquid"
          : "illiquid";
    if (next !== this.current) {
      this.current = next;
      this.since = ts;
      this.switches++;
    }
    return next;
  }

  /** The book is gone or being rebuilt: not tradable until the next update. */
  markUnknown(ts: number): void {
    this.hasBook = false;
    if (this.current !== "illiquid") {
      this.current = "illiquid";
      this.since = ts;
      this.switches++;
    }
  }

  tradable(): boolean {
    return this.hasBook && this.current === "liquid";
  }
}
