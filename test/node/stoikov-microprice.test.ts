/**
 * Stoikov's micro-price fitted on real Hyperliquid books. What a correct estimator must show on
 * any data: g* at a one-tick spread rises with the queue imbalance and is antisymmetric (the
 * sample is symmetrised). The paper also finds the micro-price inside the spread on large-tick
 * stocks; the 2024 BTC book, with size on every $1 level, behaves the same way, while the 2025
 * BTC/ETH books hold thin levels and gaps behind a thick touch (first BTC row: 3.24 BTC at the
 * bid, then 0.00341 BTC on each of the next three dollars), so a thin touch being taken moves
 * the mid several ticks and g* rightly leaves the spread there.
 */
import { describe, expect, it } from "vitest";
import { findRecording } from "../../scripts/lib/recordings";
import { fitStoikovTable } from "../../scripts/lib/stoikov-fit";

// BTC at ~42,700 and ETH at ~4,270 both trade on 5 significant figures: one step is 10 book units.
const cases = [
  { recording: "archive-btc-2024-01-01", coin: "BTC", sampleMs: 1_000, insideSpread: true },
  { recording: "btc-eth-2025-09-04", coin: "ETH", sampleMs: 250, insideSpread: false },
];

describe("Stoikov micro-price on recorded books", () => {
  for (const c of cases) {
    it(`${c.coin} (${c.recording}): g* rises with imbalance and is antisymmetric`, () => {
      const spec = findRecording(c.recording);
      const market = spec?.markets().find((m) => m.coin === c.coin);
      if (spec === undefined || market === undefined) throw new Error("recording missing");
      const fit = fitStoikovTable(spec.load(), market, { imbalanceBuckets: 5, tickUnits: 10, maxSpreadTicks: 2, iterations: 20 }, c.sampleMs);
      if (!fit.ok) throw new Error(fit.error);
      const oneTick = fit.value.adjustment[0] as number[];
      console.log(`${c.coin}: g* at a one-tick spread by imbalance bucket: ${oneTick.map((g) => g.toFixed(3)).join(", ")} ticks (${fit.value.transitions} transitions)`);
      for (let b = 1; b < oneTick.length; b++) expect(oneTick[b]).toBeGreaterThan(oneTick[b - 1] as number);
      for (let b = 0; b < oneTick.length; b++) expect((oneTick[b] as number) + (oneTick[oneTick.length - 1 - b] as number)).toBeCloseTo(0, 9);
      if (c.insideSpread) for (const g of oneTick) expect(Math.abs(g)).toBeLessThan(0.5);
    });
  }
});
