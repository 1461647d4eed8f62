/**
 * The browser side of `/stream`: one WebSocket to the StatusHub, reconnected by itself with
 * exponential backoff and full jitter (a deploy resets the hub and every browser at once;
 * reference/cloudflare.md §4), and closed on purpose when it stays silent while "open" (a
 * half-dead connection never fires onclose by itself). Frames are parsed here; anything that is
 * not a snapshot is counted and dropped, never thrown.
 */
import { readSnapshot } from "./snapshot.js";

export const BACKOFF = { baseMs: 500, maxMs: 15_000 };
/** Open but silent this long (4 frames a second expected): reconnect. */
const WATCHDOG_MS = 6_000;

/** The n-th retry's delay before jitter: base·2ⁿ, capped. */
export function backoffCeiling(attempt, b = BACKOFF) {
  return Math.min(b.maxMs, b.baseMs * 2 ** Math.min(attempt, 20));
}

export class StreamClient {
  /**
   * @param {string} url ws(s)://host/stream
   * @param {(snap: object, recvAt: number) => void} onSnapshot
   * @param {() => void} onChange connection state changed
   */
  constructor(url, onSnapshot, onChange) {
    this.url = url;
    this.onSnapshot = onSnapshot;
    this.onChange = onChange;
    this.state = "connecting";
    this.attempt = 0;
    this.retryAt = null;
    this.lastRecvAt = null;
    this.badFrames = 0;
    this.connects = 0;
    this.ws = null;
    this.timer = null;
    this.watchdog = setInterval(() => this.checkSilence(), 1_000);
  }

  /** ms until the next attempt while closed, else null. */
  retryInMs(now) {
    return this.retryAt === null ? null : this.retryAt - now;
  }

  /** Connects (again); called once by the page, then by the retry timer. */
  open() {
    this.state = "connecting";
    this.retryAt = null;
    this.onChange();
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.state = "open";
      this.connects++;
      this.lastRecvAt = null;
      this.openedAt = Date.now();
      this.onChange();
    };
    ws.onmessage = (e) => {
      if (this.ws !== ws || typeof e.data !== "string" || e.data === "pong") return;
      let snap = null;
      try {
        snap = readSnapshot(JSON.parse(e.data));
      } catch {
        snap = null;
      }
      if (snap === null) {
        this.badFrames++;
        return;
      }
      // The backoff starts over only once data flows: a server that accepts and drops at once
      // must not be hammered.
      this.attempt = 0;
      this.lastRecvAt = Date.now();
      this.onSnapshot(snap, this.lastRecvAt);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.scheduleRetry();
    };
    // onerror is always followed by onclose, which does the work.
    ws.onerror = () => undefined;
  }

  scheduleRetry() {
    const delay = Math.round(Math.random() * backoffCeiling(this.attempt));
    this.attempt++;
    this.state = "closed";
    this.retryAt = Date.now() + delay;
    this.onChange();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), delay);
  }

  checkSilence() {
    if (this.state !== "open" || this.ws === null) return;
    const since = this.lastRecvAt ?? this.openedAt ?? Date.now();
    if (Date.now() - since > WATCHDOG_MS) {
      const ws = this.ws;
      this.ws = null;
      try {
        ws.close(4000, "silent");
      } catch {
        // already closing
      }
      this.scheduleRetry();
    }
  }
}
