/**
 * Every recording in data/ replays through the loaders and the pipeline without an exception,
 * with every skipped record accounted for; fuzzed copies of real records (truncated JSON, wrong
 * types, negative or NaN sizes, crossed books) are counted and dropped.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadBookCsv, loadTradesCsv } from "../../shared/data/djienne-csv";
import { loadArchive } from "../../shared/data/hl-archive";
import { loadHip4Jsonl } from "../../shared/data/hip4-jsonl";
import { newLoadStats, totalSkipped } from "../../shared/data/load-stats";
import type { BookEvent } from "../../shared/events";
import { MarketPipeline } from "../../shared/pipeline/market-pipeline";
import { readLines, repoPath } from "../../scripts/lib/files";
import { RECORDINGS, findRecording } from "../../scripts/lib/recordings";
import { runReplay } from "../../scripts/lib/replay-runner";

// Counts from each recording's README in data/.
const EXPECTED: Record<string, { events: number; skipped: Record<string, number> }> = {
  "archive-btc-2024-01-01": { events: 5_587, skipped: {} },
  // ETH: 17 trades resent after the 19:58 reconnect.
  "btc-eth-2025-09-04": { events: 3_785 * 2 + 13_896 + 15_259 + 6_675 + 6_884 - 17, skipped: { duplicate: 17 } },
  "hip4-2026-05-10": { events: 13_337 * 2 + 562 * 2 + 33_752 + 8_012, skipped: {} },
};

describe("replaying every recording in data/", () => {
  for (const spec of RECORDINGS) {
    it(`${spec.name}: every record loads or is accounted for, and every event runs through the pipeline`, () => {
      const rec = spec.load();
      const skipped: Record<string, number> = {};
      for (const f of rec.files) for (const [k, v] of Object.entries(f.stats.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
      expect({ events: rec.events.length, skipped }).toEqual(EXPECTED[spec.name]);
      const report = runReplay(rec, spec.markets(), {}, spec.pair);
      expect(report.replayed).toBe(rec.events.length);
      for (const m of report.markets) {
        // Real books are never crossed, locked or malformed: nothing is refused.
        expect({ coin: m.coin, refused: m.refused, outOfOrder: m.outOfOrder }).toEqual({ coin: m.coin, refused: 0, outOfOrder: 0 });
        expect(m.events).toBeGreaterThan(0);
      }
    });
  }

  it("btc-eth-2025-09-04: reports the BTC/ETH return cross-correlation from -2 s to +2 s and the lead-lag hit rate", () => {
    const spec = findRecording("btc-eth-2025-09-04");
    if (spec === undefined) throw new Error("recording missing");
    const report = runReplay(spec.load(), spec.markets(), { gridMs: 100, maxLagMs: 2_000 }, spec.pair);
    const xc = report.crossCorrelation;
    const ll = report.leadLag;
    if (xc === undefined || ll === undefined) throw new Error("no pair analysis");
    expect(xc.points.map((p) => p.lagMs)).toEqual(Array.from({ length: 41 }, (_, i) => -2000 + i * 100));
    const peak = xc.points.reduce((m, p) => (p.corr > m.corr ? p : m));
    console.log(`BTC/ETH 100 ms returns: peak correlation ${peak.corr.toFixed(3)} at ${peak.lagMs} ms`);
    console.log(`lead-lag BTC->ETH: ${ll.hits} hits, ${ll.misses} misses, ${ll.onsets} onsets, hit rate ${(ll.rate * 100).toFixed(1)}%`);
    // Both coins print in the same blocks, so the strongest co-movement is within one grid step.
    expect(Math.abs(peak.lagMs)).toBeLessThanOrEqual(100);
    expect(peak.corr).toBeGreaterThan(0.1);
    // A lead-lag signal that does not beat a coin flip on ETH's next move would be broken.
    expect(ll.hits + ll.misses).toBeGreaterThan(50);
    expect(ll.rate).toBeGreaterThan(0.5);
  });
});

describe("fuzzed copies of real records are counted and dropped", () => {
  const archive = readLines(repoPath("data/hyperliquid/archive-2024-01-01-h12/BTC.jsonl")).slice(0, 200);
  const hip4 = readLines(repoPath("data/hyperliquid/hip4-2026-05-10/prediction_binary__book_snapshot__H150.jsonl")).slice(0, 200);
  const books = readLines(repoPath("data/hyperliquid/btc-eth-2025-09-04/orderbooks_BTC.csv")).slice(0, 201);
  const trades = readLines(repoPath("data/hyperliquid/btc-eth-2025-09-04/trades_BTC.csv")).slice(0, 201);

  /** A broken copy of a real record; `sizeCol` is the CSV column of a size. */
  const mutate = (line: string, how: number, at: number, sizeCol = -1): string => {
    if (how === 0) {
      // Truncated. A CSV row cut inside its last field reads as a shorter valid number, which
      // no CSV reader can tell, so CSV rows are cut before their last separator.
      const end = sizeCol < 0 ? line.length : line.lastIndexOf(",");
      return line.slice(0, Math.max(1, at % end));
    }
    if (sizeCol >= 0) {
      const cols = line.split(",");
      const size = cols[sizeCol] as string;
      cols[sizeCol] = how === 1 ? `"${size}"` : how === 2 ? `-${size}` : "nan";
      return cols.join(",");
    }
    // JSON: the first size becomes a number (wrong type), negative, or NaN.
    const [sz, bidSz] =
      how === 1 ? ['"sz":$1', '"bid_sz":["$1"'] : how === 2 ? ['"sz":"-$1"', '"bid_sz":[-$1'] : ['"sz":"NaN"', '"bid_sz":[NaN'];
    return line.replace(/"sz":"([^"]+)"/, sz).replace(/"bid_sz":\[(\d+)/, bidSz);
  };

  it("in every format, without an exception", () => {
    fc.assert(
      fc.property(fc.nat(199), fc.nat(3), fc.nat(10_000), (i, how, at) => {
        const cases: [string, (l: string[]) => { events: unknown[]; skipped: number }, number][] = [
          [archive[i] as string, (l) => run(l, (x, s) => loadArchive(x, s)), -1],
          [hip4[i] as string, (l) => run(l, (x, s) => loadHip4Jsonl(x, s)), -1],
          [books[i + 1] as string, (l) => run([books[0] as string, ...l], (x, s) => loadBookCsv(x, "BTC", s)), 4],
          [trades[i + 1] as string, (l) => run([trades[0] as string, ...l], (x, s) => loadTradesCsv(x, "BTC", s)), 2],
        ];
        for (const [line, load, sizeCol] of cases) {
          const bad = mutate(line, how, at, sizeCol);
          expect(bad).not.toBe(line);
          const r = load([bad]);
          expect(r.events.length + r.skipped).toBe(1);
          expect(r.skipped).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("crossed books built from real frames are refused by the pipeline and leave its book intact", () => {
    const stats = newLoadStats();
    const events = loadArchive(archive, stats) as BookEvent[];
    const spec = findRecording("archive-btc-2024-01-01");
    const config = spec?.markets()[0];
    if (config === undefined) throw new Error("no config");
    const created = MarketPipeline.create(config);
    if (!created.ok) throw new Error("config");
    const p = created.value;
    let crossed = 0;
    for (const [k, ev] of events.entries()) {
      p.onEvent(ev);
      const before = [p.book.bestBidPx(), p.book.bestAskPx(), p.book.depth("bid", 20), p.book.depth("ask", 20)];
      // Bids above the asks: the same levels with the sides swapped.
      const swapped: BookEvent = { ...ev, ts: ev.ts + 1, bids: ev.asks, asks: ev.bids };
      if (k % 3 === 0) {
        expect(p.onEvent(swapped)).toBe(false);
        crossed++;
        expect([p.book.bestBidPx(), p.book.bestAskPx(), p.book.depth("bid", 20), p.book.depth("ask", 20)]).toEqual(before);
      }
    }
    // Swapped sides are both crossed and out of order within each side: the first check wins.
    expect(p.book.refused.unsorted + p.book.refused.crossed).toBe(crossed);
    expect(p.counters.refused).toBe(crossed);
  });
});

function run<T>(lines: string[], load: (l: string[], s: ReturnType<typeof newLoadStats>) => T[]): { events: T[]; skipped: number } {
  const stats = newLoadStats();
  const events = load(lines, stats);
  return { events, skipped: totalSkipped(stats) };
}
