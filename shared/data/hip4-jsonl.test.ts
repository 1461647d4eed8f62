import { describe, expect, it } from "vitest";
import { loadHip4Jsonl, loadHip4Meta } from "./hip4-jsonl";
import { newLoadStats } from "./load-stats";

// Rows copied from data/hyperliquid/hip4-2026-05-10 (the book row cut to 2 levels).
const BOOK =
  '{"symbol":"#150","exchange_ts":"1778385600039000000","local_recv_ts":"1778385601136682725","event_type":"book_snapshot","bid_px":[0.95236,0.95205],"bid_sz":[105,17],"ask_px":[0.9555,0.96489],"ask_sz":[1338,2848]}';
const TRADE =
  '{"symbol":"#150","exchange_ts":"1778385608268000000","local_recv_ts":"1778385608415591309","event_type":"trade","price":0.95236,"size":22,"side":"sell","trade_id":"669968902624609","block_ts":"1778385608268000000","buyer":"0xb00b2dad3ff806a27ab5257094cb88f7d6de7c3a","seller":"0xf957e361399ca0592d6f550f41449f0005814ef0","block_hash":"0x84c03b0713e9cbea8639043b0d43790202a900ecaeeceabc2888e659d2eda5d5"}';
const BBO =
  '{"symbol":"BTC","exchange_ts":"1778385600039000000","local_recv_ts":"1778385601136451813","event_type":"bbo","bid_px":80742,"bid_sz":0.71933,"ask_px":80743,"ask_sz":24.12869}';
const MARK =
  '{"symbol":"BTC","exchange_ts":"1778385601234140237","local_recv_ts":"1778385601234140237","event_type":"mark","mark_px":80743}';
const META =
  '{"symbol":"#150","exchange_ts":"1778306408631710000","local_recv_ts":"1778306408631710000","event_type":"market_meta","keys":["outcome_idx","side_idx","side_name","underlying","targetPrice"],"values":["15","0","Yes","BTC","80354"]}';

describe("HIP-4 JSONL loader", () => {
  it("turns each recorder row into a normalised event with exact decimal text", () => {
    const stats = newLoadStats();
    const events = loadHip4Jsonl([BOOK, TRADE, BBO, MARK], stats);
    expect(events).toEqual([
      {
        kind: "book",
        venue: "hl",
        coin: "#150",
        ts: 1778385600039,
        bids: [
          { px: "0.95236", sz: "105" },
          { px: "0.95205", sz: "17" },
        ],
        asks: [
          { px: "0.9555", sz: "1338" },
          { px: "0.96489", sz: "2848" },
        ],
      },
      { kind: "trade", venue: "hl", coin: "#150", ts: 1778385608268, px: "0.95236", sz: "22", side: "sell", tid: "669968902624609" },
      { kind: "bbo", venue: "hl", coin: "BTC", ts: 1778385600039, bid: { px: "80742", sz: "0.71933" }, ask: { px: "80743", sz: "24.12869" } },
      { kind: "mark", venue: "hl", coin: "BTC", ts: 1778385601234, px: "80743" },
    ]);
    expect(stats).toEqual({ lines: 4, events: 4, skipped: {}, reordered: 0 });
  });

  it("counts and drops fuzzed rows: truncated JSON, wrong types, negative or NaN sizes", () => {
    const stats = newLoadStats();
    const bad = [
      BOOK.slice(0, 80),
      BOOK.replace('"bid_sz":[105,17]', '"bid_sz":["105",17]'),
      BOOK.replace('"bid_sz":[105,17]', '"bid_sz":[-105,17]'),
      BOOK.replace('"bid_sz":[105,17]', '"bid_sz":[105]'),
      TRADE.replace('"size":22', '"size":NaN'),
      TRADE.replace('"side":"sell"', '"side":"up"'),
      MARK.replace('"1778385601234140237"', "1778385601234140237"),
      MARK.replace('"1778385601234140237"', '"soon"'),
      META,
      "",
    ];
    expect(loadHip4Jsonl(bad, stats)).toEqual([]);
    expect(stats.skipped).toEqual({ "not-json": 2, schema: 5, levels: 1, timestamp: 1, blank: 1 });
  });

  it("reads the market metadata rows", () => {
    const stats = newLoadStats();
    expect(loadHip4Meta([META, TRADE], stats)).toEqual([
      {
        kind: "market_meta",
        symbol: "#150",
        ts: 1778306408631,
        fields: { outcome_idx: "15", side_idx: "0", side_name: "Yes", underlying: "BTC", targetPrice: "80354" },
      },
    ]);
    expect(stats.skipped).toEqual({ schema: 1 });
  });
});
