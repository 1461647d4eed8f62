/*
 * Acceptance: AS with bounded inventory and the symmetric fixed-spread quoter (same size, same
 * risk gate) over the whole HIP-4 #150/#151 recording (2026-05-10 04:00-06:00 UTC), reported
 * side by side. The tests hold the books and the bounds, not which strategy wins.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RunData } from "../../../shared/backtest/backtest";
import type { BacktestReport } from "../../../shared/backtest/report";
import { backtestSetup } from "../../../scripts/lib/backtest-presets";
import { loadInput, runStrategy, type LoadedInput } from "../../../scripts/lib/backtest-run";
import { formatComparison } from "../../../scripts/lib/backtest-format";
import { expectBalancedBooks, expectInventoryWithinBounds } from "./helpers";

let li: LoadedInput;
const runs: Record<string, { run: RunData; report: BacktestReport }> = {};

beforeAll(() => {
  const l = loadInput("hip4-2026-05-10");
  if (!l.ok) throw new Error(l.error);
  li = l.value;
  for (const s of ["as", "fixed"] as const) {
    const r = runStrategy(s, li);
    if (!r.ok) throw new Error(r.error);
    runs[s] = r.value;
  }
});

describe("AS vs fixed spread on the HIP-4 recording", () => {
  it("runs both with the same size, bounds, risk gate and account; only the pricing differs", () => {
    const as = backtestSetup("as", li.spec);
    const fixed = backtestSetup("fixed", li.spec);
    if (!as.ok || !fixed.ok) throw new Error("setup");
    expect(fixed.value.account).toEqual(as.value.account);
    expect(fixed.value.engines[0]!.params).toEqual(as.value.engines[0]!.params);
    expect(fixed.value.inventory).toEqual(as.value.inventory);
    expect(as.value.engines[0]!.strategy.kind).toBe("mm");
    expect(fixed.value.engines[0]!.strategy.kind).toBe("fixed");
  });

  for (const s of ["as", "fixed"]) {
    it(`${s}: trades, keeps |YES − NO| within max_inventory after every fill, and the books balance at every step`, () => {
      const { run, report } = runs[s]!;
      expect(report.fills.count).toBeGreaterThan(20);
      expect(report.fills.taker).toBe(0); // post-only quotes only
      expectInventoryWithinBounds(run);
      expect(report.inventory[0]).toMatchObject({ key: "hl:out15", bound: 2_500, withinBound: true });
      expectBalancedBooks(run);
      expect(report.balance).toMatchObject({ failures: 0, accountMatchesVenue: true });
      expect(report.input).toMatchObject({ events: 69_562, refusedByPipelines: 0, matchingErrors: 0, accountErrors: 0 });
    });
  }

  it("reports PnL, mean/std of 1-minute PnL, inventory std and markouts side by side", () => {
    const as = runs["as"]!.report;
    const fixed = runs["fixed"]!.report;
    for (const r of [as, fixed]) {
      // 7,200 s of recording plus the 10 s drain, sampled each second: 120 whole minutes.
      expect(r.pnl1m.minutes).toBe(120);
      expect(r.pnl1m.ratio).not.toBeNull();
      expect(r.inventory[0]!.std).toBeGreaterThan(0);
      expect(r.markouts.map((m) => m.horizonMs)).toEqual([1_000, 10_000, 60_000]);
      expect(r.markouts.every((m) => m.fills > 0 && m.meanPerUnit !== null)).toBe(true);
      // PnL splits exactly into realised + unrealised − fees (to the report's rounding).
      expect(r.pnl.totalUsd!).toBeCloseTo(r.pnl.realisedUsd! + r.pnl.unrealisedUsd! - r.pnl.feesUsd!, 5);
    }
    const table = formatComparison([as, fixed]);
    for (const row of ["PnL total (USD)", "1-min PnL mean÷std", "inventory hl:out15 std / final", "markout 10s (per unit / USD)"]) expect(table).toContain(row);
  });
});
