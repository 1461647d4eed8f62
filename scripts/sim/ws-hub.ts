/**
 * The WebSocket endpoint /ws, speaking the venue's protocol [docs websocket, subscriptions,
 * post-requests, timeouts-and-heartbeats; reference/hyperliquid.md §1]:
 * - the plain-text line "Websocket connection established." on open (not JSON);
 * - subscribe / unsubscribe with `subscriptionResponse` acks echoing the subscription, and
 *   `{"channel":"error","data":"Already subscribed: {...}"}`-style refusals (the prefixes
 *   @nktkas/hyperliquid's dispatcher matches: "Already subscribed", "Invalid subscription",
 *   "Already unsubscribed");
 * - `{"method":"ping"}` -> `{"channel":"pong"}`; a socket whose client sent nothing for the idle
 *   timeout (60 s on the venue) is closed;
 * - `post` requests for info and actions, answered on channel "post" with the request id;
 * - market channels l2Book (5 levels with `fast`, 20 without), bbo (on change), trades, allMids,
 *   and user channels orderUpdates, userFills (a snapshot first, isSnapshot: true) and
 *   userEvents (frames on channel "user").
 * Book cadence follows the recording: every recorded snapshot goes to `fast` subscribers (the
 * recording's ~0.5 s is the fast cadence), non-fast subscribers get 20 levels on a slower tick.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { outcomeCoin } from "../../shared/venues/hyperliquid/assets";
import type { FillWire } from "./accounts";
import { bboView, bookView } from "./book-view";
import { type Faults, malform } from "./faults";
import type { Markets } from "./markets";
import type { OrderUpdateWire } from "./orders";
import { isValidSubscription, type Subscription, subscriptionKey } from "./subscriptions";
import type { TradeWire } from "./venue";

export const WELCOME = "Websocket connection established.";
const MAX_PENDING_POSTS = 100;
const BOOK_LOG_KEPT = 20_000;

export interface BookSent {
  coin: string;
  /** The book's exchange time (the frame's `time`). */
  time: number;
  wallSent: number;
}

export interface HubDeps {
  markets: Markets;
  faults: Faults;
  idleTimeoutMs: number;
  now(): number;
  wallNow(): number;
  /** Answers a `post` request; null = never answer (an injected timeout). */
  post(request: { type: string; payload: unknown }): Promise<{ type: "info" | "action" | "error"; payload: unknown } | null>;
  recentFills(user: string): FillWire[];
  recentTrades(coin: string): TradeWire[];
}

interface Conn {
  ws: WebSocket;
  subs: Map<string, Subscription>;
  idle: ReturnType<typeof setTimeout> | null;
  heldFills: { frame: string; timer: ReturnType<typeof setTimeout> } | null;
}

export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Conn>();
  private readonly lastBbo = new Map<string, string>();
  /** Last allMids pushed, per perp dex ("" = the first). */
  private readonly lastMids = new Map<string, string>();
  private pendingPosts = 0;
  private readonly bookLog: BookSent[] = [];
  readonly counts = { connections: 0, messagesIn: 0, badMessages: 0, framesOut: 0, idleClosed: 0 };

  constructor(private readonly d: HubDeps) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws));
  }

  connections(): number {
    return this.conns.size;
  }

  subscriptionCount(): number {
    let n = 0;
    for (const c of this.conns) n += c.subs.size;
    return n;
  }

  /** Terminates sockets without a close frame (all, or those subscribed to `channel`). */
  drop(channel?: string): number {
    let n = 0;
    for (const c of [...this.conns]) {
      if (channel !== undefined && ![...c.subs.values()].some((s) => channelOf(s) === channel)) continue;
      c.ws.terminate();
      n++;
    }
    this.d.faults.counts.socketsDropped += n;
    return n;
  }

  close(): void {
    for (const c of this.conns) c.ws.terminate();
    this.wss.close();
  }

  /** A recorded book update of `coin` happened: fast subscribers get it, bbo subscribers a change. */
  bookUpdated(coin: string, time: number): void {
    let sent = false;
    this.eachSub("l2Book", (c, s) => {
      if (s.coin !== coin || s.fast !== true) return;
      const b = bookView(this.d.markets, coin, 5, time, s);
      if (b === null) return;
      if (!sent) this.logBook(coin, time);
      sent = true;
      this.send(c, "l2Book", { ...b, fast: true });
    });
    this.touched(coin, time);
  }

  /**
   * Book frames pushed to fast subscribers: coin, book time and the wall time it went out (the
   * tick-to-order benchmark measures from here to the order's arrival at /exchange).
   */
  booksSent(sinceWall = 0): readonly BookSent[] {
    return this.bookLog.filter((b) => b.wallSent > sinceWall);
  }

  private logBook(coin: string, time: number): void {
    this.bookLog.push({ coin, time, wallSent: this.d.wallNow() });
    if (this.bookLog.length > BOOK_LOG_KEPT) this.bookLog.splice(0, this.bookLog.length - BOOK_LOG_KEPT);
  }

  /** The slow tick: 20 levels to every non-fast l2Book subscriber, allMids when they moved. */
  slowTick(time: number): void {
    this.eachSub("l2Book", (c, s) => {
      if (s.fast === true || s.coin === undefined) return;
      const b = bookView(this.d.markets, s.coin, 20, time, s);
      if (b !== null) this.send(c, "l2Book", b);
    });
    const byDex = new Map<string, { mids: Record<string, string>; changed: boolean }>();
    this.eachSub("allMids", (c, s) => {
      const dex = s.dex ?? "";
      let m = byDex.get(dex);
      if (m === undefined) {
        const mids = this.d.markets.mids(dex);
        const text = JSON.stringify(mids);
        m = { mids, changed: text !== this.lastMids.get(dex) };
        this.lastMids.set(dex, text);
        byDex.set(dex, m);
      }
      if (m.changed) this.send(c, "allMids", { mids: m.mids });
    });
  }

  /** Sends a bbo frame when the served best bid or offer of `coin` (or its mirror leg) changed. */
  touched(coin: string, time: number): void {
    const coins = [coin];
    const info = this.d.markets.market(coin)?.asset.outcome;
    if (info !== undefined) coins.push(outcomeCoin({ outcome: info.outcome, side: info.side === 0 ? 1 : 0 }));
    for (const k of coins) {
      const b = bboView(this.d.markets, k, time);
      if (b === null) continue;
      const key = JSON.stringify(b.bbo);
      if (this.lastBbo.get(k) === key) continue;
      this.lastBbo.set(k, key);
      this.eachSub("bbo", (c, s) => {
        if (s.coin === k) this.send(c, "bbo", b);
      });
    }
  }

  trades(coin: string, trades: TradeWire[]): void {
    this.eachSub("trades", (c, s) => {
      if (s.coin === coin) this.send(c, "trades", trades);
    });
  }

  orderUpdates(user: string, updates: OrderUpdateWire[]): void {
    this.eachSub("orderUpdates", (c, s) => {
      if (s.user === user) this.send(c, "orderUpdates", updates);
    });
  }

  fills(user: string, fills: FillWire[]): void {
    this.eachSub("userFills", (c, s) => {
      if (s.user === user) this.sendFills(c, "userFills", { user, fills });
    });
    this.eachSub("userEvents", (c, s) => {
      if (s.user === user) this.sendFills(c, "user", { fills });
    });
  }

  nonUserCancel(user: string, cancels: { coin: string; oid: number }[]): void {
    this.eachSub("userEvents", (c, s) => {
      if (s.user === user) this.send(c, "user", { nonUserCancel: cancels });
    });
  }

  private open(ws: WebSocket): void {
    const c: Conn = { ws, subs: new Map(), idle: null, heldFills: null };
    this.conns.add(c);
    this.counts.connections++;
    ws.send(WELCOME);
    this.armIdle(c);
    ws.on("message", (data) => this.onMessage(c, data.toString()));
    ws.on("close", () => this.gone(c));
    ws.on("error", () => this.gone(c));
  }

  private gone(c: Conn): void {
    if (c.idle !== null) clearTimeout(c.idle);
    if (c.heldFills !== null) clearTimeout(c.heldFills.timer);
    this.conns.delete(c);
  }

  private armIdle(c: Conn): void {
    if (c.idle !== null) clearTimeout(c.idle);
    c.idle = setTimeout(() => {
      this.counts.idleClosed++;
      c.ws.close();
    }, this.d.idleTimeoutMs);
  }

  private onMessage(c: Conn, text: string): void {
    this.counts.messagesIn++;
    this.armIdle(c);
    let msg: { method?: unknown; subscription?: unknown; id?: unknown; request?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      this.counts.badMessages++;
      this.send(c, "error", `Invalid message: ${text.slice(0, 200)}`);
      return;
    }
    if (msg.method === "ping") return this.send(c, "pong", undefined);
    if (msg.method === "subscribe" || msg.method === "unsubscribe") return this.subscribe(c, msg.method, msg.subscription);
    if (msg.method === "post") return void this.post(c, msg.id, msg.request);
    this.counts.badMessages++;
    this.send(c, "error", `Invalid message: ${text.slice(0, 200)}`);
  }

  private subscribe(c: Conn, method: "subscribe" | "unsubscribe", sub: unknown): void {
    const echo = JSON.stringify(sub);
    if (!isValidSubscription(sub, this.d.markets)) return this.send(c, "error", `Invalid subscription ${echo}`);
    const key = subscriptionKey(sub);
    if (method === "unsubscribe") {
      if (!c.subs.delete(key)) return this.send(c, "error", `Already unsubscribed: ${echo}`);
      return this.send(c, "subscriptionResponse", { method, subscription: sub });
    }
    if (c.subs.has(key)) return this.send(c, "error", `Already subscribed: ${echo}`);
    const s: Subscription = sub.user === undefined ? { ...sub } : { ...sub, user: sub.user.toLowerCase() };
    c.subs.set(key, s);
    this.send(c, "subscriptionResponse", { method, subscription: sub });
    const now = this.d.now();
    if (s.type === "userFills" && s.user !== undefined) {
      this.send(c, "userFills", { isSnapshot: true, user: s.user, fills: this.d.recentFills(s.user) });
    } else if (s.type === "l2Book" && s.coin !== undefined) {
      const b = bookView(this.d.markets, s.coin, s.fast === true ? 5 : 20, now, s);
      if (b !== null) this.send(c, "l2Book", s.fast === true ? { ...b, fast: true } : b);
    } else if (s.type === "trades" && s.coin !== undefined) {
      const recent = this.d.recentTrades(s.coin);
      if (recent.length > 0) this.send(c, "trades", recent);
    }
  }

  private async post(c: Conn, id: unknown, request: unknown): Promise<void> {
    const r = request as { type?: unknown; payload?: unknown } | null;
    if (typeof id !== "number" || r === null || typeof r !== "object" || (r.type !== "info" && r.type !== "action")) {
      return this.send(c, "error", `Invalid post request: ${JSON.stringify({ method: "post", id, request })}`);
    }
    if (this.pendingPosts >= MAX_PENDING_POSTS) return this.send(c, "error", `too many pending post requests id=${id}`);
    this.pendingPosts++;
    try {
      const response = await this.d.post({ type: r.type, payload: r.payload });
      if (response !== null) this.send(c, "post", { id, response });
    } finally {
      this.pendingPosts--;
    }
  }

  private eachSub(type: string, f: (c: Conn, s: Subscription) => void): void {
    for (const c of this.conns) for (const s of c.subs.values()) if (s.type === type) f(c, s);
  }

  /** Fill frames are where duplicated or reordered delivery is injected. */
  private sendFills(c: Conn, channel: string, data: unknown): void {
    const frame = JSON.stringify({ channel, data });
    const mode = this.d.faults.takeFills();
    if (mode === "duplicate") {
      this.d.faults.counts.fillFramesDuplicated++;
      this.raw(c, channel, frame);
      this.raw(c, channel, frame);
      return;
    }
    if (mode === "reorder" && c.heldFills === null) {
      this.d.faults.counts.fillFramesReordered++;
      // Held until the next fills frame overtakes it (or a second passes).
      c.heldFills = { frame, timer: setTimeout(() => this.releaseHeld(c, channel), 1_000) };
      return;
    }
    this.raw(c, channel, frame);
    this.releaseHeld(c, channel);
  }

  private releaseHeld(c: Conn, channel: string): void {
    const h = c.heldFills;
    if (h === null) return;
    clearTimeout(h.timer);
    c.heldFills = null;
    this.raw(c, channel, h.frame);
  }

  private send(c: Conn, channel: string, data: unknown): void {
    this.raw(c, channel, JSON.stringify(data === undefined ? { channel } : { channel, data }));
  }

  private raw(c: Conn, channel: string, frame: string): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (this.d.faults.stalled(channel, this.d.wallNow())) {
      this.d.faults.counts.framesStalled++;
      return;
    }
    this.counts.framesOut++;
    c.ws.send(this.d.faults.takeMalformed(channel) ? malform(frame) : frame);
  }
}

function channelOf(s: Subscription): string {
  return s.type === "userEvents" ? "user" : s.type;
}
