/*
 * Acceptance: BTC parity on the HIP-4 recording (YES #150 against the BTC perp bbo) and OFI
 * lead-lag on ETH with BTC leading (BTC+ETH recording), through the same engines and venue.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { RunData } from "../../../shared/backtest/backtest";
import type { BacktestReport } from "../../../shared/backtest/report";
import { loadInput, runStrategy } from "../../../scripts/lib/backtest-run";
import { expectBalancedBooks, expectInventoryWithinBounds } from "./helpers";

const run = (strategy: "parity" | "ofi", recording: string): { run: RunData; report: BacktestReport } => {
  const li = loadInput(recording);
  if (!li.ok) throw new Error(li.error);
  const r = runStrategy(strategy, li.value);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("BTC parity on the HIP-4 recording", () => {
  let p: { run: RunData; report: BacktestReport };
  beforeAll(() => {
    p = run("parity", "hip4-2026-05-10");
  });

  it("prices the digital against the YES mid over the two hours and reports the edge distribution", () => {
    const v = p.report.strategyView[0]!;
    expect(v.samples).toBeGreaterThan(7_000);
    expect(v.path.t).toHaveLength(120);
    for (const f of v.path.fair) expect(f === null || (f >= 0 && f <= 1)).toBe(true);
    // BTC stayed above the 80354 strike: the digital ends worth ~1 and the YES mid with it (the
    // last minutes have no fair value: the YES book lost its asks and the strategy stood aside).
    const last = v.path.fair.findLastIndex((f) => f !== null);
    expect(last).toBeGreaterThan(90);
    expect(v.path.fair[last]!).toBeGreaterThan(0.99);
    expect(v.path.mid[last]!).toBeGreaterThan(0.99);
    // Two hours out it priced YES well under the ~0.95 mid (50% vol prior, BTC 0.5% over the strike).
    expect(v.path.fair[0]!).toBeLessThan(v.path.mid[0]! - 0.1);
    expect(v.fairVsMid).not.toBeNull();
    const e = v.edge!;
    expect(e.q05!).toBeLessThanOrEqual(e.q50!);
    expect(e.q50!).toBeLessThanOrEqual(e.q95!);
    // Every 1-s sample with an edge lands in one histogram bucket.
    const withEdge = p.run.recorder.contexts.filter((c) => c.edge !== null).length;
    expect(e.histogram.reduce((s, b) => s + b.count, 0)).toBe(withEdge);
  });

  it("trades the outcome and hedges on the perp, against the mispricing, within the caps", () => {
    const byMarket = Object.fromEntries(p.report.pnl.byMarket.map((m) => [m.market, m]));
    expect(byMarket["hl:#151"]!.fills + byMarket["hl:#150"]!.fills).toBeGreaterThan(0);
    expect(byMarket["hl:BTC"]!.fills).toBeGreaterThan(0);
    expect(byMarket["hl:BTC"]!.feesUsd!).toBeGreaterThan(0);
    // The hedge leans against the outcome exposure: long perp while short the outcome.
    const [outcome, btc] = p.run.recorder.inventory as [number[], number[]];
    let both = 0;
    let opposite = 0;
    outcome.forEach((q, i) => {
      const h = btc[i]!;
      if (q !== 0 && h !== 0) {
        both++;
        if (Math.sign(q) !== Math.sign(h)) opposite++;
      }
    });
    expect(both).toBeGreaterThan(1_000);
    expect(opposite / both).toBeGreaterThan(0.95);
    expectInventoryWithinBounds(p.run);
    expectBalancedBooks(p.run);
    // Hedged PnL is the sum over both legs.
    const legs = p.report.pnl.byMarket.reduce((s, m) => s + m.realisedUsd! + m.unrealisedUsd! - m.feesUsd!, 0);
    expect(legs).toBeCloseTo(p.report.pnl.totalUsd!, 4);
  });
});

describe("OFI lead-lag on the BTC+ETH recording", () => {
  let o: { run: RunData; report: BacktestReport };
  beforeAll(() => {
    o = run("ofi", "btc-eth-2025-09-04");
  });

  it("trades ETH on the combined alpha with BTC leading, within max_position, books balanced", () => {
    const r = o.report;
    expect(r.fills.count).toBeGreaterThan(0);
    expect(r.pnl.byMarket.find((m) => m.market === "hl:BTC")?.fills ?? 0).toBe(0);
    expect(r.strategyView[0]!.alpha.std!).toBeGreaterThan(0);
    // Lead events reach the ETH pipeline; only the lead's trades are of no use to it.
    expect(r.input.refusedByPipelines).toBe(0);
    expect(o.run.engines[0]!.counters.ignored).toBe(6_675);
    expect(r.inventory[0]).toMatchObject({ key: "hl:ETH", bound: 500, withinBound: true });
    expectInventoryWithinBounds(o.run);
    expectBalancedBooks(o.run);
  });
});
