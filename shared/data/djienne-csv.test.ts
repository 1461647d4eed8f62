import { describe, expect, it } from "vitest";
import { loadBboCsv, loadBookCsv, loadTradesCsv } from "./djienne-csv";
import { newLoadStats } from "./load-stats";

// Rows copied from data/hyperliquid/btc-eth-2025-09-04 (book rows cut to 2 levels).
const BOOK = [
  "timestamp,sequence,exchange_timestamp,bid_price_0,bid_size_0,ask_price_0,ask_size_0,bid_price_1,bid_size_1,ask_price_1,ask_size_1",
  "1757015216.673878,1757015216253,1757015216253,109755.0,3.24457,109756.0,15.17236,109754.0,0.00341,109757.0,0.00341",
  "1757015217.1651921,1757015216728,1757015216728,109755.0,0.57423,109756.0,15.21791,109751.0,1e-05,109757.0,0.32226",
];
const BBO = [
  "timestamp,price,size,side,exchange_timestamp",
  "1757015216.8747032,109755.0,3.24457,bid,1757015216253",
  "1757015216.8747032,109756.0,15.17236,ask,1757015216253",
];
const TRADES = [
  "timestamp,price,size,side,trade_id,exchange_timestamp",
  "1757015216.673878,109741.0,0.91116,buy,833120162794147,1757015209306",
  "1757015216.673878,109742.0,0.00011,buy,10862554098870,1757015209306",
];

describe("djienne CSV loaders", () => {
  it("reads book rows into 20-level-style snapshots with exact decimal text", () => {
    const stats = newLoadStats();
    const books = loadBookCsv(BOOK, "BTC", stats);
    expect(books).toHaveLength(2);
    expect(books[1]).toEqual({
      kind: "book",
      venue: "hl",
      coin: "BTC",
      ts: 1757015216728,
      bids: [
        { px: "109755.0", sz: "0.57423" },
        { px: "109751.0", sz: "0.00001" },
      ],
      asks: [
        { px: "109756.0", sz: "15.21791" },
        { px: "109757.0", sz: "0.32226" },
      ],
    });
    expect(stats).toEqual({ lines: 3, events: 2, skipped: {}, reordered: 0 });
  });

  it("pairs the bid and ask rows of one bbo message, with the recorder's CRLF line ends", () => {
    const stats = newLoadStats();
    expect(loadBboCsv(BBO.map((l) => `${l}\r`), "BTC", stats)).toEqual([
      {
        kind: "bbo",
        venue: "hl",
        coin: "BTC",
        ts: 1757015216253,
        bid: { px: "109755.0", sz: "3.24457" },
        ask: { px: "109756.0", sz: "15.17236" },
      },
    ]);
  });

  it("reads trades with the aggressor side and drops a resent trade", () => {
    const stats = newLoadStats();
    const trades = loadTradesCsv([...TRADES, TRADES[1] as string], "BTC", stats);
    expect(trades.map((t) => [t.ts, t.px, t.sz, t.side, t.tid])).toEqual([
      [1757015209306, "109741.0", "0.91116", "buy", "833120162794147"],
      [1757015209306, "109742.0", "0.00011", "buy", "10862554098870"],
    ]);
    expect(stats.skipped).toEqual({ duplicate: 1 });
  });

  it("counts and drops malformed rows", () => {
    const stats = newLoadStats();
    const bookLines = [
      BOOK[0] as string,
      "1,2,1757015216253,109755.0,-3,109756.0,1,109754.0,1,109757.0,1", // negative size
      "1,2,1757015216253,109755.0,nan,109756.0,1,109754.0,1,109757.0,1", // NaN size
      "1,2,17570152x6253,109755.0,1,109756.0,1,109754.0,1,109757.0,1", // bad time
      "1,2,1757015216253,109755.0,1,109756.0", // truncated
      "",
    ];
    expect(loadBookCsv(bookLines, "BTC", stats)).toEqual([]);
    expect(stats.skipped).toEqual({ decimal: 2, timestamp: 1, columns: 1, blank: 1 });

    const bbo = newLoadStats();
    const lone = ["timestamp,price,size,side,exchange_timestamp", "1,100.0,1,bid,5", "2,101.0,1,ask,6", "3,100,1,middle,7"];
    expect(loadBboCsv(lone, "BTC", bbo)).toEqual([]);
    expect(bbo.skipped).toEqual({ unpaired: 2, side: 1 });

    const trades = newLoadStats();
    loadTradesCsv(["wrong header", "1,100.0,1,buy,12a,5", "1,100.0,0,buy,12,5"], "BTC", trades);
    expect(trades.skipped).toEqual({ "no-header": 1, columns: 1, "trade-id": 1, decimal: 1 });
  });
});
