/**
 * Talking to the simulator the way the bot does: real fetch and real ws over loopback, actions
 * built with the project's action builders and signed with the project's signer.
 */
import WebSocket from "ws";
import type { BookEvent, MarketEvent, TradeEvent } from "../../../shared/events";
import { orderAction, type OrderSpec } from "../../../shared/venues/hyperliquid/actions";
import { exchangeRequestBody, signL1Action } from "../../../shared/venues/hyperliquid/signing";
import type { Recording } from "../../../scripts/sim/recordings";
import { recordingOf } from "../../../scripts/sim/recordings";
import type { Simulator } from "../../../scripts/sim/simulator";

let lastNonce = 0;
/** max(now, last + 1), the SDKs' nonce rule. */
export function nextNonce(): number {
  lastNonce = Math.max(Date.now(), lastNonce + 1);
  return lastNonce;
}

export interface Sent {
  http: number;
  body: unknown;
}

export async function postJson(url: string, body: unknown, signal?: AbortSignal): Promise<Sent> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain-text bodies (422) stay text.
  }
  return { http: res.status, body: parsed };
}

export function info(sim: Simulator, body: unknown): Promise<Sent> {
  return postJson(`${sim.url}/info`, body);
}

/** A signed /exchange body exactly as the bot builds one (the project's signer and body builder). */
export async function signed(key: `0x${string}`, action: unknown, opts: { nonce?: number; expiresAfter?: number } = {}): Promise<unknown> {
  const nonce = opts.nonce ?? nextNonce();
  const signature = await signL1Action({ privateKey: key, action, nonce, vaultAddress: null, expiresAfter: opts.expiresAfter ?? null, isMainnet: true });
  return exchangeRequestBody({ action, nonce, signature, ...(opts.expiresAfter !== undefined ? { expiresAfter: opts.expiresAfter } : {}) });
}

export async function exchange(sim: Simulator, key: `0x${string}`, action: unknown, opts: { nonce?: number; expiresAfter?: number; signal?: AbortSignal } = {}): Promise<Sent> {
  return postJson(`${sim.url}/exchange`, await signed(key, action, opts), opts.signal);
}

/** The value of a builder's Result (tests build only valid actions). */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

export function order(o: OrderSpec): unknown {
  const a = orderAction({ orders: [o] });
  if (!a.ok) throw new Error(JSON.stringify(a.error));
  return a.value;
}

/** A WebSocket client that keeps every frame it received. */
export class WsClient {
  readonly frames: string[] = [];
  readonly closed: Promise<{ code: number }>;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (d) => {
      this.frames.push(d.toString());
      for (const w of this.waiters) w();
    });
    this.closed = new Promise((resolve) => ws.on("close", (code) => resolve({ code })));
  }

  static async open(url: string): Promise<WsClient> {
    const ws = new WebSocket(url);
    const c = new WsClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return c;
  }

  send(msg: unknown): void {
    this.ws.send(JSON.stringify(msg));
  }

  /** Parsed JSON frames (the welcome line and malformed frames are skipped). */
  json(): { channel: string; data?: unknown }[] {
    const out: { channel: string; data?: unknown }[] = [];
    for (const f of this.frames) {
      try {
        out.push(JSON.parse(f) as { channel: string; data?: unknown });
      } catch {
        // not JSON
      }
    }
    return out;
  }

  ofChannel(channel: string): unknown[] {
    return this.json()
      .filter((f) => f.channel === channel)
      .map((f) => f.data);
  }

  /** Resolves once `pred` holds over the frames received so far; rejects after `ms`. */
  async until(pred: () => boolean, ms = 5_000): Promise<void> {
    if (pred()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`condition not met within ${ms} ms; frames: ${this.frames.slice(-5).join(" | ")}`));
      }, ms);
      const check = (): void => {
        if (!pred()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  close(): void {
    this.ws.close();
  }
}

/*
 * A hand-cut slice of the real HIP-4 recording (data/hyperliquid/hip4-2026-05-10,
 * prediction_binary__book_snapshot__H150.jsonl and prediction_binary__trade__H150.jsonl around
 * the first recorded trades), top levels only. Exchange ms.
 */
const book = (ts: number, bids: [string, string][], asks: [string, string][]): BookEvent => ({
  kind: "book",
  venue: "hl",
  coin: "#150",
  ts,
  bids: bids.map(([px, sz]) => ({ px, sz })),
  asks: asks.map(([px, sz]) => ({ px, sz })),
});
const trade = (ts: number, px: string, sz: string, side: "buy" | "sell", tid: string): TradeEvent => ({ kind: "trade", venue: "hl", coin: "#150", ts, px, sz, side, tid });

export const SLICE_T0 = 1778385608135;
export const SLICE_EVENTS: MarketEvent[] = [
  book(SLICE_T0, [["0.95236", "22"], ["0.95234", "105"], ["0.95205", "17"]], [["0.9555", "13"], ["0.957", "1338"]]),
  trade(1778385608268, "0.95236", "22", "sell", "669968902624609"),
  trade(1778385608268, "0.95234", "76", "sell", "162426204330919"),
  book(1778385608681, [["0.95234", "29"], ["0.95205", "17"], ["0.95139", "60"]], [["0.9555", "13"], ["0.9565", "230"]]),
  book(1778385609215, [["0.95232", "105"], ["0.95205", "17"], ["0.95139", "60"]], [["0.9555", "13"], ["0.957", "1338"]]),
  trade(1778385609436, "0.95227", "43", "sell", "1105569174118488"),
  // perp__mark__BTC.jsonl, exchange_ts 1778385609610053379.
  { kind: "mark", venue: "hl", coin: "BTC", ts: 1778385609610, px: "80742" },
];

/** The slice as a recording with the real outcome 15 (its recorded metadata). */
export function hip4Slice(events: MarketEvent[] = SLICE_EVENTS): Recording {
  const description = "class:priceBinary|underlying:BTC|expiry:20260510-0600|targetPrice:80354|period:1d";
  return recordingOf("hip4-slice", events, [
    { outcome: 15, name: "Recurring", sideNames: ["Yes", "No"], description, question: { id: 1000015, name: "Recurring", description } },
  ]);
}

/** Sim ms between the slice start and a recorded time, at the given speed. */
export const simMs = (recorded: number, speed: number): number => (recorded - SLICE_T0) / speed;
