/**
 * The Kalshi capture source. No real REST orderbook answer exists in the collected data
 * (data/kalshi/README.md): the book test reads the real WebSocket snapshot's ladders, the same
 * `[price, count]` string pairs, in the REST envelope the reference documents. Candlesticks have
 * no real sample at all and are tested on hand-built answers in the documented shape.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "../data/load-stats";
import { emptyEvents } from "./events";
import { complement, KalshiSource, readKalshi, seriesOf } from "./kalshi";
import { capturePlan, type CapturePlan } from "./plan";
import type { FetchJson, HttpRequest } from "./source";

const DIR = resolve(import.meta.dirname, "..", "..", "data", "kalshi", "kxgold15m-2026-08-10");
const SNAPSHOT = JSON.parse(readFileSync(join(DIR, "ws-orderbook-snapshot.jsonl"), "utf8")) as {
  recv_ms: number;
  event: { msg: { market_ticker: string; yes_dollars_fp: [string, string][]; no_dollars_fp: [string, string][] } };
};
const EVENT = JSON.parse(readFileSync(join(DIR, "event.json"), "utf8")) as { response: { event: { series_ticker: string }; markets: { ticker: string }[] } };
const MSG = SNAPSHOT.event.msg;
const REST_BOOK = { orderbook_fp: { yes_dollars: MSG.yes_dollars_fp, no_dollars: MSG.no_dollars_fp } };

function plan(extra: Record<string, string> = {}): CapturePlan {
  const r = capturePlan({ HL_API_URL: "https://api.hyperliquid.xyz", CAPTURE_KALSHI_TICKERS: MSG.market_ticker, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function serve(answer: unknown): { fetchJson: FetchJson; asked: HttpRequest[] } {
  const asked: HttpRequest[] = [];
  return { asked, fetchJson: async (req) => (asked.push(req), { ok: true, json: answer }) };
}

describe("Kalshi capture source", () => {
  it("takes the series from the ticker as the real event record names it", () => {
    const market = EVENT.response.markets[0];
    expect(market?.ticker).toBe(MSG.market_ticker);
    expect(seriesOf(MSG.market_ticker)).toBe(EVENT.response.event.series_ticker);
  });

  it("live: GET /markets/{ticker}/orderbook, the answer kept verbatim", async () => {
    const v = serve(REST_BOOK);
    const pass = await new KalshiSource().live(plan(), v.fetchJson, () => SNAPSHOT.recv_ms);
    expect(v.asked).toEqual([{ method: "GET", url: `https://external-api.kalshi.com/trade-api/v2/markets/${MSG.market_ticker}/orderbook` }]);
    expect(pass.records).toEqual([{ t: SNAPSHOT.recv_ms, venue: "ks", type: "orderbook", coin: MSG.market_ticker, req: `/markets/${MSG.market_ticker}/orderbook`, data: REST_BOOK }]);
  });

  it("historical: GET /series/{series}/markets/{ticker}/candlesticks with period_interval in minutes", async () => {
    const v = serve({ ticker: MSG.market_ticker, candlesticks: [] });
    const now = 1_786_402_800_000;
    await new KalshiSource().historical(plan({ CAPTURE_CANDLE_INTERVAL: "1h", CAPTURE_LOOKBACK_MINUTES: "600" }), v.fetchJson, () => now);
    expect(v.asked.map((a) => a.url)).toEqual([
      `https://external-api.kalshi.com/trade-api/v2/series/KXGOLD15M/markets/${MSG.market_ticker}/candlesticks?start_ts=${now / 1000 - 36_000}&end_ts=${now / 1000}&period_interval=60`,
    ]);
  });

  it("reads the real ladders as a YES book: bids from YES bids, asks at 1 − each NO bid, best first and not crossed", () => {
    const out = emptyEvents();
    const stats = newLoadStats();
    readKalshi({ t: SNAPSHOT.recv_ms, venue: "ks", type: "orderbook", coin: MSG.market_ticker, req: "", data: REST_BOOK }, out, stats);
    expect(stats.skipped).toEqual({});
    const [book] = out.books;
    if (book === undefined) throw new Error("no book");
    expect(book.ts).toBe(SNAPSHOT.recv_ms);
    expect(book.bids).toEqual([...MSG.yes_dollars_fp].reverse().map(([px, sz]) => ({ px, sz })));
    expect(book.asks).toEqual([...MSG.no_dollars_fp].reverse().map(([px, sz]) => ({ px: complement(px), sz })));
    // Best YES bid 0.52; best NO bid 0.46 is a YES ask at 0.54.
    expect([book.bids[0]?.px, book.asks[0]?.px]).toEqual(["0.5200", "0.5400"]);
  });

  it("complement is exact and printed as wide as the price", () => {
    expect(["0.4600", "0.0100", "1.0000", "0", "0.999999", "0.5"].map(complement)).toEqual(["0.5400", "0.9900", "0.0000", "1", "0.000001", "0.5"]);
    expect([complement("1.01"), complement("-0.1"), complement("1e-3")]).toEqual([null, null, null]);
  });

  it("reads candlesticks as candles ending at end_period_ts, in dollars or cents; a period without trades, or still open, gives none", () => {
    const out = emptyEvents();
    const stats = newLoadStats();
    const data = {
      ticker: "KXBTCD-25AUG0517-T114999.99",
      candlesticks: [
        { end_period_ts: 1_786_402_800, price: { open_dollars: "0.4100", high_dollars: "0.4500", low_dollars: "0.4000", close_dollars: "0.4400" }, volume_fp: "12.00" },
        { end_period_ts: 1_786_402_860, price: { open: 44, high: 47, low: 43, close: 46 }, volume: 3 },
        { end_period_ts: 1_786_402_920, price: { open: null, high: null, low: null, close: null }, volume: 0 },
      ],
    };
    data.candlesticks.push({ end_period_ts: 1_786_402_980, price: { open: 46, high: 46, low: 46, close: 46 }, volume: 1 });
    readKalshi({ t: 1_786_402_930_000, venue: "ks", type: "candlesticks", coin: data.ticker, req: "/series/KXBTCD/markets/x/candlesticks?start_ts=1&end_ts=2&period_interval=1", data }, out, stats);
    expect(out.candles).toEqual([
      { kind: "candle", venue: "ks", coin: data.ticker, ts: 1_786_402_800_000, openTs: 1_786_402_740_000, interval: "1m", o: "0.4100", h: "0.4500", l: "0.4000", c: "0.4400", v: "12.00" },
      { kind: "candle", venue: "ks", coin: data.ticker, ts: 1_786_402_860_000, openTs: 1_786_402_800_000, interval: "1m", o: "0.44", h: "0.47", l: "0.43", c: "0.46", v: "3" },
    ]);
    expect(stats.skipped).toEqual({ "ks candlesticks: period without trades": 1, "ks candlesticks: candle still open when captured": 1 });
  });
});
