/* Determinism: the same recording and seed give byte-identical report JSON; the seed is what varies a run. */
import { describe, expect, it } from "vitest";
import { DEFAULT_LATENCY } from "../../../shared/backtest/latency";
import { loadInput, runStrategy } from "../../../scripts/lib/backtest-run";

describe("backtest determinism", () => {
  it("gives byte-identical reports for the same input and seed, and different ones for another seed", () => {
    const li = loadInput("hip4-2026-05-10");
    if (!li.ok) throw new Error(li.error);
    const json = (seed: number): string => {
      const r = runStrategy("as", li.value, { seed, latency: DEFAULT_LATENCY });
      if (!r.ok) throw new Error(r.error);
      return JSON.stringify(r.value.report);
    };
    const a = json(7);
    const b = json(7);
    expect(b).toBe(a);
    expect(a.length).toBeGreaterThan(10_000);
    // Another seed draws other latency jitter: other arrival times at the venue, another run.
    expect(json(8)).not.toBe(a);
  });

  it("is deterministic for the two-market strategies too (parity: YES book and BTC perp)", () => {
    const li = loadInput("hip4-2026-05-10", Date.UTC(2026, 4, 10, 4, 0), Date.UTC(2026, 4, 10, 4, 30));
    if (!li.ok) throw new Error(li.error);
    const json = (): string => {
      const r = runStrategy("parity", li.value, { seed: 3, latency: DEFAULT_LATENCY });
      if (!r.ok) throw new Error(r.error);
      return JSON.stringify(r.value.report);
    };
    expect(json()).toBe(json());
  });
});
