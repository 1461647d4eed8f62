/**
 * The control surface: fault injection and read-only views, as a programmatic object and as
 * JSON over HTTP under /control/ (POST to act, GET to read):
 *   POST /control/faults/drop       {channel?}                    sockets terminated, no close frame
 *   POST /control/faults/stall      {channels?, ms?}              frames withheld, sockets kept open
 *   POST /control/faults/exchange   {mode, ms?, status?, execute?, count?}
 *   POST /control/faults/malformed  {channel?, count?}            next frames cut in half
 *   POST /control/faults/fills      {mode: duplicate|reorder, count?}
 *   POST /control/faults/info       {status?, types?, count?}     HTTP /info answers an error status
 *   POST /control/faults/clear
 *   POST /control/clock/advance     {ms}                          sim time jumps, due work runs
 *   POST /control/accounts          {address, agents?, perpUsdc?, spotUsdc?, cumVlm?}
 *   POST /control/reset             orders, accounts, nonces, budgets, faults, request log (reset.ts)
 *   GET  /control/state | /control/orders[?user=] | /control/accounts | /control/requests[?since=]
 *   GET  /control/books-sent[?since=<wall ms>]                 fast l2Book frames pushed (coin, time, wallSent)
 *   GET  /control/info-served[?since=<seq>]                    HTTP /info answers as sent (info-served.ts)
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import { formatScaled } from "../../shared/core/decimal";
import { type AccountConfig } from "./accounts";
import type { RequestLogEntry, SimCore } from "./core";
import { DropFault, type ExchangeFault, ExchangeFault as ExchangeFaultSchema, FillsFault, InfoFault, MalformedFault, StallFault } from "./faults";
import type { InfoServed } from "./info-served";
import { readBody, sendJson } from "./http-util";
import type { BookSent } from "./ws-hub";
import { type ResetSummary, resetVenue } from "./reset";
import { usdc } from "./wire-format";

export interface Control {
  dropSockets(channel?: string): number;
  stall(opts?: { channels?: string[]; ms?: number }): void;
  exchangeFault(f: ExchangeFault): void;
  malformed(opts?: { channel?: string; count?: number }): void;
  fills(opts: { mode: "duplicate" | "reorder"; count?: number }): void;
  infoFault(f: InfoFault): void;
  clearFaults(): void;
  advance(ms: number): void;
  addAccount(c: AccountConfig): void;
  reset(): ResetSummary;
  state(): Record<string, unknown>;
  openOrders(user?: string): Record<string, unknown>[];
  accounts(): Record<string, unknown>[];
  requests(since?: number): RequestLogEntry[];
  booksSent(sinceWall?: number): readonly BookSent[];
  infoServed(sinceSeq?: number): InfoServed[];
}

export function makeControl(core: SimCore): Control {
  return {
    dropSockets: (channel) => core.hub.drop(channel),
    stall: (o = {}) => {
      core.faults.stall = { channels: o.channels === undefined ? null : new Set(o.channels), untilWall: o.ms === undefined ? null : core.clock.wallNow() + o.ms };
    },
    exchangeFault: (f) => {
      core.faults.exchange = { ...f, left: f.count ?? 1 };
    },
    malformed: (o = {}) => {
      core.faults.malformed = { channel: o.channel ?? null, left: o.count ?? 1 };
    },
    fills: (o) => {
      core.faults.fills = { mode: o.mode, left: o.count ?? 1 };
    },
    infoFault: (f) => {
      core.faults.info = { status: f.status ?? 500, types: f.types === undefined ? null : new Set(f.types), left: f.count ?? null };
    },
    clearFaults: () => core.faults.clear(),
    advance: (ms) => core.scheduler.advance(ms),
    addAccount: (c) => void core.accounts.add(c),
    reset: () => resetVenue(core),
    state: () => ({
      simTime: core.clock.now(),
      wallTime: core.clock.wallNow(),
      connections: core.hub.connections(),
      subscriptions: core.hub.subscriptionCount(),
      ws: core.hub.counts,
      requests: core.counts,
      faults: core.faults.counts,
      replays: core.replays.map((r) => ({ name: r.rec.name, played: r.played, ...r.position() })),
      outcomes: core.markets.liveOutcomes().map((o) => ({ outcome: o.outcome, description: o.description, expiryMs: o.expiryMs, settleFraction: o.settleFraction })),
    }),
    openOrders: (user) =>
      (user === undefined ? core.venue.orders.allOpen() : core.venue.orders.open(user.toLowerCase())).map((r) => ({
        ...r,
        queueAhead: core.markets.engineFor(r.coin)?.order(r.oid)?.ahead ?? null,
      })),
    accounts: () =>
      core.accounts.all().map((a) => ({
        address: a.address,
        agents: [...a.agents.keys()],
        perpUsdc: usdc(a.perpUsdc),
        spotUsdc: usdc(a.spotUsdc),
        cumVlm: usdc(a.cumVlm),
        positions: Object.fromEntries([...a.positions].map(([c, p]) => [c, { szi: formatScaled(p.szi, core.markets.market(c)?.szDecimals ?? 0), entryNtl: usdc(p.entryNtl) }])),
        holdings: Object.fromEntries([...a.holdings].map(([t, h]) => [t, { total: String(h.szi), entryNtl: usdc(h.entryNtl) }])),
        fills: a.fills.length,
        requestsUsed: a.budget.used,
        scheduledCancel: a.deadMan?.at ?? null,
      })),
    requests: (since = 0) => core.requests.filter((r) => r.seq > since),
    booksSent: (sinceWall = 0) => core.hub.booksSent(sinceWall),
    infoServed: (sinceSeq = 0) => core.infoServed.since(sinceSeq),
  };
}

const Advance = z.strictObject({ ms: z.number().int().positive() });
const NewAccount = z.strictObject({
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  agents: z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/)).optional(),
  perpUsdc: z.string().regex(/^\d+(\.\d{1,6})?$/).optional(),
  spotUsdc: z.string().regex(/^\d+(\.\d{1,6})?$/).optional(),
  cumVlm: z.string().regex(/^\d+(\.\d{1,6})?$/).optional(),
});

export async function handleControl(c: Control, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = url.pathname.slice("/control".length);
  if (req.method === "GET") {
    if (path === "/state") return sendJson(res, 200, c.state());
    if (path === "/orders") return sendJson(res, 200, c.openOrders(url.searchParams.get("user") ?? undefined));
    if (path === "/accounts") return sendJson(res, 200, c.accounts());
    if (path === "/requests") return sendJson(res, 200, c.requests(Number(url.searchParams.get("since") ?? 0)));
    if (path === "/books-sent") return sendJson(res, 200, c.booksSent(Number(url.searchParams.get("since") ?? 0)));
    if (path === "/info-served") return sendJson(res, 200, c.infoServed(Number(url.searchParams.get("since") ?? 0)));
    return sendJson(res, 404, { error: `no control view ${path}` });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "use GET or POST" });
  let body: unknown = {};
  const text = await readBody(req);
  if (text.trim().length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: "body is not JSON" });
    }
  }
  const act = <T>(schema: z.ZodType<T>, f: (v: T) => unknown): void => {
    const r = schema.safeParse(body);
    if (!r.success) return sendJson(res, 400, { error: z.prettifyError(r.error) });
    sendJson(res, 200, { ok: true, result: f(r.data) ?? null });
  };
  switch (path) {
    case "/faults/drop":
      return act(DropFault, (v) => c.dropSockets(v.channel));
    case "/faults/stall":
      return act(StallFault, (v) => c.stall(v));
    case "/faults/exchange":
      return act(ExchangeFaultSchema, (v) => c.exchangeFault(v));
    case "/faults/malformed":
      return act(MalformedFault, (v) => c.malformed(v));
    case "/faults/fills":
      return act(FillsFault, (v) => c.fills(v));
    case "/faults/info":
      return act(InfoFault, (v) => c.infoFault(v));
    case "/faults/clear":
      return act(z.object({}), () => c.clearFaults());
    case "/clock/advance":
      return act(Advance, (v) => c.advance(v.ms));
    case "/accounts":
      return act(NewAccount, (v) => c.addAccount(v));
    case "/reset":
      return act(z.object({}), () => c.reset());
    default:
      return sendJson(res, 404, { error: `no control action ${path}` });
  }
}
