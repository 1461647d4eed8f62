/**
 * The Hyperliquid capture source against real mainnet /info answers (the Python SDK's recorded
 * cassettes, data/hyperliquid/api-samples): the source asks exactly what the official SDK asked,
 * keeps every answer verbatim, and turns them into books, mids and closed candles.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "../data/load-stats";
import { emptyEvents } from "./events";
import { dexOf, HyperliquidSource, readHyperliquid } from "./hyperliquid";
import { capturePlan, type CapturePlan } from "./plan";
import type { FetchJson, HttpRequest } from "./source";

const CASSETTES = resolve(import.meta.dirname, "..", "..", "data", "hyperliquid", "api-samples", "hl_python_sdk_cassettes");
const cassette = (f: string) => JSON.parse(readFileSync(join(CASSETTES, f), "utf8")) as { request: unknown; response: unknown };
const ALL_MIDS = cassette("response_allMids.json");
const BOOK = cassette("response_l2Book_DYDX.json");
const CANDLES = cassette("response_candleSnapshot_kPEPE_1h.json");

/** The recorded venue: answers a body the SDK sent with what mainnet answered; anything else is a 500. */
function venue(answers: { request: unknown; response: unknown }[]): { fetchJson: FetchJson; asked: HttpRequest[] } {
  const asked: HttpRequest[] = [];
  return {
    asked,
    fetchJson: async (req) => {
      asked.push(req);
      const hit = answers.find((a) => isDeepStrictEqual(a.request, req.body));
      return hit === undefined ? { ok: false, error: "HTTP 500" } : { ok: true, json: hit.response };
    },
  };
}

function plan(vars: Record<string, string>): CapturePlan {
  const r = capturePlan({ HL_API_URL: "https://api.hyperliquid.xyz", ...vars });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("Hyperliquid capture source", () => {
  it("live: asks allMids and l2Book exactly as the SDK did and keeps mainnet's answers verbatim", async () => {
    const v = venue([ALL_MIDS, BOOK]);
    const t = 1_689_630_204_000;
    const pass = await new HyperliquidSource().live(plan({ CAPTURE_COINS: "DYDX" }), v.fetchJson, () => t);
    expect(v.asked).toEqual([
      { method: "POST", url: "https://api.hyperliquid.xyz/info", body: ALL_MIDS.request },
      { method: "POST", url: "https://api.hyperliquid.xyz/info", body: BOOK.request },
    ]);
    expect(pass.failures).toEqual([]);
    expect(pass.records).toEqual([
      { t, venue: "hl", type: "allMids", req: ALL_MIDS.request, data: ALL_MIDS.response },
      { t, venue: "hl", type: "l2Book", coin: "DYDX", req: BOOK.request, data: BOOK.response },
    ]);
  });

  it("historical: the candleSnapshot request of the SDK's own test, from the plan's interval and lookback", async () => {
    const req = (CANDLES.request as { req: { startTime: number; endTime: number } }).req;
    const minutes = (req.endTime - req.startTime) / 60_000;
    const v = venue([CANDLES]);
    const pass = await new HyperliquidSource().historical(plan({ CAPTURE_COINS: "kPEPE", CAPTURE_CANDLE_INTERVAL: "1h", CAPTURE_LOOKBACK_MINUTES: String(minutes) }), v.fetchJson, () => req.endTime);
    expect(pass.failures).toEqual([]);
    expect(pass.records).toEqual([{ t: req.endTime, venue: "hl", type: "candleSnapshot", coin: "kPEPE", req: CANDLES.request, data: CANDLES.response }]);
  });

  it("counts each failed or malformed answer as a failure naming the request, and keeps nothing of it", async () => {
    const v = venue([ALL_MIDS, { request: { type: "l2Book", coin: "NOPE" }, response: null }, { request: { type: "l2Book", coin: "BAD" }, response: { coin: "BAD", levels: [[{ px: "1e3", sz: "1" }], []], time: 1 } }]);
    const pass = await new HyperliquidSource().live(plan({ CAPTURE_COINS: "DYDX,NOPE,BAD" }), v.fetchJson, () => 1);
    expect(pass.requests).toBe(4);
    expect(pass.records.map((r) => r.type)).toEqual(["allMids"]);
    expect(pass.failures.map((f) => [f.type, f.coin, f.error.split(":")[0]])).toEqual([
      ["l2Book", "DYDX", "HTTP 500"],
      ["l2Book", "NOPE", "badShape"],
      ["l2Book", "BAD", "badShape"],
    ]);
  });

  it("asks allMids once per perp dex its coins live on", async () => {
    const v = venue([]);
    await new HyperliquidSource().live(plan({ CAPTURE_COINS: "BTC,rpl:BTC,rpl:ETH,#150,xyz:XYZ100" }), v.fetchJson, () => 1);
    expect(v.asked.map((a) => a.body)).toEqual([
      { type: "allMids" },
      { type: "allMids", dex: "rpl" },
      { type: "allMids", dex: "xyz" },
      ...["BTC", "rpl:BTC", "rpl:ETH", "#150", "xyz:XYZ100"].map((coin) => ({ type: "l2Book", coin })),
    ]);
    expect(["BTC", "rpl:ETH", "@107", "#150"].map(dexOf)).toEqual(["", "rpl", "", ""]);
  });

  it("with 'outcomes', reads both sides of every listed outcome from outcomeMeta once per run", async () => {
    const meta = { outcomes: [{ outcome: 15, name: "Recurring", description: "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d", sideSpecs: [{ name: "Yes" }, { name: "No" }] }] };
    const v = venue([{ request: { type: "outcomeMeta" }, response: meta }]);
    const src = new HyperliquidSource();
    const p = plan({ CAPTURE_COINS: "outcomes" });
    const first = await src.live(p, v.fetchJson, () => 1);
    await src.live(p, v.fetchJson, () => 2);
    const bodies = v.asked.map((a) => a.body);
    expect(bodies.filter((b) => isDeepStrictEqual(b, { type: "outcomeMeta" }))).toHaveLength(1);
    expect(bodies.slice(1, 4)).toEqual([{ type: "allMids" }, { type: "l2Book", coin: "#150" }, { type: "l2Book", coin: "#151" }]);
    expect(first.records).toEqual([{ t: 1, venue: "hl", type: "outcomeMeta", req: { type: "outcomeMeta" }, data: meta }]);
  });

  it("reads the records back as books, mids and closed candles; a candle still open at capture time is left out and counted", () => {
    const stats = newLoadStats();
    const out = emptyEvents();
    const endTime = (CANDLES.request as { req: { endTime: number } }).req.endTime;
    readHyperliquid({ t: 5, venue: "hl", type: "allMids", req: ALL_MIDS.request, data: ALL_MIDS.response }, out, stats);
    readHyperliquid({ t: 6, venue: "hl", type: "l2Book", coin: "DYDX", req: BOOK.request, data: BOOK.response }, out, stats);
    readHyperliquid({ t: endTime, venue: "hl", type: "candleSnapshot", coin: "kPEPE", req: CANDLES.request, data: CANDLES.response }, out, stats);
    const mids = ALL_MIDS.response as Record<string, string>;
    expect(out.prices).toEqual(Object.entries(mids).map(([coin, px]) => ({ kind: "price", venue: "hl", coin, ts: 5, px, basis: "allMids" })));
    const book = BOOK.response as { coin: string; time: number; levels: [unknown[], unknown[]] };
    expect(out.books).toEqual([{ kind: "book", venue: "hl", coin: "DYDX", ts: book.time, bids: book.levels[0], asks: book.levels[1] }]);
    const candles = CANDLES.response as { t: number; T: number; c: string }[];
    const closed = candles.filter((c) => c.T <= endTime);
    expect(closed.length).toBeGreaterThan(0);
    expect(out.candles.map((c) => [c.openTs, c.ts, c.c])).toEqual(closed.map((c) => [c.t, c.T, c.c]));
    expect(stats.skipped).toEqual(candles.length === closed.length ? {} : { "hl candleSnapshot: candle still open when captured": candles.length - closed.length });
  });
});
