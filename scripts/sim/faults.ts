/**
 * Faults the control endpoint can inject, each one a failure a venue connector must survive
 * (SPEC §2, §9): sockets dropped without a close frame, a feed that goes silent while its
 * socket stays open, /exchange answers that are late, lost after the action ran, 5xx or 429,
 * /info answering an error status, malformed frames, and fills delivered twice or out of order.
 */
import * as z from "zod";

export const ExchangeFault = z.strictObject({
  /** delay: answer late (the action runs when the answer is sent); timeout: run the action, never answer;
   *  status: answer with an HTTP status (5xx, 429) and run the action only if `execute`. */
  mode: z.enum(["delay", "timeout", "status"]),
  ms: z.number().int().nonnegative().optional(),
  status: z.number().int().min(400).max(599).optional(),
  execute: z.boolean().optional(),
  /** How many /exchange requests (HTTP or WS post) it applies to; default 1. */
  count: z.number().int().positive().optional(),
});
export type ExchangeFault = z.infer<typeof ExchangeFault>;

/** HTTP /info answers an error status instead of its answer (a venue outage as REST clients see it). */
export const InfoFault = z.strictObject({
  /** Default 500. */
  status: z.number().int().min(400).max(599).optional(),
  /** Only these request types (allMids, l2Book, ...); all when absent. */
  types: z.array(z.string()).optional(),
  /** How many /info requests it applies to; until cleared when absent. */
  count: z.number().int().positive().optional(),
});
export type InfoFault = z.infer<typeof InfoFault>;

export const StallFault = z.strictObject({
  /** WS channels to silence (l2Book, bbo, trades, orderUpdates, userFills, user, allMids, post, pong); all when absent. */
  channels: z.array(z.string()).optional(),
  /** Wall milliseconds; until cleared when absent. */
  ms: z.number().int().positive().optional(),
});

export const MalformedFault = z.strictObject({
  channel: z.string().optional(),
  count: z.number().int().positive().optional(),
});

export const FillsFault = z.strictObject({
  mode: z.enum(["duplicate", "reorder"]),
  count: z.number().int().positive().optional(),
});

export const DropFault = z.strictObject({
  /** Only sockets subscribed to this channel; all sockets when absent. */
  channel: z.string().optional(),
});

export interface FaultCounts {
  socketsDropped: number;
  framesStalled: number;
  framesMalformed: number;
  fillFramesDuplicated: number;
  fillFramesReordered: number;
  exchangeDelayed: number;
  exchangeTimedOut: number;
  exchangeStatus: number;
  infoFailed: number;
}

export class Faults {
  exchange: (ExchangeFault & { left: number }) | null = null;
  stall: { channels: Set<string> | null; untilWall: number | null } | null = null;
  malformed: { channel: string | null; left: number } | null = null;
  fills: { mode: "duplicate" | "reorder"; left: number } | null = null;
  info: { status: number; types: Set<string> | null; left: number | null } | null = null;
  readonly counts: FaultCounts = {
    socketsDropped: 0,
    framesStalled: 0,
    framesMalformed: 0,
    fillFramesDuplicated: 0,
    fillFramesReordered: 0,
    exchangeDelayed: 0,
    exchangeTimedOut: 0,
    exchangeStatus: 0,
    infoFailed: 0,
  };

  /** The exchange fault for the next request, consuming one use. */
  takeExchange(): ExchangeFault | null {
    const f = this.exchange;
    if (f === null) return null;
    f.left--;
    if (f.left <= 0) this.exchange = null;
    return f;
  }

  /** The status an /info request of this type must fail with (consumes one use), or null. */
  takeInfo(type: string): number | null {
    const f = this.info;
    if (f === null || (f.types !== null && !f.types.has(type))) return null;
    if (f.left !== null && --f.left <= 0) this.info = null;
    this.counts.infoFailed++;
    return f.status;
  }

  stalled(channel: string, wallNow: number): boolean {
    const s = this.stall;
    if (s === null) return false;
    if (s.untilWall !== null && wallNow >= s.untilWall) {
      this.stall = null;
      return false;
    }
    return s.channels === null || s.channels.has(channel);
  }

  /** True when this frame must go out malformed (consumes one use). */
  takeMalformed(channel: string): boolean {
    const m = this.malformed;
    if (m === null || (m.channel !== null && m.channel !== channel)) return false;
    m.left--;
    if (m.left <= 0) this.malformed = null;
    this.counts.framesMalformed++;
    return true;
  }

  takeFills(): "duplicate" | "reorder" | null {
    const f = this.fills;
    if (f === null) return null;
    f.left--;
    if (f.left <= 0) this.fills = null;
    return f.mode;
  }

  resetCounts(): void {
    for (const k of Object.keys(this.counts) as (keyof FaultCounts)[]) this.counts[k] = 0;
  }

  clear(): void {
    this.exchange = null;
    this.stall = null;
    this.malformed = null;
    this.fills = null;
    this.info = null;
  }
}

/** A frame cut in half: valid UTF-8, invalid JSON, as a truncated or corrupted message arrives. */
export function malform(frame: string): string {
  return frame.slice(0, Math.max(1, Math.floor(frame.length / 2)));
}
