/**
 * `POST /control/reset`: the venue as a fresh start would leave it, while the replay keeps
 * running. Runtime test files share one simulator and reset it first, so a file never sees the
 * orders, fills, positions, nonces or spent budgets of the file before it:
 * - our resting orders leave the matching engines and the order registry (oids keep counting up,
 *   so an old oid can never name a new order); no orderUpdates are sent for them;
 * - every account goes back to the balances, agents and volume it was added with (fills,
 *   positions, holdings, request budget, dead man's switch and its daily count);
 * - nonces, the per-IP weight window, injected faults and their counts, the request log and the
 *   /info answers log (their sequence numbers keep counting up) are cleared.
 * Market state (books, trades, candles, outcomes, the sim clock) is the replay's and stays.
 */
import type { SimCore } from "./core";
import { NonceBook } from "./nonces";
import { IpBudget } from "./rate-limits";

export interface ResetSummary {
  ordersCancelled: number;
  accounts: number;
}

export function resetVenue(core: SimCore): ResetSummary {
  const open = core.venue.orders.allOpen();
  for (const rec of open) core.markets.engineFor(rec.coin)?.cancel(rec.oid);
  core.venue.orders.clear();
  for (const a of core.accounts.all()) core.scheduler.cancel(a.deadMan?.task);
  core.accounts.reset();
  core.nonces = new NonceBook();
  core.ipBudget = new IpBudget(core.ipBudget.perMinute);
  core.faults.clear();
  core.faults.resetCounts();
  core.requests.length = 0;
  core.infoServed.clear();
  return { ordersCancelled: open.length, accounts: core.accounts.all().length };
}
