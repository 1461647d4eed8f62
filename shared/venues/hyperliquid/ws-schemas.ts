/**
 * zod schemas of the `data` of each server WebSocket channel the bot consumes
 * [docs websocket/subscriptions; reference/hyperliquid.md §1.3-1.6]. The l2Book, bbo and trades
 * schemas run on every market frame, so they are kept flat (no unions, no transforms).
 */
import * as z from "zod";
import { ExchangeResponse } from "./exchange-responses";
import { Address, BasicOrder, DecimalStr, Fill, Hex, Int, Level, UDecimalStr, UInt } from "./schema-common";

/** Full snapshot of the top levels: 20 per side, or 5 with `fast: true`. */
export const WsBook = z.object({
  coin: z.string(),
  time: UInt,
  levels: z.tuple([z.array(Level), z.array(Level)]),
  fast: z.boolean().optional(),
  spread: UDecimalStr.optional(),
});
export type WsBook = z.infer<typeof WsBook>;

/** Sent only when the best bid or offer changes on a block; an empty side is null (or absent). */
export const WsBbo = z.object({
  coin: z.string(),
  time: UInt,
  bbo: z.tuple([Level.nullable(), Level.nullable().optional()]),
});
export type WsBbo = z.infer<typeof WsBbo>;

/** `side` is the aggressor; `users` ([buyer, seller]) is absent in some recorded frames. */
export const WsTrade = z.object({
  coin: z.string(),
  side: z.enum(["A", "B"]),
  px: UDecimalStr,
  sz: UDecimalStr,
  hash: Hex,
  time: UInt,
  tid: UInt,
  users: z.tuple([Address, Address]).optional(),
});
export const WsTrades = z.array(WsTrade);
export type WsTrade = z.infer<typeof WsTrade>;

export const WsOrderUpdates = z.array(z.object({ order: BasicOrder, status: z.string(), statusTimestamp: UInt }));
export type WsOrderUpdates = z.infer<typeof WsOrderUpdates>;

/** The first frame after (re)subscribing carries isSnapshot: true; absent means false. */
export const WsUserFills = z.object({ isSnapshot: z.boolean().optional(), user: Address, fills: z.array(Fill) });
export type WsUserFills = z.infer<typeof WsUserFills>;

/** The `userEvents` subscription answers on channel "user" with exactly one of these. */
export const WsUserEvent = z.union([
  z.object({ fills: z.array(Fill) }),
  z.object({
    funding: z.object({ time: UInt, coin: z.string(), usdc: DecimalStr, szi: DecimalStr, fundingRate: DecimalStr }),
  }),
  z.object({
    liquidation: z.object({
      lid: UInt,
      liquidator: z.string(),
      liquidated_user: z.string(),
      liquidated_ntl_pos: DecimalStr,
      liquidated_account_value: DecimalStr,
    }),
  }),
  z.object({ nonUserCancel: z.array(z.object({ coin: z.string(), oid: UInt })) }),
]);
export type WsUserEvent = z.infer<typeof WsUserEvent>;

export const WsPost = z.object({
  id: Int,
  response: z.discriminatedUnion("type", [
    z.object({ type: z.literal("info"), payload: z.object({ type: z.string(), data: z.unknown() }) }),
    z.object({ type: z.literal("action"), payload: ExchangeResponse }),
    z.object({ type: z.literal("error"), payload: z.string() }),
  ]),
});
export type WsPost = z.infer<typeof WsPost>;

export const WsSubscriptionResponse = z.object({
  method: z.enum(["subscribe", "unsubscribe"]),
  subscription: z.looseObject({ type: z.string() }),
});
export type WsSubscriptionResponse = z.infer<typeof WsSubscriptionResponse>;

export const WsAllMids = z.object({ mids: z.record(z.string(), UDecimalStr), dex: z.string().optional() });

const PerpCtx = z.object({
  funding: DecimalStr,
  openInterest: UDecimalStr,
  prevDayPx: UDecimalStr,
  dayNtlVlm: UDecimalStr,
  premium: DecimalStr.nullable(),
  oraclePx: UDecimalStr,
  markPx: UDecimalStr,
  midPx: UDecimalStr.nullable(),
  impactPxs: z.tuple([UDecimalStr, UDecimalStr]).nullable().optional(),
  dayBaseVlm: UDecimalStr.optional(),
});

/** Channel "activeAssetCtx" (perps) or "activeSpotAssetCtx" (spot); markPx feeds MarkEvent. */
export const WsActiveAssetCtx = z.object({
  coin: z.string(),
  ctx: z.looseObject({ markPx: UDecimalStr, midPx: UDecimalStr.nullable().optional(), prevDayPx: UDecimalStr }),
});

export const WsAllDexsAssetCtxs = z.object({ ctxs: z.array(z.tuple([z.string(), z.array(PerpCtx)])) });
