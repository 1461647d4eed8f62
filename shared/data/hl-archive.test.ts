import { describe, expect, it } from "vitest";
import { loadArchive } from "./hl-archive";
import { newLoadStats } from "./load-stats";

// The first line of data/hyperliquid/archive-2024-01-01-h12/BTC.jsonl, cut to 2 levels a side.
const LINE =
  '{"time":"2024-01-01T12:00:01.138942031","ver_num":1,"raw":{"channel":"l2Book","data":{"coin":"BTC","time":1704110399915,"levels":[[{"px":"42727.0","sz":"0.02265","n":1},{"px":"42723.0","sz":"0.17828","n":1}],[{"px":"42729.0","sz":"3.83257","n":2},{"px":"42731.0","sz":"0.397","n":2}]]}}}';

describe("Hyperliquid archive loader", () => {
  it("turns the raw l2Book frame into a book event through the wire parser", () => {
    const stats = newLoadStats();
    const [ev] = loadArchive([LINE], stats);
    expect(ev).toEqual({
      kind: "book",
      venue: "hl",
      coin: "BTC",
      ts: 1704110399915,
      bids: [
        { px: "42727.0", sz: "0.02265", n: 1 },
        { px: "42723.0", sz: "0.17828", n: 1 },
      ],
      asks: [
        { px: "42729.0", sz: "3.83257", n: 2 },
        { px: "42731.0", sz: "0.397", n: 2 },
      ],
    });
    expect(stats).toEqual({ lines: 1, events: 1, skipped: {}, reordered: 0 });
  });

  it("counts and drops fuzzed lines: truncated JSON, wrong types, negative and NaN sizes", () => {
    const stats = newLoadStats();
    const bad = [
      LINE.slice(0, 100),
      LINE.replace('"time":1704110399915', '"time":"1704110399915"'),
      LINE.replace('"sz":"0.02265"', '"sz":0.02265'),
      LINE.replace('"sz":"0.02265"', '"sz":"-0.02265"'),
      LINE.replace('"sz":"0.02265"', '"sz":"NaN"'),
      LINE.replace('"channel":"l2Book"', '"channel":"l3Book"'),
      '{"time":"x","ver_num":1}',
      "",
    ];
    expect(loadArchive(bad, stats)).toEqual([]);
    expect(stats.skipped).toEqual({
      "not-json": 1,
      "frame-badData": 4,
      "frame-unknownChannel": 1,
      "no-frame": 1,
      blank: 1,
    });
  });
});
