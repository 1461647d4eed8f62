/**
 * Things that happen to orders and balances on a timer rather than on request: the dead man's
 * switch (scheduleCancel) and HIP-4 settlement.
 *
 * scheduleCancel [docs exchange-endpoint; reference/hyperliquid.md §3.2]: `time` at least 5 s
 * ahead arms it, no `time` disarms it; when it fires every open order of the account is
 * cancelled with status `scheduledCancel`; it may fire at most 10 times per UTC day. The venue
 * also requires $1,000,000 of traded volume before it can be set. Refusal texts as the venue
 * answers (@nktkas/hyperliquid live tests: "Scheduled cancel time too early, must be at least 5
 * seconds from now."; public integration notes: "Cannot set scheduled cancel time until enough
 * volume traded. Required: $1000000. Traded: $..."; the daily-limit text is not published and
 * is this simulator's wording).
 *
 * Settlement [docs hip-4-outcome-markets]: Yes pays settleFraction, No pays 1 − settleFraction
 * in the quote token; open orders on the outcome are cancelled (`outcomeSettledCanceled`,
 * @nktkas/hyperliquid's status list) and holdings arrive as fills at the settlement price
 * (dir "Settlement": the venue's own label for these fills is not published).
 */
import { parseScaled } from "../../shared/core/decimal";
import { outcomeCoin, outcomeToken } from "../../shared/venues/hyperliquid/assets";
import type { Account, FillWire } from "./accounts";
import type { Scheduler } from "./clock";
import type { OutcomeDef } from "./outcomes";
import { hlDecimal, usdc } from "./wire-format";
import { keccak256, toHex } from "viem";
import type { Venue, VenueListener } from "./venue";

export const SCHEDULE_CANCEL_MIN_AHEAD_MS = 5_000;
export const SCHEDULE_CANCEL_PER_DAY = 10;
export const SCHEDULE_CANCEL_MIN_VOLUME_MICROS = 1_000_000_000_000;
const DAY_MS = 86_400_000;

export function scheduleCancel(
  venue: Venue,
  scheduler: Scheduler,
  out: Pick<VenueListener, "nonUserCancel">,
  account: Account,
  time: number | undefined,
  now: number,
): string | null {
  if (time === undefined) {
    scheduler.cancel(account.deadMan?.task);
    account.deadMan = null;
    return null;
  }
  if (account.cumVlm < SCHEDULE_CANCEL_MIN_VOLUME_MICROS) {
    const traded = (Math.floor(account.cumVlm / 10_000) / 100).toFixed(2);
    return `Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $${traded}.`;
  }
  if (time < now + SCHEDULE_CANCEL_MIN_AHEAD_MS) return "Scheduled cancel time too early, must be at least 5 seconds from now.";
  const day = Math.floor(now / DAY_MS);
  if (account.deadManFired.day === day && account.deadManFired.count >= SCHEDULE_CANCEL_PER_DAY) {
    return "Too many scheduled cancel triggers today.";
  }
  scheduler.cancel(account.deadMan?.task);
  const task = scheduler.at(time, () => {
    account.deadMan = null;
    const firedDay = Math.floor(time / DAY_MS);
    account.deadManFired = { day: firedDay, count: account.deadManFired.day === firedDay ? account.deadManFired.count + 1 : 1 };
    const cancelled = venue.cancelAll(account, "scheduledCancel", time);
    if (cancelled.length > 0) out.nonUserCancel(account.address, cancelled.map((r) => ({ coin: r.coin, oid: r.oid })));
  });
  account.deadMan = { at: time, task };
  return null;
}

/** Settles an outcome at `now`: cancels its orders, pays its holders, removes it from the universe. */
export function settleOutcome(venue: Venue, out: Pick<VenueListener, "nonUserCancel">, def: OutcomeDef, now: number): void {
  const coins = [outcomeCoin({ outcome: def.outcome, side: 0 }), outcomeCoin({ outcome: def.outcome, side: 1 })];
  for (const account of venue.accounts.all()) {
    const open = venue.orders.open(account.address).filter((r) => coins.includes(r.coin));
    for (const rec of open) venue.cancelOrder(rec, "outcomeSettledCanceled", now);
    if (open.length > 0) out.nonUserCancel(account.address, open.map((r) => ({ coin: r.coin, oid: r.oid })));
  }
  const yes = parseScaled(def.settleFraction ?? "", 6);
  if (yes !== null) {
    for (const account of venue.accounts.all()) venue.emitFills(account, payHolders(venue, account, def, yes, now));
  }
  venue.markets.removeOutcome(def.outcome);
}

function payHolders(venue: Venue, account: Account, def: OutcomeDef, yesMicros: number, now: number): FillWire[] {
  const fills: FillWire[] = [];
  for (const side of [0, 1] as const) {
    const token = outcomeToken({ outcome: def.outcome, side });
    const h = account.holding(token);
    if (h.szi <= 0) continue;
    const priceMicros = side === 0 ? yesMicros : 1_000_000 - yesMicros;
    const payout = priceMicros * h.szi;
    account.spotUsdc += payout;
    account.holdings.delete(token);
    const tid = venue.newTid();
    fills.push({
      coin: outcomeCoin({ outcome: def.outcome, side }),
      px: hlDecimal(priceMicros, 6),
      sz: hlDecimal(h.szi, 0),
      side: "A",
      time: now,
      startPosition: hlDecimal(h.szi, 0),
      dir: "Settlement",
      closedPnl: usdc(payout - h.entryNtl),
      hash: keccak256(toHex(`hl-edge-sim:settle:${def.outcome}:${tid}`)),
      oid: 0,
      crossed: false,
      fee: "0.0",
      tid,
      feeToken: def.quoteToken,
    });
  }
  return fills;
}
