/**
 * Shared by the account-side runtime tests (test/runtime/account-*.test.ts): the simulator's
 * HTTP surfaces (/info, /control), the instruments of the replayed recording (HIP-4 outcome 15
 * #150/#151 and the BTC perp, as the venue's metadata describes them), hand-built
 * MarketDecisions, and waiting on the RiskDO without timing thresholds (poll until true).
 */
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import type { RiskDO } from "../../durable-objects/risk-do";
import { px, sz } from "../../shared/core/units";
import type { MarketDecision } from "../../shared/engine/types";
import type { Instrument, OrderDraft, QuoteTarget } from "../../shared/execution/types";

export const sim = () => inject("sim");

export const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "hl:outcome:15", groupSign: 1, minNotionalUsd: 10 };
export const NO: Instrument = { ...YES, market: "hl:#151", groupSign: -1 };
export const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear", minNotionalUsd: 10 };
/** ETH of the 2025-09-04 recording, served by the simulator as the HIP-3 dex `rpl` (asset 110001). */
export const RPL_ETH: Instrument = { market: "hl:rpl:ETH", venue: "hl", pxDecimals: 2, szDecimals: 4, payoff: "linear", minNotionalUsd: 10 };

export async function simPost(path: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(`${sim().url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

export async function simGet(path: string): Promise<unknown> {
  return (await fetch(`${sim().url}${path}`)).json();
}

export const info = (body: Record<string, unknown>): Promise<unknown> => simPost("/info", body);
export const reset = (): Promise<unknown> => simPost("/control/reset");

export interface SimOrder {
  oid: number;
  coin: string;
  cloid: string | null;
  side: "A" | "B";
  limitPx: string;
  remaining: number;
  status: string;
}
export const simOrders = async (): Promise<SimOrder[]> => (await simGet(`/control/orders?user=${sim().account}`)) as SimOrder[];

export interface SimRequest {
  seq: number;
  type: string;
  cloids: string[];
  nonce: number | null;
  http: number | null;
  fault: string | null;
  body: unknown;
}
export const simRequests = async (): Promise<SimRequest[]> => (await simGet("/control/requests")) as SimRequest[];

/** Best bid and ask of a coin on the replayed book, in ticks of `inst`; waits while the replay has not reached its first book. */
export async function touch(inst: Instrument): Promise<{ bid: number; ask: number }> {
  const read = async (): Promise<{ bid: number; ask: number } | null> => {
    const book = (await info({ type: "l2Book", coin: inst.market.slice(3) })) as { levels: [{ px: string }[], { px: string }[]] } | null;
    const bid = book?.levels[0][0];
    const ask = book?.levels[1][0];
    const scale = 10 ** inst.pxDecimals;
    return bid === undefined || ask === undefined ? null : { bid: Math.round(Number(bid.px) * scale), ask: Math.round(Number(ask.px) * scale) };
  };
  return (await until(read, (t) => t !== null, 30_000, `a touch on ${inst.market}`))!;
}

/** The account's signed lots per instrument as the simulator holds them (perps: szi; outcomes: +<enc> balances). */
export async function venueLots(instruments: readonly Instrument[]): Promise<Record<string, number>> {
  type Perps = { assetPositions: { position: { coin: string; szi: string } }[] };
  // HIP-3 positions are only listed with their dex.
  const dexes = [...new Set(instruments.map((i) => i.market.slice(3)).filter((c) => c.includes(":")).map((c) => c.slice(0, c.indexOf(":"))))];
  const perps = await Promise.all(["", ...dexes].map(async (dex) => (await info({ type: "clearinghouseState", user: sim().account, ...(dex ? { dex } : {}) })) as Perps));
  const spot = (await info({ type: "spotClearinghouseState", user: sim().account })) as { balances: { coin: string; total: string }[] };
  const out: Record<string, number> = {};
  for (const i of instruments) {
    const coin = i.market.slice(3);
    const text = coin.startsWith("#") ? spot.balances.find((b) => b.coin === `+${coin.slice(1)}`)?.total : perps.flatMap((p) => p.assetPositions).find((p) => p.position.coin === coin)?.position.szi;
    out[i.market] = Math.round(Number(text ?? "0") * 10 ** i.szDecimals);
  }
  return out;
}

export const riskStub = (name: string): DurableObjectStub<RiskDO> => env.RISK.getByName(name);

/** Polls until `f` returns a value that `ok` accepts; fails with the last value after `ms`. */
export async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000, what = "condition"): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await f();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await f();
  }
  return last;
}

export async function readyRisk(name: string, markets: Record<string, Instrument[]>): Promise<DurableObjectStub<RiskDO>> {
  const risk = riskStub(name);
  for (const market in markets) {
    const r = await risk.registerMarket({ market, instruments: markets[market]!, push: false });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  await until(() => risk.status(), (s) => s.ready, 30_000, "RiskDO ready");
  return risk;
}

/**
 * Ends a RiskDO at the end of a file: its alarm is deleted (alarms are not reset between test
 * files) and the instance torn down, so its private socket closes and nothing re-arms the alarm,
 * refreshes the dead man's switch or reconciles the next file's orders as foreign ones.
 */
export async function stopRisk(name: string): Promise<void> {
  await runInDurableObject(riskStub(name), async (_instance, state) => {
    await state.storage.deleteAlarm();
  });
  await abortAllDurableObjects();
}

let seq = 0;

export const quote = (engine: string, inst: Instrument, side: "buy" | "sell", ticks: number, lots: number, tag = side === "buy" ? "bid" : "ask"): QuoteTarget => ({
  slot: `${engine}:${tag}`,
  market: inst.market,
  venue: "hl",
  side,
  px: px(ticks),
  sz: sz(lots),
  tif: "Alo",
  tactic: "post_only",
  strategy: "mm",
  refPx: px(ticks),
});

export const ioc = (engine: string, inst: Instrument, side: "buy" | "sell", ticks: number, lots: number, tag: string): OrderDraft => ({
  market: inst.market,
  venue: "hl",
  side,
  px: px(ticks),
  sz: sz(lots),
  tif: "Ioc",
  reduceOnly: false,
  tactic: "ioc",
  strategy: "mm",
  slot: `${engine}:${tag}`,
  refPx: px(ticks),
  createdMs: Date.now(),
});

/** A decision as a MarketEngine would send it: its quote slots, the quotes wanted now, one-shot orders. */
export function decision(engine: string, quotes: QuoteTarget[], orders: OrderDraft[] = [], slots: string[] = quotes.map((q) => q.slot)): MarketDecision {
  seq++;
  return {
    engine,
    seq,
    ts: Date.now(),
    slots,
    quotes,
    orders,
    requote: { refresh_tolerance_ticks: 0, size_tolerance: 0, min_order_age_ms: 0, urgent_ticks: 1 },
    churnPerMin: 600,
    context: {
      strategy: "mm",
      tradable: true,
      alpha: 0.12,
      signals: { ofi: 0.8, microprice: 0.9531, leadLag: null },
      regime: { liquidity: "liquid", vol: "normal", extreme: false },
      fair: 0.953,
      mid: 0.9531,
      inputs: { sigma: 0.31, q: 0, gamma: 0.1 },
      notes: ["hand-built decision (account runtime test)"],
    },
  };
}

export const timing = () => ({ frameAt: Date.now() - 2, decidedAt: Date.now() - 1 });
