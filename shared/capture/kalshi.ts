/**
 * The Kalshi capture source (Trade API v2, public market data) [reference/polymarket-kalshi.md §2.3]:
 * - live: `GET /markets/{ticker}/orderbook`: `{"orderbook_fp":{"yes_dollars":[[price,count]...],"no_dollars":[...]}}`,
 *   bids only: a NO bid at X is a YES ask at 1 − X; ladders come ascending (best last);
 * - historical: `GET /series/{series}/markets/{ticker}/candlesticks?start_ts&end_ts&period_interval`
 *   (docs.kalshi.com `GetMarketCandlesticksResponse`: `{ticker, candlesticks:[{end_period_ts, price:{open,
 *   low, high, close}, yes_bid, yes_ask, volume, open_interest}]}`; prices in cents, or `*_dollars`
 *   strings since the fixed-point migration; `price` is null-valued in a period without trades).
 * The series is the ticker before its first dash (SERIES-YYMMMDDHH[mm]-... [§2.8]).
 * Off unless CAPTURE_KALSHI_TICKERS names markets.
 */
import * as z from "zod";
import { formatScaled, parseScaled, pow10 } from "../core/decimal";
import type { LoadStats } from "../data/load-stats";
import type { LevelStr } from "../events";
import { bestFirst, skip, type CaptureEvents } from "./events";
import { CANDLE_INTERVAL_MS, type CapturePlan } from "./plan";
import type { CaptureRecord } from "./record";
import { ask, emptyPass, withQuery, type CaptureSource, type FetchJson, type SourcePass } from "./source";

const Dec = z.string().regex(/^\d+(\.\d+)?$/);
const Ladder = z.array(z.tuple([Dec, Dec])).nullable().optional();

export const KsOrderbook = z.object({ orderbook_fp: z.object({ yes_dollars: Ladder, no_dollars: Ladder }) });

const Cents = z.number().int().min(0).max(100).nullable().optional();
const Dollars = Dec.nullable().optional();
const PriceDistribution = z.object({
  open: Cents,
  low: Cents,
  high: Cents,
  close: Cents,
  open_dollars: Dollars,
  low_dollars: Dollars,
  high_dollars: Dollars,
  close_dollars: Dollars,
});

export const KsCandlesticks = z.object({
  candlesticks: z.array(
    z.object({
      end_period_ts: z.number().int().nonnegative(),
      price: PriceDistribution.nullable().optional(),
      volume: z.number().int().nonnegative().nullable().optional(),
      volume_fp: Dec.nullable().optional(),
    }),
  ),
});

const problem = (schema: z.ZodType) => (json: unknown) => {
  const r = schema.safeParse(json);
  return r.success ? null : `badShape: ${z.prettifyError(r.error).slice(0, 300)}`;
};

export const seriesOf = (ticker: string): string => ticker.slice(0, ticker.indexOf("-"));

export class KalshiSource implements CaptureSource {
  readonly name = "kalshi";
  readonly venue = "ks" as const;

  async live(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const ks = plan.kalshi;
    if (ks === null) return pass;
    for (const ticker of ks.tickers) {
      const path = `/markets/${encodeURIComponent(ticker)}/orderbook`;
      await ask({ venue: "ks", type: "orderbook", coin: ticker, req: path, http: { method: "GET", url: `${ks.url}${path}` }, check: problem(KsOrderbook) }, fetchJson, now, pass);
    }
    return pass;
  }

  async historical(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const ks = plan.kalshi;
    if (ks === null) return pass;
    const periodMin = CANDLE_INTERVAL_MS[plan.candles.interval] / 60_000;
    for (const ticker of ks.tickers) {
      const end = Math.floor(now() / 1000);
      const base = `/series/${encodeURIComponent(seriesOf(ticker))}/markets/${encodeURIComponent(ticker)}/candlesticks`;
      const path = withQuery(base, { start_ts: end - Math.floor(plan.candles.lookbackMs / 1000), end_ts: end, period_interval: periodMin });
      await ask({ venue: "ks", type: "candlesticks", coin: ticker, req: path, http: { method: "GET", url: `${ks.url}${path}` }, check: problem(KsCandlesticks) }, fetchJson, now, pass);
    }
    return pass;
  }
}

/** 1 − p exactly, printed with as many decimals as p ("0.4600" -> "0.5400"): a NO bid at p is a YES ask at 1 − p. */
export function complement(p: string): string | null {
  if (!/^\d+(\.\d{1,15})?$/.test(p)) return null;
  const width = p.includes(".") ? p.length - p.indexOf(".") - 1 : 0;
  const v = parseScaled(p, width);
  if (v === null) return null;
  const one = pow10(width);
  if (v > one) return null;
  const digits = String(one - v).padStart(width + 1, "0");
  return width === 0 ? digits : `${digits.slice(0, -width)}.${digits.slice(-width)}`;
}

/** A `*_dollars` string, or whole cents printed as dollars. */
function dollars(d: string | null | undefined, cents: number | null | undefined): string | null {
  if (typeof d === "string") return d;
  return typeof cents === "number" ? formatScaled(cents, 2) : null;
}

export function readKalshi(rec: CaptureRecord, out: CaptureEvents, stats: LoadStats): void {
  if (rec.coin === undefined) return skip(stats, rec, "no ticker");
  if (rec.type === "orderbook") {
    const r = KsOrderbook.safeParse(rec.data);
    if (!r.success) return skip(stats, rec, "bad shape");
    const yes: LevelStr[] = (r.data.orderbook_fp.yes_dollars ?? []).map(([px, sz]) => ({ px, sz }));
    const asks: LevelStr[] = [];
    for (const [px, sz] of r.data.orderbook_fp.no_dollars ?? []) {
      const yesAsk = complement(px);
      if (yesAsk === null) return skip(stats, rec, "NO price above 1");
      asks.push({ px: yesAsk, sz });
    }
    const b = bestFirst(yes, "bid");
    const a = bestFirst(asks, "ask");
    if (b === null || a === null) return skip(stats, rec, "bad price");
    // The REST book carries no time of its own: it is the book as of when it was received.
    out.books.push({ kind: "book", venue: "ks", coin: rec.coin, ts: rec.t, bids: b, asks: a });
    return;
  }
  if (rec.type === "candlesticks") {
    const r = KsCandlesticks.safeParse(rec.data);
    const period = /[?&]period_interval=(\d+)/.exec(typeof rec.req === "string" ? rec.req : "");
    if (!r.success || period === null) return skip(stats, rec, "bad shape");
    const minutes = Number(period[1]);
    const interval = minutes === 1 ? "1m" : minutes === 60 ? "1h" : minutes === 1440 ? "1d" : `${minutes}m`;
    for (const c of r.data.candlesticks) {
      if (c.end_period_ts * 1000 > rec.t) {
        skip(stats, rec, "candle still open when captured");
        continue;
      }
      const p = c.price;
      const o = dollars(p?.open_dollars, p?.open);
      const h = dollars(p?.high_dollars, p?.high);
      const l = dollars(p?.low_dollars, p?.low);
      const cl = dollars(p?.close_dollars, p?.close);
      const v = c.volume_fp ?? (typeof c.volume === "number" ? String(c.volume) : null);
      if (o === null || h === null || l === null || cl === null || v === null) {
        skip(stats, rec, "period without trades");
        continue;
      }
      const ts = c.end_period_ts * 1000;
      out.candles.push({ kind: "candle", venue: "ks", coin: rec.coin, ts, openTs: ts - minutes * 60_000, interval, o, h, l, c: cl, v });
    }
    return;
  }
  skip(stats, rec, "unknown type");
}
