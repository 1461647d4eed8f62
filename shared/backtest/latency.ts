/**
 * The latency between the bot and the venue (peers.md §1.2 Nautilus latency_model, §1.9
 * hftbacktest feed and order latency): a base delay per direction plus uniform jitter drawn from
 * a seeded generator, so a run is repeatable. Each direction is one FIFO channel (a WebSocket
 * or an HTTP connection delivers in order): a message never overtakes the one sent before it.
 *
 * Defaults follow reference/hyperliquid.md §7: recorded book frames arrived ~190 ms after their
 * exchange time; the API answers after the block commits, so an order meets the book a few
 * hundred ms after it is sent and its answer takes about as long to come back.
 */

export interface LatencyConfig {
  /** Venue event -> bot (market data feed), ms. */
  feedMs: number;
  /** Bot decision -> venue (order, cancel, query), ms. */
  orderMs: number;
  /** Venue -> bot answers (acks, fills, cancel results, order updates), ms. */
  ackMs: number;
  /** Uniform extra delay in [0, jitterMs) on every message. */
  jitterMs: number;
}

export const DEFAULT_LATENCY: LatencyConfig = { feedMs: 190, orderMs: 300, ackMs: 200, jitterMs: 50 };

/** mulberry32: a small, fast 32-bit generator; the same seed always gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Channel = "feed" | "order" | "ack";

export class LatencyModel {
  private readonly random: () => number;
  private readonly last: Record<Channel, number> = { feed: -Infinity, order: -Infinity, ack: -Infinity };

  constructor(
    readonly config: LatencyConfig,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** Arrival time of a message sent at `t` on `channel` (whole ms, never before the previous one). */
  arrive(channel: Channel, t: number): number {
    const base = channel === "feed" ? this.config.feedMs : channel === "order" ? this.config.orderMs : this.config.ackMs;
    const jitter = this.config.jitterMs > 0 ? Math.floor(this.random() * this.config.jitterMs) : 0;
    const at = Math.max(this.last[channel], t + base + jitter);
    this.last[channel] = at;
    return at;
  }
}
