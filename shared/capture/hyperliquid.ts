/**
 * The Hyperliquid capture source: `POST <HL_API_URL>/info` [reference/hyperliquid.md §2].
 * - live, each round: `allMids` once per perp dex the coins live on (a HIP-3 coin "rpl:ETH" has
 *   its mids only under `dex: "rpl"` [docs info-endpoint]), then `l2Book` per coin (full
 *   precision, at most 20 levels a side);
 * - historical: `candleSnapshot` per coin over the lookback, at the plan's interval;
 * - with "outcomes" among the coins, `outcomeMeta` first: both sides of every listed outcome
 *   (`#<10·outcome+side>`) are captured, since the outcome universe rolls at each settlement.
 * Every answer is checked with the wire layer's schemas (parseInfoResponse) and kept verbatim.
 */
import type { LoadStats } from "../data/load-stats";
import { coinKind, outcomeCoin } from "../venues/hyperliquid/assets";
import { parseInfoResponse, type InfoType } from "../venues/hyperliquid/info";
import { skip, type CaptureEvents } from "./events";
import type { CapturePlan } from "./plan";
import type { CaptureRecord } from "./record";
import { ask, emptyPass, type CaptureSource, type FetchJson, type SourcePass } from "./source";

const check =
  (type: InfoType) =>
  (json: unknown): string | null => {
    const r = parseInfoResponse(type, json);
    return r.ok ? null : `${r.error.kind}: ${r.error.detail}`;
  };

/** The perp dex a coin is quoted on: "" (the first dex) except for HIP-3 "dex:COIN". */
export function dexOf(coin: string): string {
  return coinKind(coin) === "hip3" ? coin.slice(0, coin.indexOf(":")) : "";
}

export class HyperliquidSource implements CaptureSource {
  readonly name = "hyperliquid";
  readonly venue = "hl" as const;
  /** Outcome sides read from outcomeMeta, once per run. */
  private outcomeCoins: string[] | null = null;

  async live(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const coins = await this.coins(plan, fetchJson, now, pass);
    const dexes = [...new Set(coins.map(dexOf))];
    for (const dex of dexes) {
      const body = dex === "" ? { type: "allMids" } : { type: "allMids", dex };
      await ask(this.info("allMids", body, plan), fetchJson, now, pass);
    }
    for (const coin of coins) await ask({ ...this.info("l2Book", { type: "l2Book", coin }, plan), coin }, fetchJson, now, pass);
    return pass;
  }

  async historical(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass> {
    const pass = emptyPass();
    const coins = await this.coins(plan, fetchJson, now, pass);
    for (const coin of coins) {
      const endTime = now();
      const body = { type: "candleSnapshot", req: { coin, interval: plan.candles.interval, startTime: endTime - plan.candles.lookbackMs, endTime } };
      await ask({ ...this.info("candleSnapshot", body, plan), coin }, fetchJson, now, pass);
    }
    return pass;
  }

  private info(type: InfoType, body: Record<string, unknown>, plan: CapturePlan) {
    return { venue: "hl" as const, type, req: body, http: { method: "POST" as const, url: `${plan.hyperliquid.url}/info`, body }, check: check(type) };
  }

  private async coins(plan: CapturePlan, fetchJson: FetchJson, now: () => number, pass: SourcePass): Promise<string[]> {
    if (plan.hyperliquid.outcomes && this.outcomeCoins === null) {
      const rec = await ask(this.info("outcomeMeta", { type: "outcomeMeta" }, plan), fetchJson, now, pass);
      const meta = rec === null ? null : parseInfoResponse("outcomeMeta", rec.data);
      if (meta?.ok) this.outcomeCoins = meta.value.outcomes.flatMap((o) => [outcomeCoin({ outcome: o.outcome, side: 0 }), outcomeCoin({ outcome: o.outcome, side: 1 })]);
    }
    const all = [...plan.hyperliquid.coins, ...(this.outcomeCoins ?? [])];
    return [...new Set(all)];
  }
}

/** Books, mids and closed candles of one Hyperliquid record. */
export function readHyperliquid(rec: CaptureRecord, out: CaptureEvents, stats: LoadStats): void {
  switch (rec.type) {
    case "l2Book": {
      const r = parseInfoResponse("l2Book", rec.data);
      if (!r.ok) return skip(stats, rec, r.error.kind);
      const [bids, asks] = r.value.levels;
      out.books.push({ kind: "book", venue: "hl", coin: r.value.coin, ts: r.value.time, bids, asks });
      return;
    }
    case "allMids": {
      const r = parseInfoResponse("allMids", rec.data);
      if (!r.ok) return skip(stats, rec, r.error.kind);
      for (const [coin, px] of Object.entries(r.value)) out.prices.push({ kind: "price", venue: "hl", coin, ts: rec.t, px, basis: "allMids" });
      return;
    }
    case "candleSnapshot": {
      const r = parseInfoResponse("candleSnapshot", rec.data);
      if (!r.ok) return skip(stats, rec, r.error.kind);
      for (const c of r.value) {
        // The last candle of a snapshot is usually still open: its close was not final when captured.
        if (c.T > rec.t) {
          skip(stats, rec, "candle still open when captured");
          continue;
        }
        out.candles.push({ kind: "candle", venue: "hl", coin: c.s, ts: c.T, openTs: c.t, interval: c.i, o: c.o, h: c.h, l: c.l, c: c.c, v: c.v, n: c.n });
      }
      return;
    }
    case "outcomeMeta":
      return;
    default:
      skip(stats, rec, "unknown type");
  }
}
