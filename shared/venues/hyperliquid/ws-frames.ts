/**
 * The receive path: one server WebSocket text frame -> a typed frame -> normalised venue events.
 * Nothing throws: a malformed frame is a FrameError value, counted by the caller with
 * countFrame(). The server may open with the plain text "Websocket connection established."
 * (the Python SDK skips it), so text is never JSON.parsed blindly [reference/hyperliquid.md §1.1].
 */
import * as z from "zod";
import { err, ok, type Result } from "../../core/result";
import type { BboEvent, BookEvent, FillEvent, OrderUpdateEvent, TradeEvent, VenueEvent } from "../../events";
import { decodeHotFrame } from "./hot-frames";
import type { Fill } from "./schema-common";
import {
  WsActiveAssetCtx,
  WsAllDexsAssetCtxs,
  WsAllMids,
  WsBbo,
  WsBook,
  WsOrderUpdates,
  WsPost,
  WsSubscriptionResponse,
  WsTrades,
  WsUserEvent,
  WsUserFills,
} from "./ws-schemas";

export const WELCOME_TEXT = "Websocket connection established.";

const CHANNELS = {
  l2Book: WsBook,
  bbo: WsBbo,
  trades: WsTrades,
  orderUpdates: WsOrderUpdates,
  userFills: WsUserFills,
  user: WsUserEvent,
  post: WsPost,
  subscriptionResponse: WsSubscriptionResponse,
  error: z.string(),
  allMids: WsAllMids,
  activeAssetCtx: WsActiveAssetCtx,
  activeSpotAssetCtx: WsActiveAssetCtx,
  allDexsAssetCtxs: WsAllDexsAssetCtxs,
} as const;

type Channels = typeof CHANNELS;
export type DataChannel = keyof Channels;
export type WsDataFrame = { [C in DataChannel]: { channel: C; data: z.infer<Channels[C]> } }[DataChannel];
export type WsFrame = WsDataFrame | { channel: "pong" } | { channel: "welcome" };

export type FrameErrorKind = "notJson" | "notFrame" | "unknownChannel" | "badData";
export interface FrameError {
  kind: FrameErrorKind;
  channel?: string;
  detail: string;
}

const channelSchemas = new Map<string, z.ZodType>(Object.entries(CHANNELS));

function snippet(s: string): string {
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
}

/**
 * Parses one server text frame. Unknown channels are errors too: the bot never subscribes to them.
 * The per-block market frames take the single-pass decoder (hot-frames.ts), which returns exactly
 * what the schemas would or defers to them.
 */
export function parseWsFrame(text: string): Result<WsFrame, FrameError> {
  const hot = decodeHotFrame(text);
  return hot !== undefined ? ok(hot) : parseWsFrameWithSchema(text);
}

/** parseWsFrame without the single-pass decoder: JSON.parse + zod for every frame (the validator of record). */
export function parseWsFrameWithSchema(text: string): Result<WsFrame, FrameError> {
  if (text.charCodeAt(0) !== 123 /* { */ && text.trim() === WELCOME_TEXT) return ok({ channel: "welcome" });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err({ kind: "notJson", detail: snippet(text) });
  }
  return parseWsValue(raw);
}

/** Same as parseWsFrame for a frame already decoded from JSON (recordings store frames as objects). */
export function parseWsValue(raw: unknown): Result<WsFrame, FrameError> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return err({ kind: "notFrame", detail: "not a JSON object" });
  }
  const { channel, data } = raw as { channel?: unknown; data?: unknown };
  if (typeof channel !== "string") return err({ kind: "notFrame", detail: "no channel" });
  if (channel === "pong") return ok({ channel: "pong" });
  const schema = channelSchemas.get(channel);
  if (schema === undefined) return err({ kind: "unknownChannel", channel, detail: snippet(channel) });
  const r = schema.safeParse(data);
  if (!r.success) return err({ kind: "badData", channel, detail: snippet(z.prettifyError(r.error)) });
  return ok({ channel, data: r.data } as WsDataFrame);
}

export interface FrameCounters {
  ok: number;
  errors: Record<FrameErrorKind, number>;
}

export function newFrameCounters(): FrameCounters {
  return { ok: 0, errors: { notJson: 0, notFrame: 0, unknownChannel: 0, badData: 0 } };
}

/** Counts a parse result (bad input is counted, never thrown) and passes it through. */
export function countFrame<T>(counters: FrameCounters, r: Result<T, FrameError>): Result<T, FrameError> {
  if (r.ok) counters.ok++;
  else counters.errors[r.error.kind]++;
  return r;
}

const side = (ab: "A" | "B"): "buy" | "sell" => (ab === "B" ? "buy" : "sell");

function fillEvent(f: Fill, snapshot: boolean): FillEvent {
  const e: FillEvent = {
    kind: "fill",
    venue: "hl",
    coin: f.coin,
    ts: f.time,
    px: f.px,
    sz: f.sz,
    side: side(f.side),
    oid: f.oid,
    tid: String(f.tid),
    fee: f.fee,
    feeToken: f.feeToken,
    crossed: f.crossed,
    startPosition: f.startPosition,
    closedPnl: f.closedPnl,
    snapshot,
  };
  if (f.cloid !== undefined) e.cloid = f.cloid;
  return e;
}

/**
 * Normalised events of a frame (venue "hl"). Frames that carry no market or account event
 * (pong, acks, post replies, mids, asset contexts without an exchange time) give none.
 */
export function frameToEvents(frame: WsFrame): VenueEvent[] {
  switch (frame.channel) {
    case "l2Book": {
      const d = frame.data;
      const e: BookEvent = { kind: "book", venue: "hl", coin: d.coin, ts: d.time, bids: d.levels[0], asks: d.levels[1] };
      if (d.fast === true) e.fast = true;
      return [e];
    }
    case "bbo": {
      const d = frame.data;
      const e: BboEvent = { kind: "bbo", venue: "hl", coin: d.coin, ts: d.time, bid: d.bbo[0], ask: d.bbo[1] ?? null };
      return [e];
    }
    case "trades":
      return frame.data.map(
        (t): TradeEvent => ({ kind: "trade", venue: "hl", coin: t.coin, ts: t.time, px: t.px, sz: t.sz, side: side(t.side), tid: String(t.tid) }),
      );
    case "userFills":
      return frame.data.fills.map((f) => fillEvent(f, frame.data.isSnapshot === true));
    case "user":
      return "fills" in frame.data ? frame.data.fills.map((f) => fillEvent(f, false)) : [];
    case "orderUpdates":
      return frame.data.map((u): OrderUpdateEvent => {
        const e: OrderUpdateEvent = {
          kind: "orderUpdate",
          venue: "hl",
          coin: u.order.coin,
          ts: u.statusTimestamp,
          oid: u.order.oid,
          side: side(u.order.side),
          px: u.order.limitPx,
          sz: u.order.sz,
          origSz: u.order.origSz,
          status: u.status,
        };
        if (typeof u.order.cloid === "string") e.cloid = u.order.cloid;
        return e;
      });
    default:
      return [];
  }
}
