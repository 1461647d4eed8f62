/**
 * The Polymarket CLOB capture source (public market data, no auth) [reference/polymarket-kalshi.md §1.2]:
 * - live: `GET /book?token_id=<id>` per token: `{market, asset_id, timestamp, hash, bids:[{price,size}], asks, ...}`,
 *   all numbers as strings, levels printed best-last (the docs say best-first; real answers are not);
 * - historical: `GET /prices-history?market=<token id>&startTs&endTs&fidelity=<minutes>` (clob-client-v2
 *   `PriceHistoryFilterParams`): `{history:[{t: <unix s>, p: <number>}]}`.
 * Off unless CAPTURE_POLYMARKET_TOKENS names tokens.
 */
import * as z from "zod";
import type { LoadStats } from "../data/load-stats";
import { bestFirst, skip, type CaptureEvents } from "./events";
import { CANDLE_INTERVAL_MS, type CapturePlan } from "./plan";
import type { CaptureRecord } from "./record";
import { ask, emptyPass, withQuery, type CaptureSource, type FetchJson, type SourcePass } from "./source";

const Dec = z.string().regex(/^\d+(\.\d+)?$/);
const Level = z.object({ price: Dec, size: Dec });

export const PmBook = z.object({
  market: z.string(),
  asset_id: z.string().regex(/^\d{1,78}$/),
  timestamp: z.string().regex(/^\d{1,16}$/),
  bids: z.array(Level),
  asks: z.array(Level),
});

export const PmPricesHistory = z.object({
  history: z.array(z.object({ t: z.number().int().nonnegative(), p: z.number().min(0).max(1) })),
});

const problem = (schema: z.ZodType) => (json: unknown) => {
  const r = schema.safeParse(json);
  return r.success ? null : `badShape: ${z.prettifyError(r.error).slice(0, 300)}`;
};

export class PolymarketSource implements CaptureSource {
  readonly name = "polymarket";
  readonly venue = "pm" as const;

  async live(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const pm = plan.polymarket;
    if (pm === null) return pass;
    for (const token of pm.tokens) {
      const path = withQuery("/book", { token_id: token });
      await ask({ venue: "pm", type: "book", coin: token, req: path, http: { method: "GET", url: `${pm.url}${path}` }, check: problem(PmBook) }, fetchJson, now, pass);
    }
    return pass;
  }

  async historical(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const pm = plan.polymarket;
    if (pm === null) return pass;
    const fidelity = CANDLE_INTERVAL_MS[plan.candles.interval] / 60_000;
    for (const token of pm.tokens) {
      const end = Math.floor(now() / 1000);
      const path = withQuery("/prices-history", { market: token, startTs: end - Math.floor(plan.candles.lookbackMs / 1000), endTs: end, fidelity });
      await ask({ venue: "pm", type: "prices-history", coin: token, req: path, http: { method: "GET", url: `${pm.url}${path}` }, check: problem(PmPricesHistory) }, fetchJson, now, pass);
    }
    return pass;
  }
}

/** A price as the exact decimal its JSON number prints as; null for an exponent form. */
function plainDecimal(p: number): string | null {
  const s = String(p);
  return /^\d+(\.\d+)?$/.test(s) ? s : null;
}

export function readPolymarket(rec: CaptureRecord, out: CaptureEvents, stats: LoadStats): void {
  if (rec.type === "book") {
    const r = PmBook.safeParse(rec.data);
    if (!r.success) return skip(stats, rec, "bad shape");
    const lv = (l: { price: string; size: string }) => ({ px: l.price, sz: l.size });
    const bids = bestFirst(r.data.bids.map(lv), "bid");
    const asks = bestFirst(r.data.asks.map(lv), "ask");
    if (bids === null || asks === null) return skip(stats, rec, "bad price");
    out.books.push({ kind: "book", venue: "pm", coin: r.data.asset_id, ts: Number(r.data.timestamp), bids, asks });
    return;
  }
  if (rec.type === "prices-history") {
    const r = PmPricesHistory.safeParse(rec.data);
    if (!r.success || rec.coin === undefined) return skip(stats, rec, "bad shape");
    for (const pt of r.data.history) {
      const px = plainDecimal(pt.p);
      if (px === null) skip(stats, rec, "price not a plain decimal");
      else out.prices.push({ kind: "price", venue: "pm", coin: rec.coin, ts: pt.t * 1000, px, basis: "pricesHistory" });
    }
    return;
  }
  skip(stats, rec, "unknown type");
}
