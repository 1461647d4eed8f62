/**
 * WebSocket subscriptions the simulator serves and how two of them are recognised as the same
 * (an unsubscribe must name the subscription it ends [docs websocket/subscriptions]).
 */
import * as z from "zod";
import type { Markets } from "./markets";

const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const Coin = z.string().min(1);

const SubscriptionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("l2Book"),
    coin: Coin,
    nSigFigs: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable().optional(),
    mantissa: z.union([z.literal(1), z.literal(2), z.literal(5)]).nullable().optional(),
    fast: z.boolean().optional(),
  }),
  z.object({ type: z.literal("bbo"), coin: Coin }),
  z.object({ type: z.literal("trades"), coin: Coin }),
  z.object({ type: z.literal("allMids"), dex: z.string().optional() }),
  z.object({ type: z.literal("orderUpdates"), user: Address }),
  z.object({ type: z.literal("userFills"), user: Address, aggregateByTime: z.boolean().optional() }),
  z.object({ type: z.literal("userEvents"), user: Address }),
]);

export interface Subscription {
  type: string;
  coin?: string;
  user?: string;
  fast?: boolean;
  nSigFigs?: number | null;
  mantissa?: number | null;
  aggregateByTime?: boolean;
  dex?: string;
}

/** A subscription the simulator can serve: known shape, and a coin it has a market for. */
export function isValidSubscription(s: unknown, markets: Markets): s is Subscription {
  const r = SubscriptionSchema.safeParse(s);
  if (!r.success) return false;
  return !("coin" in r.data) || markets.market(r.data.coin) !== undefined;
}

/** Canonical identity: keys sorted, addresses lowercased. */
export function subscriptionKey(s: Subscription): string {
  const entries = Object.entries(s)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, k === "user" && typeof v === "string" ? v.toLowerCase() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
