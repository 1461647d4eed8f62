/**
 * The account's private streams over one VenueSocket: orderUpdates, userFills and userEvents
 * (channel "user") for the account address. Frames are parsed by the wire layer into fill and
 * order-update events; bad frames are counted, never thrown. Liveness is the socket's: it is
 * pinged every 5 s and dropped if a pong is 5 s late, so "no frame for 15 s" really means a
 * dead connection, not a quiet account. The userFills snapshot that follows every (re)subscribe
 * marks the stream whole again (Resynced); the RiskDO then reconciles before trusting it.
 */
import { VENUE_BACKOFF } from "../../shared/connection/backoff";
import type { LivenessPolicy } from "../../shared/connection/liveness";
import type { AccountEvent } from "../../shared/events";
import { PING_MESSAGE, subscribeMessage } from "../../shared/venues/hyperliquid/ws-client";
import { frameToEvents, parseWsFrame } from "../../shared/venues/hyperliquid/ws-frames";
import { VenueSocket } from "../venue-socket";

export const PRIVATE_LIVENESS: LivenessPolicy = { pingIntervalMs: 5_000, pongTimeoutMs: 5_000, connectTimeoutMs: 10_000, backoff: VENUE_BACKOFF };
/** The userFills snapshot follows the subscribe within a round trip; 10 s without it means the subscription is lost. */
const RESYNC_TIMEOUT_MS = 10_000;

export interface PrivateStreamHooks {
  onEvents(events: AccountEvent[], now: number): void;
  onDown(reason: string, now: number): void;
  onUp(now: number): void;
  /** The socket changed phase (its next deadline moved): re-arm the alarm. */
  onPhase(now: number): void;
}

export interface PrivateStreamStatus {
  phase: string;
  since: number;
  synced: boolean;
  lastFrameMs: number | null;
  frames: number;
  badFrames: number;
  events: number;
  resyncs: number;
  lastError: string | null;
}

export class PrivateStream {
  private readonly socket: VenueSocket;
  lastFrameMs: number | null = null;
  private frames = 0;
  private badFrames = 0;
  private events = 0;
  private resyncs = 0;
  private venueError: string | null = null;

  constructor(wsUrl: string, user: string, hooks: PrivateStreamHooks) {
    const subs = [
      subscribeMessage({ type: "orderUpdates", user }),
      subscribeMessage({ type: "userFills", user }),
      subscribeMessage({ type: "userEvents", user }),
    ];
    this.socket = new VenueSocket({
      url: wsUrl,
      pingMessage: PING_MESSAGE,
      policy: PRIVATE_LIVENESS,
      clock: () => Date.now(),
      random: Math.random,
      hooks: {
        onOpen: (send) => {
          for (const s of subs) send(s);
        },
        onFrame: (text, now) => this.onFrame(text, now, hooks),
        onResyncing: (reason, now) => {
          this.resyncs++;
          hooks.onDown(reason, now);
        },
        onResynced: (now) => hooks.onUp(now),
        onPhase: (now) => hooks.onPhase(now),
      },
    });
    // Quiet by nature (no stale limit); the userFills snapshot after subscribing completes a resync.
    this.socket.liveness.watch("userFills", null);
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  /**
   * Alarm work. A socket that is open but never delivered the userFills snapshot after
   * subscribing is of no use (fills may have been missed meanwhile): it is reopened.
   */
  tick(now: number): void {
    const l = this.socket.liveness.status;
    if (l.phase === "up" && !l.synced && now - l.since >= RESYNC_TIMEOUT_MS) {
      this.socket.stop();
      this.socket.start();
      return;
    }
    this.socket.tick();
  }

  nextDeadlineMs(): number | null {
    const next = this.socket.nextDeadlineMs();
    const l = this.socket.liveness.status;
    if (l.phase !== "up" || l.synced) return next;
    const resync = l.since + RESYNC_TIMEOUT_MS;
    return next === null ? resync : Math.min(next, resync);
  }

  status(): PrivateStreamStatus {
    const l = this.socket.liveness.status;
    return {
      phase: l.phase,
      since: l.since,
      synced: l.synced,
      lastFrameMs: this.lastFrameMs,
      frames: this.frames,
      badFrames: this.badFrames,
      events: this.events,
      resyncs: this.resyncs,
      lastError: this.venueError ?? this.socket.lastError,
    };
  }

  private onFrame(text: string, now: number, hooks: PrivateStreamHooks): string | null {
    this.lastFrameMs = now;
    this.frames++;
    const r = parseWsFrame(text);
    if (!r.ok) {
      this.badFrames++;
      return null;
    }
    const f = r.value;
    switch (f.channel) {
      case "pong":
        return "pong";
      case "userFills":
      case "orderUpdates":
      case "user": {
        const events = frameToEvents(f).filter((e): e is AccountEvent => e.kind === "fill" || e.kind === "orderUpdate");
        this.events += events.length;
        if (events.length > 0) hooks.onEvents(events, now);
        return f.channel;
      }
      case "error":
        this.venueError = f.data;
        return null;
      default:
        return null;
    }
  }
}
