/**
 * Liveness of one outbound venue connection, written once for every venue (SPEC §2, §10).
 *
 * Liveness is judged on the connection, never on how quiet a market is:
 * - the socket is alive while application pings are answered (HL closes a socket that has
 *   not heard from the client for 60 s, so we ping well inside that);
 * - a subscription is alive while its venue heartbeat arrives. Hyperliquid's l2Book is a
 *   snapshot stream pushed every block-ish interval whether or not the book changed (the
 *   recorded HIP-4 books never went quiet for more than 0.76 s over two hours of a thin
 *   market; the BTC archive hour never more than 2.8 s), so a subscription silent for many
 *   intervals is a stalled feed even though the socket may still answer pings.
 * Quiet-by-nature feeds (trades, bbo, private streams) are registered without a stale limit.
 *
 * The owner (a Durable Object) feeds events in with explicit times and executes the returned
 * actions; `nextDeadlineMs()` tells it when to set its alarm.
 */
import { backoffDelayMs, type BackoffPolicy, VENUE_BACKOFF } from "./backoff";

export interface LivenessPolicy {
  /** Send a ping when nothing was sent for this long. */
  pingIntervalMs: number;
  /** A ping unanswered for this long means the socket is dead. */
  pongTimeoutMs: number;
  /** Handshake plus first frame must complete within this. */
  connectTimeoutMs: number;
  backoff: BackoffPolicy;
}

export const HL_LIVENESS: LivenessPolicy = {
  pingIntervalMs: 20_000,
  pongTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  backoff: VENUE_BACKOFF,
};

export type LivenessAction =
  | { kind: "connect" }
  | { kind: "ping" }
  | { kind: "drop"; reason: string } // close the socket and reconnect
  | { kind: "resyncing"; reason: string } // market view lost: pull quotes
  | { kind: "resynced" }; // every stale-limited feed delivered since the (re)connect

type Phase = "down" | "connecting" | "up";

interface Feed {
  staleMs: number | null;
  lastAt: number | null; // null until the first frame after (re)subscribing
}

export class Liveness {
  private phase: Phase = "down";
  private phaseSince = 0;
  private attempt = 0;
  private retryAt: number | null = null;
  private lastSentAt = 0;
  private pingSentAt: number | null = null;
  private synced = false;
  private readonly feeds = new Map<string, Feed>();

  constructor(
    private readonly policy: LivenessPolicy = HL_LIVENESS,
    private readonly random: () => number,
  ) {}

  /** A feed the view depends on; `staleMs` null for feeds that may legitimately be silent. */
  watch(feed: string, staleMs: number | null): void {
    this.feeds.set(feed, { staleMs, lastAt: null });
  }

  unwatch(feed: string): void {
    this.feeds.delete(feed);
  }

  get status(): { phase: Phase; since: number; attempt: number; synced: boolean } {
    return { phase: this.phase, since: this.phaseSince, attempt: this.attempt, synced: this.synced };
  }

  /** Call once when the owner wants the connection; returns the first actions. */
  start(now: number): LivenessAction[] {
    if (this.phase !== "down" || this.retryAt !== null) return [];
    return this.beginConnect(now);
  }

  opened(now: number): void {
    this.phase = "up";
    this.phaseSince = now;
    this.lastSentAt = now;
    this.pingSentAt = null;
    for (const f of this.feeds.values()) f.lastAt = null;
  }

  sent(now: number): void {
    this.lastSentAt = now;
  }

  /** A frame arrived: `feed` names the subscription it belongs to, "pong" for pongs. */
  received(now: number, feed: string | null): LivenessAction[] {
    if (this.phase !== "up") return [];
    if (feed === "pong") {
      this.pingSentAt = null;
      return [];
    }
    if (feed === null) return [];
    const f = this.feeds.get(feed);
    if (f === undefined) return [];
    f.lastAt = now;
    if (!this.synced && this.allFeedsDelivered()) {
      this.synced = true;
      this.attempt = 0;
      return [{ kind: "resynced" }];
    }
    return [];
  }

  /** The socket closed or failed (for any reason): schedule the reconnect. */
  closed(now: number, reason: string): LivenessAction[] {
    if (this.phase === "down") return []; // already handled (we dropped it ourselves)
    const wasSynced = this.synced;
    this.phase = "down";
    this.phaseSince = now;
    this.synced = false;
    this.pingSentAt = null;
    this.attempt += 1;
    this.retryAt = now + backoffDelayMs(this.attempt, this.policy.backoff, this.random);
    return wasSynced ? [{ kind: "resyncing", reason }] : [];
  }

  /** The owner no longer wants the connection (market disabled). */
  stop(now: number): void {
    this.phase = "down";
    this.phaseSince = now;
    this.synced = false;
    this.retryAt = null;
    this.attempt = 0;
  }

  /** Timer work: reconnects, pings, pong timeouts, stalled feeds. Idempotent. */
  tick(now: number): LivenessAction[] {
    if (this.phase === "down") {
      if (this.retryAt !== null && now >= this.retryAt) return this.beginConnect(now);
      return [];
    }
    if (this.phase === "connecting") {
      if (now - this.phaseSince >= this.policy.connectTimeoutMs) return this.fail(now, "connect timeout");
      return [];
    }
    if (this.pingSentAt !== null && now - this.pingSentAt >= this.policy.pongTimeoutMs) {
      return this.fail(now, `no pong for ${now - this.pingSentAt} ms`);
    }
    const stalled = this.stalledFeed(now);
    if (stalled !== null) return this.fail(now, stalled);
    if (this.pingSentAt === null && now - this.lastSentAt >= this.policy.pingIntervalMs) {
      this.pingSentAt = now;
      this.lastSentAt = now;
      return [{ kind: "ping" }];
    }
    return [];
  }

  /** The earliest time `tick` has something to do, for the owner's alarm. */
  nextDeadlineMs(): number | null {
    if (this.phase === "down") return this.retryAt;
    if (this.phase === "connecting") return this.phaseSince + this.policy.connectTimeoutMs;
    let next = this.pingSentAt !== null ? this.pingSentAt + this.policy.pongTimeoutMs : this.lastSentAt + this.policy.pingIntervalMs;
    for (const f of this.feeds.values()) {
      if (f.staleMs === null) continue;
      next = Math.min(next, (f.lastAt ?? this.phaseSince) + f.staleMs);
    }
    return next;
  }

  private beginConnect(now: number): LivenessAction[] {
    this.phase = "connecting";
    this.phaseSince = now;
    this.retryAt = null;
    return [{ kind: "connect" }];
  }

  /** A live socket that is no longer trustworthy: drop it, then reconnect with backoff. */
  private fail(now: number, reason: string): LivenessAction[] {
    return [{ kind: "drop", reason }, ...this.closed(now, reason)];
  }

  private allFeedsDelivered(): boolean {
    for (const f of this.feeds.values()) if (f.staleMs !== null && f.lastAt === null) return false;
    return true;
  }

  private stalledFeed(now: number): string | null {
    for (const [name, f] of this.feeds) {
      if (f.staleMs === null) continue;
      const last = f.lastAt ?? this.phaseSince;
      if (now - last >= f.staleMs) return `feed ${name} silent for ${now - last} ms`;
    }
    return null;
  }
}
