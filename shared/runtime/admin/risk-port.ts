/**
 * What the api Worker calls on the RiskDO for the admin API (durable-objects/README.md): the
 * contract with the account side, as a type the api routes are checked against. Views are passed
 * through as JSON; results that can be refused come back as `Result` values.
 */
import type { BotConfig, ConfigIssue } from "../../config";
import type { Result } from "../../core/result";
import type { DecisionsQuery } from "./schemas";

export interface RiskForAdmin {
  status(): Promise<unknown>;
  kill(reason: string): Promise<unknown>;
  resume(opts: { resetPeak: boolean }): Promise<unknown>;
  cancelAll(reason: string): Promise<unknown>;
  flatten(reason: string): Promise<unknown>;
  positions(): Promise<unknown>;
  openOrders(): Promise<unknown>;
  /** PnL now, PnL today (UTC) and the sampled history from `sinceMs` (shared/runtime/account/pnl-history.ts). */
  pnl(sinceMs?: number): Promise<unknown>;
  /** The audit log, oldest first from `since`, else the newest `limit`; the RiskDO validates the query again. */
  decisions(query: DecisionsQuery): Promise<Result<unknown[], ConfigIssue[]>>;
  getConfig(): Promise<BotConfig>;
  updateConfig(patch: unknown): Promise<Result<BotConfig, ConfigIssue[]>>;
}
