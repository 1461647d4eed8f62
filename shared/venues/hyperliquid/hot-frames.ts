/**
 * Single-pass decoder for the frames that arrive on every block: `l2Book` (20-level, and 5-level
 * `fast`), `bbo`, `trades`, and `pong`. It reads the frame text once (JsonCursor) and builds the
 * value the zod schemas of ws-schemas.ts would return, with their key order, and nothing else.
 *
 * It is a shortcut, not a validator: on anything outside the exact shapes (unknown, missing or
 * repeated keys, wrong types, escapes, numbers with a fraction or exponent, signs, values the
 * schemas would refuse) it returns `undefined` and parseWsFrame hands the text to JSON.parse +
 * zod, which stays the validator of record and produces the typed error. Keys inside `data` may
 * come in any order (the venue's serialiser decides it: the archive prints coin, time, levels;
 * tardis prints trades as coin, side, px, sz, time, hash, tid); the envelope must start with
 * `channel`, since the channel picks the reader of `data`.
 */
import { JsonCursor } from "./json-cursor";
import { readLevel, readLevels, type Level } from "./hot-levels";
import type { WsBbo, WsBook, WsTrade } from "./ws-schemas";

export type HotFrame =
  | { channel: "l2Book"; data: WsBook }
  | { channel: "bbo"; data: WsBbo }
  | { channel: "trades"; data: WsTrade[] }
  | { channel: "pong" };

const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const COMMA = 44;

const ENVELOPE_KEYS = ["channel", "data"];
const BOOK_KEYS = ["coin", "time", "levels", "fast", "spread"];
const BBO_KEYS = ["coin", "time", "bbo"];
const TRADE_KEYS = ["coin", "side", "px", "sz", "hash", "time", "tid", "users"];
/** Exact character count of schema-common's Address (`0x` + 40 hex digits). */
const ADDRESS_DIGITS = 40;

/** The frame's value as the zod path would produce it, or undefined to defer to that path. */
export function decodeHotFrame(text: string): HotFrame | undefined {
  const c = new JsonCursor(text);
  if (!c.eat(LBRACE) || c.key(ENVELOPE_KEYS) !== 0) return undefined;
  const channel = c.string();
  let frame: HotFrame | undefined;
  if (channel === "pong") frame = { channel: "pong" };
  else {
    if (!c.eat(COMMA) || c.key(ENVELOPE_KEYS) !== 1) return undefined;
    if (channel === "l2Book") {
      const data = readBook(c);
      if (data !== undefined) frame = { channel, data };
    } else if (channel === "bbo") {
      const data = readBbo(c);
      if (data !== undefined) frame = { channel, data };
    } else if (channel === "trades") {
      const data = readTrades(c);
      if (data !== undefined) frame = { channel, data };
    }
  }
  if (frame === undefined || !c.eat(RBRACE) || !c.atEnd()) return undefined;
  return frame;
}

function readBook(c: JsonCursor): WsBook | undefined {
  if (!c.eat(LBRACE)) return undefined;
  let coin: string | undefined;
  let time = -1;
  let levels: WsBook["levels"] | undefined;
  let fast = -1;
  let spread: string | undefined;
  do {
    switch (c.key(BOOK_KEYS)) {
      case 0:
        if (coin !== undefined || (coin = c.string()) === undefined) return undefined;
        break;
      case 1:
        if (time >= 0 || (time = c.uint()) < 0) return undefined;
        break;
      case 2: {
        if (levels !== undefined || !c.eat(LBRACKET)) return undefined;
        const bids = readLevels(c);
        if (bids === undefined || !c.eat(COMMA)) return undefined;
        const asks = readLevels(c);
        if (asks === undefined || !c.eat(RBRACKET)) return undefined;
        levels = [bids, asks];
        break;
      }
      case 3:
        if (fast >= 0 || (fast = c.boolean()) < 0) return undefined;
        break;
      case 4:
        if (spread !== undefined || (spread = c.decimal()) === undefined) return undefined;
        break;
      default:
        return undefined;
    }
  } while (c.eat(COMMA));
  if (!c.eat(RBRACE) || coin === undefined || time < 0 || levels === undefined) return undefined;
  // Built in the schema's key order, optional keys only when present, as zod returns it.
  const book: WsBook = { coin, time, levels };
  if (fast >= 0) book.fast = fast === 1;
  if (spread !== undefined) book.spread = spread;
  return book;
}

/** A level or `null`; `false` when neither. */
function readBboSide(c: JsonCursor): Level | null | false {
  if (c.null()) return null;
  return readLevel(c) ?? false;
}

function readBbo(c: JsonCursor): WsBbo | undefined {
  if (!c.eat(LBRACE)) return undefined;
  let coin: string | undefined;
  let time = -1;
  let bbo: WsBbo["bbo"] | undefined;
  do {
    switch (c.key(BBO_KEYS)) {
      case 0:
        if (coin !== undefined || (coin = c.string()) === undefined) return undefined;
        break;
      case 1:
        if (time >= 0 || (time = c.uint()) < 0) return undefined;
        break;
      case 2: {
        if (bbo !== undefined || !c.eat(LBRACKET)) return undefined;
        const bid = readBboSide(c);
        if (bid === false) return undefined;
        // The schema's second element is optional: `[bid]` parses to a one-element tuple.
        if (c.eat(RBRACKET)) bbo = [bid];
        else {
          const ask = c.eat(COMMA) ? readBboSide(c) : false;
          if (ask === false || !c.eat(RBRACKET)) return undefined;
          bbo = [bid, ask];
        }
        break;
      }
      default:
        return undefined;
    }
  } while (c.eat(COMMA));
  if (!c.eat(RBRACE) || coin === undefined || time < 0 || bbo === undefined) return undefined;
  return { coin, time, bbo };
}

function readUsers(c: JsonCursor): [string, string] | undefined {
  if (!c.eat(LBRACKET)) return undefined;
  const buyer = c.hex(ADDRESS_DIGITS);
  if (buyer === undefined || !c.eat(COMMA)) return undefined;
  const seller = c.hex(ADDRESS_DIGITS);
  if (seller === undefined || !c.eat(RBRACKET)) return undefined;
  return [buyer, seller];
}

function readTrade(c: JsonCursor): WsTrade | undefined {
  if (!c.eat(LBRACE)) return undefined;
  let coin: string | undefined;
  let side: string | undefined;
  let px: string | undefined;
  let sz: string | undefined;
  let hash: string | undefined;
  let time = -1;
  let tid = -1;
  let users: [string, string] | undefined;
  do {
    switch (c.key(TRADE_KEYS)) {
      case 0:
        if (coin !== undefined || (coin = c.string()) === undefined) return undefined;
        break;
      case 1:
        if (side !== undefined || (side = c.string()) === undefined) return undefined;
        break;
      case 2:
        if (px !== undefined || (px = c.decimal()) === undefined) return undefined;
        break;
      case 3:
        if (sz !== undefined || (sz = c.decimal()) === undefined) return undefined;
        break;
      case 4:
        if (hash !== undefined || (hash = c.hex(-1)) === undefined) return undefined;
        break;
      case 5:
        if (time >= 0 || (time = c.uint()) < 0) return undefined;
        break;
      case 6:
        if (tid >= 0 || (tid = c.uint()) < 0) return undefined;
        break;
      case 7:
        if (users !== undefined || (users = readUsers(c)) === undefined) return undefined;
        break;
      default:
        return undefined;
    }
  } while (c.eat(COMMA));
  if (!c.eat(RBRACE) || coin === undefined || px === undefined || sz === undefined || hash === undefined) return undefined;
  if ((side !== "A" && side !== "B") || time < 0 || tid < 0) return undefined;
  const trade: WsTrade = { coin, side, px, sz, hash, time, tid };
  if (users !== undefined) trade.users = users;
  return trade;
}

function readTrades(c: JsonCursor): WsTrade[] | undefined {
  if (!c.eat(LBRACKET)) return undefined;
  const out: WsTrade[] = [];
  if (c.eat(RBRACKET)) return out;
  do {
    const t = readTrade(c);
    if (t === undefined) return undefined;
    out.push(t);
  } while (c.eat(COMMA));
  return c.eat(RBRACKET) ? out : undefined;
}
