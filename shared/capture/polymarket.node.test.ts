/**
 * The Polymarket capture source against real CLOB answers (data/polymarket/rest-samples): the
 * /book and /prices-history requests, the answers kept verbatim, and the best-last ladders read
 * back best first.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "../data/load-stats";
import { emptyEvents } from "./events";
import { capturePlan, type CapturePlan } from "./plan";
import { PolymarketSource, readPolymarket } from "./polymarket";
import type { FetchJson, HttpRequest } from "./source";

const DIR = resolve(import.meta.dirname, "..", "..", "data", "polymarket", "rest-samples");
const BOOK = JSON.parse(readFileSync(join(DIR, "book.json"), "utf8")) as { asset_id: string; timestamp: string; bids: { price: string; size: string }[]; asks: { price: string; size: string }[] };
const HISTORY = JSON.parse(readFileSync(join(DIR, "prices-history.json"), "utf8")) as { history: { t: number; p: number }[] };
const MARKET = JSON.parse(readFileSync(join(DIR, "prices-history-market.json"), "utf8")) as { yes_token_id: string };

function plan(tokens: string[], extra: Record<string, string> = {}): CapturePlan {
  const r = capturePlan({ HL_API_URL: "https://api.hyperliquid.xyz", CAPTURE_POLYMARKET_TOKENS: tokens.join(","), ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function serve(answer: unknown): { fetchJson: FetchJson; asked: HttpRequest[] } {
  const asked: HttpRequest[] = [];
  return { asked, fetchJson: async (req) => (asked.push(req), { ok: true, json: answer }) };
}

describe("Polymarket capture source", () => {
  it("live: GET /book per token, the answer kept verbatim", async () => {
    const v = serve(BOOK);
    const pass = await new PolymarketSource().live(plan([BOOK.asset_id]), v.fetchJson, () => 7);
    const path = `/book?token_id=${BOOK.asset_id}`;
    expect(v.asked).toEqual([{ method: "GET", url: `https://clob.polymarket.com${path}` }]);
    expect(pass.records).toEqual([{ t: 7, venue: "pm", type: "book", coin: BOOK.asset_id, req: path, data: BOOK }]);
  });

  it("historical: GET /prices-history over the lookback at the candle interval as fidelity (minutes)", async () => {
    const v = serve(HISTORY);
    const now = 1_778_278_800_000;
    const pass = await new PolymarketSource().historical(plan([MARKET.yes_token_id], { CAPTURE_CANDLE_INTERVAL: "5m", CAPTURE_LOOKBACK_MINUTES: "1440" }), v.fetchJson, () => now);
    expect(v.asked.map((a) => a.url)).toEqual([`https://clob.polymarket.com/prices-history?market=${MARKET.yes_token_id}&startTs=${now / 1000 - 86_400}&endTs=${now / 1000}&fidelity=5`]);
    expect(pass.failures).toEqual([]);
    expect(pass.records[0]?.data).toBe(HISTORY);
  });

  it("refuses an answer that is not a book", async () => {
    const pass = await new PolymarketSource().live(plan([BOOK.asset_id]), serve({ error: "not found" }).fetchJson, () => 7);
    expect(pass.records).toEqual([]);
    expect(pass.failures[0]).toMatchObject({ type: "book", coin: BOOK.asset_id });
    expect(pass.failures[0]?.error).toMatch(/^badShape/);
  });

  it("reads the real best-last ladders back best first, sizes untouched", () => {
    const out = emptyEvents();
    const stats = newLoadStats();
    readPolymarket({ t: 1, venue: "pm", type: "book", coin: BOOK.asset_id, req: "", data: BOOK }, out, stats);
    expect(stats.skipped).toEqual({});
    const [book] = out.books;
    if (book === undefined) throw new Error("no book");
    expect(book.ts).toBe(Number(BOOK.timestamp));
    const byPx = (s: "bids" | "asks", dir: 1 | -1) => [...BOOK[s]].sort((a, b) => dir * (Number(a.price) - Number(b.price))).map((l) => ({ px: l.price, sz: l.size }));
    expect(book.bids).toEqual(byPx("bids", -1));
    expect(book.asks).toEqual(byPx("asks", 1));
    // The real book is not crossed once sorted: best bid 0.1 below best ask 0.14.
    expect([book.bids[0]?.px, book.asks[0]?.px]).toEqual(["0.1", "0.14"]);
  });

  it("reads every price-history point as a price sample at t seconds", () => {
    const out = emptyEvents();
    const stats = newLoadStats();
    readPolymarket({ t: 1, venue: "pm", type: "prices-history", coin: "tok", req: "", data: HISTORY }, out, stats);
    expect(out.prices.length).toBe(HISTORY.history.length);
    expect(out.prices.map((p) => [p.ts, Number(p.px)])).toEqual(HISTORY.history.map((h) => [h.t * 1000, h.p]));
    expect(out.prices.every((p) => p.basis === "pricesHistory" && p.coin === "tok")).toBe(true);
  });
});
