/**
 * Info-endpoint requests and their parsed responses. parseInfoResponse never throws: a body
 * that is not JSON or not the documented shape is an InfoError value.
 */
import * as z from "zod";
import { err, ok, type Result } from "../../core/result";
import {
  AllMidsResponse,
  CandleSnapshotResponse,
  ClearinghouseStateResponse,
  FrontendOpenOrdersResponse,
  FundingHistoryResponse,
  L2BookResponse,
  MetaResponse,
  OpenOrdersResponse,
  OrderStatusResponse,
  OutcomeMetaResponse,
  PerpDexsResponse,
  SpotClearinghouseStateResponse,
  SpotMetaResponse,
  UserFillsResponse,
  UserRateLimitResponse,
} from "./info-schemas";

export const INFO_RESPONSES = {
  meta: MetaResponse,
  spotMeta: SpotMetaResponse,
  outcomeMeta: OutcomeMetaResponse,
  perpDexs: PerpDexsResponse,
  openOrders: OpenOrdersResponse,
  frontendOpenOrders: FrontendOpenOrdersResponse,
  clearinghouseState: ClearinghouseStateResponse,
  spotClearinghouseState: SpotClearinghouseStateResponse,
  userFills: UserFillsResponse,
  orderStatus: OrderStatusResponse,
  userRateLimit: UserRateLimitResponse,
  l2Book: L2BookResponse,
  allMids: AllMidsResponse,
  candleSnapshot: CandleSnapshotResponse,
  fundingHistory: FundingHistoryResponse,
} as const;

export type InfoType = keyof typeof INFO_RESPONSES;
export type InfoResponse<T extends InfoType> = z.infer<(typeof INFO_RESPONSES)[T]>;

export interface InfoError {
  kind: "badJson" | "badShape";
  type: InfoType;
  detail: string;
}

/** Parses the body of an info response of the given request type (text or decoded JSON). */
export function parseInfoResponse<T extends InfoType>(type: T, body: unknown): Result<InfoResponse<T>, InfoError> {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return err({ kind: "badJson", type, detail: body.slice(0, 200) });
    }
  }
  const r = INFO_RESPONSES[type].safeParse(value);
  if (!r.success) return err({ kind: "badShape", type, detail: z.prettifyError(r.error).slice(0, 500) });
  return ok(r.data as InfoResponse<T>);
}

/** Info request bodies the bot sends; `user` is always the account (never the agent) address. */
export type InfoRequest =
  | { type: "meta"; dex?: string }
  | { type: "spotMeta" }
  | { type: "outcomeMeta" }
  | { type: "perpDexs" }
  | { type: "openOrders"; user: string; dex?: string }
  | { type: "frontendOpenOrders"; user: string; dex?: string }
  | { type: "clearinghouseState"; user: string; dex?: string }
  | { type: "spotClearinghouseState"; user: string }
  | { type: "userFills"; user: string; aggregateByTime?: boolean }
  | { type: "orderStatus"; user: string; oid: number | string }
  | { type: "userRateLimit"; user: string }
  | { type: "l2Book"; coin: string; nSigFigs?: 2 | 3 | 4 | 5 | null; mantissa?: 2 | 5 | null }
  | { type: "allMids"; dex?: string };
