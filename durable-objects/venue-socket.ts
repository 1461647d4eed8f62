/**
 * One outbound venue WebSocket owned by a Durable Object: open (fetch + Upgrade, so handshake
 * headers are possible for venues that need them), receive, ping, watchdog, reconnect with
 * jittered backoff. Written once for every venue and owner (MarketDO feeds, RiskDO's private
 * streams); the decisions live in shared/connection/liveness.ts, this class only does the I/O.
 *
 * The owner calls `tick()` from its alarm and arms the alarm at `nextDeadlineMs()` (capped at
 * 30 s so the object stays alive: outbound sockets never hibernate and only keep a DO in
 * memory for a limited time).
 */
import { Liveness, type LivenessAction, type LivenessPolicy, HL_LIVENESS } from "../shared/connection/liveness";
import { classifyClose, isBenignTeardownError, isReservedCloseCode } from "../shared/connection/transport-errors";

export interface VenueSocketHooks {
  /** The socket is open: (re)send every subscription. */
  onOpen(send: (text: string) => void, now: number): void;
  /** A text frame. Returns the liveness feed it belongs to ("pong", a subscription key) or null. */
  onFrame(text: string, now: number): string | null;
  /** The view of the venue is lost (socket dropped or a feed stalled): pull quotes. */
  onResyncing(reason: string, now: number): void;
  /** Every watched feed delivered again after a (re)connect. */
  onResynced(now: number): void;
  /** The venue refused us in a way retrying will not fix. */
  onFatal?(reason: string, now: number): void;
  /** The connection changed phase (connecting, open, closed): `nextDeadlineMs()` may have moved, re-arm the alarm. */
  onPhase?(now: number): void;
}

export interface VenueSocketOptions {
  /** ws:// or wss:// URL of the venue's socket. */
  url: string;
  pingMessage: string;
  headers?: Record<string, string>;
  policy?: LivenessPolicy;
  clock: () => number;
  random: () => number;
  hooks: VenueSocketHooks;
}

const decoder = new TextDecoder();

export class VenueSocket {
  readonly liveness: Liveness;
  private ws: WebSocket | null = null;
  /** Bumped whenever we abandon a socket, so its late events are ignored. */
  private generation = 0;
  private closing = false;
  lastError: string | null = null;

  constructor(private readonly opts: VenueSocketOptions) {
    this.liveness = new Liveness(opts.policy ?? HL_LIVENESS, opts.random);
  }

  /** Declares that the owner wants the connection; connects now if it is down. */
  start(): void {
    this.closing = false;
    this.run(this.liveness.start(this.opts.clock()));
  }

  /** Closes for good (market disabled); no reconnect. */
  stop(): void {
    this.closing = true;
    this.liveness.stop(this.opts.clock());
    this.abandon(1000, "stopped");
  }

  /** Alarm work: reconnect, ping, pong timeout, stalled feeds. */
  tick(): void {
    if (this.closing) return;
    this.run(this.liveness.tick(this.opts.clock()));
  }

  nextDeadlineMs(): number | null {
    return this.closing ? null : this.liveness.nextDeadlineMs();
  }

  get open(): boolean {
    return this.ws !== null && this.liveness.status.phase === "up";
  }

  /** Sends a text frame; false when there is no open socket (the caller decides what that means). */
  send(text: string): boolean {
    const ws = this.ws;
    if (ws === null || this.liveness.status.phase !== "up") return false;
    try {
      ws.send(text);
      this.liveness.sent(this.opts.clock());
      return true;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  private run(actions: LivenessAction[]): void {
    if (actions.length === 0) return;
    for (const a of actions) {
      switch (a.kind) {
        case "connect":
          void this.connect();
          break;
        case "ping":
          this.send(this.opts.pingMessage);
          break;
        case "drop":
          this.abandon(1000, a.reason);
          break;
        case "resyncing":
          this.opts.hooks.onResyncing(a.reason, this.opts.clock());
          break;
        case "resynced":
          this.opts.hooks.onResynced(this.opts.clock());
          break;
      }
    }
    this.opts.hooks.onPhase?.(this.opts.clock());
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    this.abandonSocketOnly();
    let ws: WebSocket | null = null;
    try {
      const httpUrl = this.opts.url.replace(/^ws(s?):\/\//, "http$1://");
      const resp = await fetch(httpUrl, { headers: { ...this.opts.headers, Upgrade: "websocket" } });
      ws = resp.webSocket;
      if (ws === null) throw new Error(`upgrade refused: HTTP ${resp.status}`);
      ws.accept();
    } catch (e) {
      if (gen !== this.generation) return;
      this.lastError = e instanceof Error ? e.message : String(e);
      this.run(this.liveness.closed(this.opts.clock(), `connect failed: ${this.lastError}`));
      this.opts.hooks.onPhase?.(this.opts.clock());
      return;
    }
    if (gen !== this.generation || this.closing) {
      ws.close(1000, "superseded");
      return;
    }
    ws.binaryType = "arraybuffer";
    this.ws = ws;
    ws.addEventListener("message", (e) => {
      if (gen !== this.generation) return;
      const now = this.opts.clock();
      const text = typeof e.data === "string" ? e.data : decoder.decode(e.data as ArrayBuffer);
      this.run(this.liveness.received(now, this.opts.hooks.onFrame(text, now)));
    });
    ws.addEventListener("close", (e) => {
      if (gen !== this.generation) return;
      this.ws = null;
      const cls = classifyClose(e.code, e.reason, this.closing);
      if (cls.kind === "fatal") {
        this.closing = true;
        this.opts.hooks.onFatal?.(cls.reason, this.opts.clock());
      }
      const reason = cls.kind === "normal" ? "closed" : cls.reason;
      this.run(this.liveness.closed(this.opts.clock(), reason));
      if (cls.kind === "fatal") this.liveness.stop(this.opts.clock());
      this.opts.hooks.onPhase?.(this.opts.clock());
    });
    ws.addEventListener("error", (e) => {
      if (gen !== this.generation) return;
      const msg = (e as ErrorEvent).message ?? "socket error";
      if (isBenignTeardownError(msg)) return;
      this.lastError = msg;
    });
    const now = this.opts.clock();
    this.liveness.opened(now);
    this.opts.hooks.onOpen((t) => void this.send(t), now);
    this.opts.hooks.onPhase?.(now);
  }

  /** Drops the current socket and ignores its late events. */
  private abandon(code: number, reason: string): void {
    this.generation++;
    this.abandonSocketOnly(code, reason);
  }

  private abandonSocketOnly(code = 1000, reason = "reconnecting"): void {
    const ws = this.ws;
    this.ws = null;
    if (ws === null) return;
    try {
      if (!isReservedCloseCode(code)) ws.close(code, reason.slice(0, 120));
    } catch {
      // Closing a socket that is already going away is teardown noise.
    }
  }
}
