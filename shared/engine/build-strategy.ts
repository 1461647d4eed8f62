/**
 * Checks a MarketEngineConfig against its strategy and builds the strategy: the pipelines must
 * be the ones the strategy reads (own market first), the quoting tick must sit on the
 * instrument's grid, an outcome's legs must form one exposure group. Every problem comes back
 * with its path; nothing half-built is returned.
 */
import { err, ok, type Result } from "../core/result";
import type { Instrument } from "../execution/types";
import { gridRatio, outcomeQuoter } from "./mm-strategy";
import { ofiStrategy } from "./ofi-strategy";
import { parityStrategy } from "./parity-strategy";
import { coinOf, type EngineStrategy } from "./strategy";
import type { EngineConfigError, MarketEngineConfig, OutcomeSpec } from "./types";

function checkOutcome(o: OutcomeSpec, errors: EngineConfigError[]): void {
  const bad = (path: string, message: string): void => void errors.push({ path: `strategy.outcome.${path}`, message });
  if (o.yes.payoff !== "binary" || o.no.payoff !== "binary") bad("payoff", "outcome legs are binary");
  if (o.yes.group === undefined || o.yes.group !== o.no.group) bad("group", "YES and NO must share one exposure group");
  if ((o.yes.groupSign ?? 1) !== 1 || o.no.groupSign !== -1) bad("groupSign", "YES is +1 and NO −1 in the group");
  if (o.yes.pxDecimals !== o.no.pxDecimals || o.yes.szDecimals !== o.no.szDecimals) bad("no", "legs must share their grid");
  if (!Number.isFinite(o.expiryMs)) bad("expiryMs", "must be a time in ms");
}

export function buildStrategy(c: MarketEngineConfig): Result<EngineStrategy, EngineConfigError[]> {
  const errors: EngineConfigError[] = [];
  const coins = c.pipelines.map((p) => p.coin);
  const own = coins[0];
  const needOwn = (inst: Instrument): void => {
    if (own !== coinOf(inst)) errors.push({ path: "pipelines.0.coin", message: `the first pipeline must be ${coinOf(inst)} (the engine's own market)` });
  };
  const s = c.strategy;
  let built: EngineStrategy | null = null;
  switch (s.kind) {
    case "mm":
    case "fixed": {
      checkOutcome(s.outcome, errors);
      needOwn(s.outcome.yes);
      const ratio = gridRatio(c.params.mm.tick, s.outcome.yes.pxDecimals);
      if (ratio === null) errors.push({ path: "params.mm.tick", message: `must be a multiple of the instrument tick 1e-${s.outcome.yes.pxDecimals}` });
      if (s.kind === "fixed" && !(s.halfSpread > 0 && s.halfSpread < 0.5)) errors.push({ path: "strategy.halfSpread", message: "must lie in (0, 0.5)" });
      if (ratio !== null) built = outcomeQuoter(c.id, s.outcome, ratio, s.kind === "fixed" ? s.halfSpread : null);
      break;
    }
    case "parity":
      checkOutcome(s.outcome, errors);
      needOwn(s.outcome.yes);
      if (!coins.includes(coinOf(s.perp))) errors.push({ path: "pipelines", message: `parity needs a pipeline for ${coinOf(s.perp)}` });
      if (s.perp.payoff !== "linear") errors.push({ path: "strategy.perp.payoff", message: "the hedge is a linear perp" });
      if (!(s.strike > 0)) errors.push({ path: "strategy.strike", message: "must be > 0" });
      built = parityStrategy(c.id, s.outcome, s.perp, s.strike);
      break;
    case "ofi":
      needOwn(s.perp);
      if (c.pipelines[0]?.leadLag === undefined) errors.push({ path: "pipelines.0.leadLag", message: "OFI lead-lag needs the lag pipeline's leadLag config" });
      if (s.perp.payoff !== "linear") errors.push({ path: "strategy.perp.payoff", message: "OFI trades a linear perp" });
      built = ofiStrategy(c.id, s.perp);
      break;
  }
  if (c.id.length === 0) errors.push({ path: "id", message: "must not be empty" });
  return errors.length === 0 && built !== null ? ok(built) : err(errors);
}
