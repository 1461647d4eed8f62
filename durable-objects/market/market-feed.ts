/**
 * The market-data connection of one MarketDO: a VenueSocket subscribed to the engine's coins,
 * each frame decoded once and fed to the engine (then the owner's decide), the REST re-snapshot
 * after every (re)connect, and Resyncing/Resynced into the engine and up to the owner (which tells
 * the RiskDO). What to subscribe and what counts as a heartbeat is decided in
 * shared/runtime/market/feed.ts; reconnect, ping and watchdog in VenueSocket.
 */
import type { MarketEngine } from "../../shared/engine";
import type { PipelineEvent } from "../../shared/pipeline/market-pipeline";
import { BookClock, bookFeed, frameFeed, marketSubscriptions, restBookEvent, resyncedEvents, resyncingEvents } from "../../shared/runtime/market/feed";
import type { FeedStatus } from "../../shared/runtime/market/types";
import { frameToEvents, parseWsFrame, PING_MESSAGE, subscribeMessage } from "../../shared/venues/hyperliquid";
import { VenueSocket } from "../venue-socket";
import { postInfo } from "./venue-info";

export interface MarketFeedOptions {
  market: string;
  wsUrl: string;
  apiUrl: string;
  coins: string[];
  /** A watched book silent this long while the socket lives is a stalled feed. */
  staleMs: number;
  engine(): MarketEngine | null;
  /** Run the engine's decide after events of `coin` (exchange time `frameTs`) arrived. */
  decide(now: number, coin: string | null, frameTs: number | null): void;
  feedDown(reason: string): void;
  feedUp(): void;
  rearm(): void;
}

export class MarketFeed {
  private readonly socket: VenueSocket;
  private books = new BookClock();
  private readonly stats = { resyncs: 0, lastResyncReason: null as string | null, lastFrameAt: null as number | null, ok: 0, bad: 0 };

  constructor(private readonly o: MarketFeedOptions) {
    this.socket = new VenueSocket({
      url: o.wsUrl,
      pingMessage: PING_MESSAGE,
      clock: () => Date.now(),
      random: () => Math.random(),
      hooks: {
        onOpen: (send) => {
          for (const s of marketSubscriptions(o.coins)) send(subscribeMessage(s));
          this.resnapshot();
        },
        onFrame: (text, now) => this.onFrame(text, now),
        onResyncing: (reason, now) => {
          this.stats.resyncs++;
          this.stats.lastResyncReason = reason;
          this.feedEngine(resyncingEvents(o.coins, reason, now), now);
          o.feedDown(reason);
          o.decide(now, null, null);
        },
        onResynced: (now) => {
          this.feedEngine(resyncedEvents(o.coins, now), now);
          o.feedUp();
          o.decide(now, null, null);
        },
        onFatal: (reason) => {
          this.stats.lastResyncReason = `fatal: ${reason}`;
        },
        onPhase: () => o.rearm(),
      },
    });
    for (const coin of o.coins) this.socket.liveness.watch(bookFeed(coin), o.staleMs);
  }

  static idleStatus(coins: string[]): FeedStatus {
    return { phase: "down", synced: false, since: 0, attempt: 0, resyncs: 0, lastResyncReason: null, lastFrameAt: null, lastError: null, frames: { ok: 0, bad: 0 }, coins };
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  tick(): void {
    this.socket.tick();
  }

  nextDeadlineMs(): number | null {
    return this.socket.nextDeadlineMs();
  }

  status(): FeedStatus {
    const l = this.socket.liveness.status;
    return {
      phase: l.phase,
      synced: l.synced,
      since: l.since,
      attempt: l.attempt,
      resyncs: this.stats.resyncs,
      lastResyncReason: this.stats.lastResyncReason,
      lastFrameAt: this.stats.lastFrameAt,
      lastError: this.socket.lastError,
      frames: { ok: this.stats.ok, bad: this.stats.bad },
      coins: this.o.coins,
    };
  }

  /**
   * REST l2Book of every coin; a snapshot older than what the socket already delivered is
   * dropped. `newEngine`: the engine was rebuilt and has no book yet, so what the old one saw
   * does not count.
   */
  resnapshot(newEngine = false): void {
    if (newEngine) this.books = new BookClock();
    for (const coin of this.o.coins) {
      void postInfo(this.o.apiUrl, "l2Book", { type: "l2Book", coin }).then((r) => {
        if (!r.ok || !this.books.takeIfNewer(coin, r.value.time)) return;
        const now = Date.now();
        this.feedEngine([restBookEvent(r.value)], now);
        this.o.decide(now, coin, r.value.time);
      });
    }
  }

  private onFrame(text: string, now: number): string | null {
    const r = parseWsFrame(text);
    if (!r.ok) {
      this.stats.bad++;
      return null;
    }
    this.stats.ok++;
    this.stats.lastFrameAt = now;
    const events = frameToEvents(r.value);
    const first = events[0];
    if (first !== undefined) {
      for (const ev of events) if (ev.kind === "book") this.books.seen(ev.coin, ev.ts);
      this.feedEngine(events, now);
      this.o.decide(now, first.coin, first.ts);
    }
    return frameFeed(r.value);
  }

  private feedEngine(events: readonly (PipelineEvent | { kind: string })[], now: number): void {
    const engine = this.o.engine();
    if (engine === null) return;
    for (const ev of events) if (isPipelineEvent(ev)) engine.onEvent(ev, now);
  }
}

/** Market and connection events go to the engine; our own fills and order updates are the RiskDO's. */
function isPipelineEvent(ev: PipelineEvent | { kind: string }): ev is PipelineEvent {
  return ev.kind !== "fill" && ev.kind !== "orderUpdate";
}
