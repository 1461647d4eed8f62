/**
 * Client -> server WebSocket frames [docs websocket, subscriptions, post-requests, heartbeats]:
 * builders for the connector, and a parser for the local venue simulator that receives them.
 * One coin per subscription; an unsubscribe must repeat the original subscription object.
 * `post` carries exactly an HTTP body: an info request, or a signed /exchange payload (checked
 * strictly with parseExchangeRequest); at most 100 may be in flight.
 */
import * as z from "zod";
import { err, ok, type Result } from "../../core/result";

const Coin = z.string().min(1);
const User = z.string().regex(/^0x[0-9a-fA-F]{40}$/);

export const Subscription = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("l2Book"),
    coin: Coin,
    nSigFigs: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable().optional(),
    // The docs allow 1, 2, 5; @nktkas/hyperliquid (validated live) only 2 and 5.
    mantissa: z.union([z.literal(2), z.literal(5)]).nullable().optional(),
    fast: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("bbo"), coin: Coin }),
  z.strictObject({ type: z.literal("trades"), coin: Coin }),
  z.strictObject({ type: z.literal("activeAssetCtx"), coin: Coin }),
  z.strictObject({ type: z.literal("allMids"), dex: z.string().optional() }),
  z.strictObject({ type: z.literal("orderUpdates"), user: User }),
  z.strictObject({ type: z.literal("userFills"), user: User, aggregateByTime: z.boolean().optional() }),
  z.strictObject({ type: z.literal("userEvents"), user: User }),
]);
export type Subscription = z.infer<typeof Subscription>;

export const PostRequest = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("info"), payload: z.looseObject({ type: z.string() }) }),
  z.strictObject({
    type: z.literal("action"),
    payload: z.looseObject({ action: z.looseObject({ type: z.string() }), nonce: z.number(), signature: z.looseObject({}) }),
  }),
]);
export type PostRequest = z.infer<typeof PostRequest>;

export const ClientFrame = z.discriminatedUnion("method", [
  z.strictObject({ method: z.literal("subscribe"), subscription: Subscription }),
  z.strictObject({ method: z.literal("unsubscribe"), subscription: Subscription }),
  z.strictObject({ method: z.literal("ping") }),
  z.strictObject({ method: z.literal("post"), id: z.number().int().nonnegative().safe(), request: PostRequest }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const PING_MESSAGE = JSON.stringify({ method: "ping" });

export function subscribeMessage(subscription: Subscription): string {
  return JSON.stringify({ method: "subscribe", subscription });
}

export function unsubscribeMessage(subscription: Subscription): string {
  return JSON.stringify({ method: "unsubscribe", subscription });
}

/** A post request; `id` must be unique among the requests in flight (replies echo it). */
export function postMessage(id: number, request: PostRequest): string {
  return JSON.stringify({ method: "post", id, request });
}

export interface ClientFrameError {
  kind: "notJson" | "badFrame";
  detail: string;
}

export function parseClientFrame(text: string): Result<ClientFrame, ClientFrameError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err({ kind: "notJson", detail: text.slice(0, 120) });
  }
  const r = ClientFrame.safeParse(raw);
  return r.success ? ok(r.data) : err({ kind: "badFrame", detail: z.prettifyError(r.error).slice(0, 300) });
}
