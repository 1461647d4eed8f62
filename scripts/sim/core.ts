/**
 * The simulator's state in one place, and the two request paths every transport shares:
 * /exchange (with the injected exchange faults and the request log) and /info.
 */
import { STATUS_CODES } from "node:http";
import type { Accounts } from "./accounts";
import type { CandleStore } from "./candles";
import type { Scheduler, SimClock } from "./clock";
import { handleExchange } from "./exchange";
import type { Faults } from "./faults";
import type { InfoServedLog } from "./info-served";
import { handleInfo } from "./info";
import type { Markets } from "./markets";
import type { NonceBook } from "./nonces";
import type { IpBudget } from "./rate-limits";
import type { Replay } from "./replay";
import type { TradeWire, Venue } from "./venue";
import type { WsHub } from "./ws-hub";

export interface RequestLogEntry {
  seq: number;
  simTime: number;
  /** Wall time the answer was ready (the request has been handled). */
  wallTime: number;
  /** Wall time the request reached the simulator, before any work or injected delay. */
  arrivedWall: number;
  transport: "http" | "ws";
  type: string;
  user: string | null;
  signer: string | null;
  nonce: number | null;
  cloids: string[];
  http: number | null;
  body: unknown;
  fault: string | null;
}

export interface SimCore {
  clock: SimClock;
  scheduler: Scheduler;
  markets: Markets;
  accounts: Accounts;
  venue: Venue;
  nonces: NonceBook;
  candles: CandleStore;
  faults: Faults;
  hub: WsHub;
  ipBudget: IpBudget;
  replays: Replay[];
  requests: RequestLogEntry[];
  /** Sequence number of the last logged request (never reset, so `since` stays meaningful). */
  requestSeq: number;
  /** HTTP /info answers as sent (info-served.ts). */
  infoServed: InfoServedLog;
  recentTrades: Map<string, TradeWire[]>;
  isMainnet: boolean;
  /** Requests by endpoint; `undecodable` = bodies answered 400/422 (not JSON, or not a known shape). */
  counts: { info: number; exchange: number; rateLimited: number; undecodable: number };
}

const LOG_KEPT = 10_000;

export interface Answer {
  http: number;
  body: unknown;
}

/** One /exchange request. null = the request ran but is never answered (injected timeout). */
export async function serveExchange(core: SimCore, raw: unknown, transport: "http" | "ws", arrivedWall = core.clock.wallNow()): Promise<Answer | null> {
  core.counts.exchange++;
  const fault = core.faults.takeExchange();
  let label: string | null = null;
  if (fault?.mode === "delay") {
    label = `delay ${fault.ms ?? 0}ms`;
    core.faults.counts.exchangeDelayed++;
    await new Promise((r) => setTimeout(r, fault.ms ?? 0));
  }
  const run = fault?.mode !== "status" || fault.execute === true;
  const outcome = run ? await handleExchange(exchangeDeps(core), raw) : null;
  if (outcome !== null) for (const coin of core.markets.tradedCoins()) core.hub.touched(coin, core.clock.now());
  if (outcome !== null && outcome.http === 422) core.counts.undecodable++;
  let answer: Answer | null = outcome === null ? null : { http: outcome.http, body: outcome.body };
  if (fault?.mode === "status") {
    const status = fault.status ?? 500;
    label = `status ${status}${run ? " (executed)" : ""}`;
    core.faults.counts.exchangeStatus++;
    answer = { http: status, body: status === 429 ? null : (STATUS_CODES[status] ?? "Error") };
  } else if (fault?.mode === "timeout") {
    label = "timeout after accepting";
    core.faults.counts.exchangeTimedOut++;
    answer = null;
  }
  log(core, {
    arrivedWall,
    transport,
    type: outcome?.type ?? typeOf(raw),
    user: outcome?.user ?? null,
    signer: outcome?.signer ?? null,
    nonce: outcome?.nonce ?? null,
    cloids: outcome?.cloids ?? [],
    http: answer?.http ?? null,
    body: answer?.body,
    fault: label,
  });
  return answer;
}

export function serveInfo(core: SimCore, raw: unknown): Answer & { type: string; items: number } {
  core.counts.info++;
  const a = handleInfo({ markets: core.markets, accounts: core.accounts, orders: core.venue.orders, candles: core.candles, now: () => core.clock.now() }, raw);
  if (a.http !== 200) core.counts.undecodable++;
  return a;
}

function exchangeDeps(core: SimCore): Parameters<typeof handleExchange>[0] {
  return {
    venue: core.venue,
    accounts: core.accounts,
    nonces: core.nonces,
    scheduler: core.scheduler,
    listener: core.hub,
    isMainnet: core.isMainnet,
    now: () => core.clock.now(),
    wallNow: () => core.clock.wallNow(),
  };
}

function log(core: SimCore, e: Omit<RequestLogEntry, "seq" | "simTime" | "wallTime">): void {
  core.requests.push({ seq: ++core.requestSeq, simTime: core.clock.now(), wallTime: core.clock.wallNow(), ...e });
  if (core.requests.length > LOG_KEPT) core.requests.splice(0, core.requests.length - LOG_KEPT);
}

function typeOf(raw: unknown): string {
  const t = (raw as { action?: { type?: unknown } } | null)?.action?.type;
  return typeof t === "string" ? t : "?";
}
