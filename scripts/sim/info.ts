/**
 * POST /info (and `post` info requests on the WebSocket): the documented request types the bot
 * and the snapshot capture use, answered from the simulator's state in the venue's shapes
 * [docs info-endpoint, perpetuals, spot; reference/hyperliquid.md §2]. A body the venue could
 * not deserialise (unknown type, missing field) gets HTTP 422 with its text.
 */
import * as z from "zod";
import type { Accounts } from "./accounts";
import { bookView } from "./book-view";
import type { CandleStore } from "./candles";
import { clearinghouseState, spotClearinghouseState } from "./clearinghouse";
import { dexOfCoin } from "./dexes";
import { DESERIALIZE_ERROR } from "./exchange";
import type { Markets } from "./markets";
import { frontendOrder, basicOrder, type OrderRegistry } from "./orders";
import { requestCap } from "./rate-limits";
import { usdc } from "./wire-format";

export interface InfoDeps {
  markets: Markets;
  accounts: Accounts;
  orders: OrderRegistry;
  candles: CandleStore;
  now(): number;
}

export interface InfoOutcome {
  http: number;
  body: unknown;
  type: string;
  /** Items returned, for the weight of list-returning types. */
  items: number;
}

const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const Request = z.discriminatedUnion("type", [
  z.object({ type: z.literal("meta"), dex: z.string().optional() }),
  z.object({ type: z.literal("spotMeta") }),
  z.object({ type: z.literal("perpDexs") }),
  z.object({ type: z.literal("outcomeMeta") }),
  z.object({
    type: z.literal("l2Book"),
    coin: z.string(),
    nSigFigs: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable().optional(),
    mantissa: z.union([z.literal(1), z.literal(2), z.literal(5)]).nullable().optional(),
  }),
  z.object({ type: z.literal("allMids"), dex: z.string().optional() }),
  z.object({ type: z.literal("openOrders"), user: Address, dex: z.string().optional() }),
  z.object({ type: z.literal("frontendOpenOrders"), user: Address, dex: z.string().optional() }),
  z.object({ type: z.literal("clearinghouseState"), user: Address, dex: z.string().optional() }),
  z.object({ type: z.literal("spotClearinghouseState"), user: Address }),
  z.object({ type: z.literal("userFills"), user: Address, aggregateByTime: z.boolean().optional() }),
  z.object({ type: z.literal("orderStatus"), user: Address, oid: z.union([z.number().int().nonnegative(), z.string().regex(/^0x[0-9a-fA-F]{32}$/)]) }),
  z.object({ type: z.literal("userRateLimit"), user: Address }),
  z.object({
    type: z.literal("candleSnapshot"),
    req: z.object({ coin: z.string(), interval: z.string(), startTime: z.number().int(), endTime: z.number().int().optional() }),
  }),
]);

export function handleInfo(d: InfoDeps, raw: unknown): InfoOutcome {
  const type = typeof (raw as { type?: unknown } | null)?.type === "string" ? (raw as { type: string }).type : "?";
  const r = Request.safeParse(raw);
  if (!r.success) return { http: 422, body: DESERIALIZE_ERROR, type, items: 0 };
  const body = answer(d, r.data);
  return { http: 200, body, type, items: Array.isArray(body) ? body.length : 0 };
}

function answer(d: InfoDeps, q: z.infer<typeof Request>): unknown {
  const now = d.now();
  const user = "user" in q ? q.user.toLowerCase() : "";
  const account = user === "" ? undefined : d.accounts.get(user);
  switch (q.type) {
    case "meta":
      // The venue answers null for a dex it does not list.
      return d.markets.metaOf(q.dex);
    case "perpDexs":
      return d.markets.perpDexs;
    case "spotMeta":
      return d.markets.spotMeta();
    case "outcomeMeta":
      return d.markets.outcomeMeta();
    case "l2Book":
      // An unknown coin answers null, as the venue does.
      return bookView(d.markets, q.coin, 20, now, { nSigFigs: q.nSigFigs ?? null, mantissa: q.mantissa ?? null });
    case "allMids":
      return d.markets.mids(q.dex ?? "");
    // Per perp dex [docs info-endpoint: "dex ... Defaults to the empty string which represents the
    // first perp dex. Spot open orders are only included with the first perp dex."].
    case "openOrders":
      return d.orders.open(user).filter((o) => dexOfCoin(o.coin) === (q.dex ?? "")).map(basicOrder);
    case "frontendOpenOrders":
      return d.orders.open(user).filter((o) => dexOfCoin(o.coin) === (q.dex ?? "")).map(frontendOrder);
    case "clearinghouseState":
      return account === undefined ? emptyClearinghouse(now) : clearinghouseState(account, d.markets, d.orders, now, q.dex ?? "");
    case "spotClearinghouseState":
      return account === undefined ? { balances: [] } : spotClearinghouseState(account, d.markets, d.orders);
    case "userFills":
      // Newest first, at most 2000 [docs info-endpoint].
      return account === undefined ? [] : account.fills.slice(-2000).reverse();
    case "orderStatus": {
      const rec = typeof q.oid === "number" ? d.orders.get(q.oid) : d.orders.byClientId(user, q.oid);
      if (rec === undefined || rec.user !== user) return { status: "unknownOid" };
      return { status: "order", order: { order: frontendOrder(rec), status: rec.status, statusTimestamp: rec.statusTimestamp } };
    }
    case "userRateLimit": {
      const vlm = account?.cumVlm ?? 0;
      return { cumVlm: usdc(vlm), nRequestsUsed: account?.budget.used ?? 0, nRequestsCap: requestCap(vlm), nRequestsSurplus: 0 };
    }
    case "candleSnapshot":
      return d.candles.snapshot(q.req.coin, q.req.interval, q.req.startTime, q.req.endTime ?? now) ?? [];
  }
}

function emptyClearinghouse(now: number): unknown {
  const zero = { accountValue: "0.0", totalNtlPos: "0.0", totalRawUsd: "0.0", totalMarginUsed: "0.0" };
  return { marginSummary: zero, crossMarginSummary: zero, crossMaintenanceMarginUsed: "0.0", withdrawable: "0.0", assetPositions: [], time: now };
}
