/** Candle and price summaries on real data: the Python SDK's kPEPE 1h candles and the Polymarket price history. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "../data/load-stats";
import { emptyEvents } from "./events";
import { readHyperliquid } from "./hyperliquid";
import { readPolymarket } from "./polymarket";
import { summarizeCandles, summarizePrices } from "./summary";

const DATA = resolve(import.meta.dirname, "..", "..", "data");
const CANDLES = JSON.parse(readFileSync(resolve(DATA, "hyperliquid/api-samples/hl_python_sdk_cassettes/response_candleSnapshot_kPEPE_1h.json"), "utf8")) as {
  request: unknown;
  response: { t: number; T: number; o: string; c: string; h: string; l: string; v: string }[];
};
const HISTORY = JSON.parse(readFileSync(resolve(DATA, "polymarket/rest-samples/prices-history.json"), "utf8")) as { history: { t: number; p: number }[] };

describe("capture summaries", () => {
  it("candles: first open, last close, exact high and low, and the volume summed exactly", () => {
    const out = emptyEvents();
    const all = CANDLES.response;
    // Captured after the last candle closed: every candle counts.
    readHyperliquid({ t: all[all.length - 1]!.T, venue: "hl", type: "candleSnapshot", coin: "kPEPE", req: CANDLES.request, data: all }, out, newLoadStats());
    const [s] = summarizeCandles(out.candles);
    const byNum = (k: "h" | "l") => all.map((c) => c[k]).sort((a, b) => Number(a) - Number(b));
    // Volumes are whole numbers printed with ".0": their exact sum fits a double.
    const volume = all.reduce((n, c) => n + Number(c.v), 0);
    expect(s).toEqual({
      venue: "hl",
      coin: "kPEPE",
      interval: "1h",
      count: all.length,
      from: all[0]!.t,
      to: all[all.length - 1]!.T,
      open: all[0]!.o,
      close: all[all.length - 1]!.c,
      high: byNum("h")[all.length - 1],
      low: byNum("l")[0],
      volume: String(volume),
    });
  });

  it("prices: count, first and last sample per coin and basis", () => {
    const out = emptyEvents();
    readPolymarket({ t: 1, venue: "pm", type: "prices-history", coin: "yes", req: "", data: HISTORY }, out, newLoadStats());
    const h = HISTORY.history;
    expect(summarizePrices(out.prices)).toEqual([
      { venue: "pm", coin: "yes", basis: "pricesHistory", count: h.length, first: { ts: h[0]!.t * 1000, px: String(h[0]!.p) }, last: { ts: h[h.length - 1]!.t * 1000, px: String(h[h.length - 1]!.p) } },
    ]);
  });
});
