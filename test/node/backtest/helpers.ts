/** Shared checks of the backtest acceptance tests (not a test file). */
import { expect } from "vitest";
import type { RunData } from "../../../shared/backtest/backtest";
import type { InventoryKey } from "../../../shared/backtest/recorder";

/**
 * Replays the venue's fills one by one and checks every inventory key against its bound after
 * each of them: independent of the recorder, which tracks the same extremes on its own.
 */
export function expectInventoryWithinBounds(run: RunData): void {
  const lots = new Map<string, number>();
  const net = (k: InventoryKey): number => k.legs.reduce((s, l) => s + l.sign * (lots.get(l.market) ?? 0), 0);
  for (const f of run.venue.fills) {
    lots.set(f.market, (lots.get(f.market) ?? 0) + (f.side === "buy" ? f.lots : -f.lots));
    for (const k of run.setup.inventory) {
      if (k.bound === null) continue;
      expect(Math.abs(net(k)), `${k.key} after the fill at ${f.ts}`).toBeLessThanOrEqual(k.bound);
    }
  }
  for (const m of lots.keys()) expect(run.ledger.markets[m]?.lots).toBe(lots.get(m));
}

/** The books balanced at every step and the bot's account ended where the venue's ledger did. */
export function expectBalancedBooks(run: RunData): void {
  const b = run.recorder.balance;
  expect(b.failures).toBe(0);
  expect(b.firstFailure).toBeNull();
  // A check after every fill and every mark change (plus the final one).
  expect(b.checks).toBeGreaterThan(run.venue.fills.length);
  const acct = run.account.state;
  expect(acct.ledger.cashMicros).toBe(run.ledger.cashMicros);
  for (const m of Object.keys(run.instruments)) {
    expect(acct.ledger.markets[m]?.lots ?? 0).toBe(run.ledger.markets[m]?.lots ?? 0);
    expect(acct.risk.positions[m] ?? 0).toBe(run.ledger.markets[m]?.lots ?? 0);
  }
}
