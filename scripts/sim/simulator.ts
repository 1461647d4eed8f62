/**
 * The local Hyperliquid venue simulator, in process: `startSimulator(options)` binds
 * 127.0.0.1 (port 0 = any free port), starts the replay and returns the URLs, the control
 * object and close(). `npm run sim` (main.ts) is a thin CLI over it.
 */
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { outcomeCoin } from "../../shared/venues/hyperliquid/assets";
import { MetaResponse } from "../../shared/venues/hyperliquid/info-schemas";
import { repoPath } from "../lib/files";
import { type AccountConfig, Accounts } from "./accounts";
import { CandleStore } from "./candles";
import { Scheduler, SimClock, systemClock, type WallClock } from "./clock";
import { type Control, makeControl } from "./control";
import { type SimCore, serveExchange, serveInfo } from "./core";
import { Faults } from "./faults";
import { handleHttp } from "./http";
import { InfoServedLog } from "./info-served";
import { settleOutcome } from "./lifecycle";
import { Markets } from "./markets";
import { NonceBook } from "./nonces";
import { paperAccount } from "./paper";
import { IP_WEIGHT_PER_MINUTE, IpBudget } from "./rate-limits";
import { dexesOf } from "./dexes";
import { loadRecordingRef, type Recording, type RecordingName } from "./recordings";
import { firstExpiry, Replay } from "./replay";
import { type TradeWire, Venue, type VenueListener } from "./venue";
import { WsHub } from "./ws-hub";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The simulator only ever binds 127.0.0.1. */
  port?: number;
  /**
   * Recording names under data/hyperliquid, optionally served on a HIP-3 dex
   * (`btc-eth-2025-09-04@rpl`, dexes.ts), or recordings already built (a test's hand-cut slice).
   */
  recordings?: (RecordingName | Recording)[];
  /** Recorded seconds per sim second. */
  speed?: number;
  /** Replay again when the recording ends (a new outcome each pass); default true. */
  loop?: boolean;
  /** Sim time of the replay's start (ms); default now, moved back < 60 s so the outcome expiry falls on a whole minute. */
  start?: number;
  /**
   * Start every replay this far (recorded ms) into its recording: the skipped stretch is played
   * at once on start, so books, trades and candles stand where the recording was at that point,
   * and outcome expiries come that much sooner.
   */
  skipMs?: number;
  alignExpiry?: boolean;
  network?: "mainnet" | "testnet";
  accounts?: AccountConfig[];
  /** Close a socket whose client sent nothing for this long (the venue: 60 s). */
  idleTimeoutMs?: number;
  /** Cadence of 20-level books for non-fast subscribers and of allMids (sim ms). */
  slowBookMs?: number;
  ipWeightPerMinute?: number;
  /** Drop every socket this often, unannounced (the venue does so "periodically"). */
  disconnectEveryMs?: number;
  clock?: WallClock;
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  wsUrl: string;
  port: number;
  control: Control;
  recordings: { name: string; events: number; start: number; end: number; files: string[] }[];
  accounts: string[];
  speed: number;
  simStart: number;
  close(): Promise<void>;
}

/** Real mainnet meta (python SDK cassette, 2023-07-17), copied into data/ by the data work. */
const META_FILE = "hyperliquid/api-samples/hl_python_sdk_cassettes/response_meta.json";
const RECENT_TRADES = 10;

export async function startSimulator(o: SimulatorOptions = {}): Promise<Simulator> {
  const speed = o.speed ?? 1;
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const log = o.log ?? (() => undefined);
  const names = o.recordings ?? ["hip4-2026-05-10"];
  const recordings = await Promise.all(names.map((n) => (typeof n === "string" ? loadRecordingRef(n) : n)));
  refuseOverlaps(recordings);
  const metaRaw = JSON.parse(await readFile(repoPath("data", META_FILE), "utf8")) as { response: unknown };
  const meta = MetaResponse.parse(metaRaw.response);
  const dexes = dexesOf(recordings, meta);
  if (!dexes.ok) throw new Error(dexes.error);

  const wall = o.clock ?? systemClock;
  const skipMs = o.skipMs ?? 0;
  if (!(skipMs >= 0)) throw new RangeError(`skipMs must be >= 0, got ${skipMs}`);
  const simStart = o.start ?? alignedStart(wall.now(), recordings, speed, o.alignExpiry ?? true, skipMs);
  const clock = new SimClock(wall, simStart);
  const replayOrigin = simStart - skipMs / speed;
  const scheduler = new Scheduler(clock);
  const markets = new Markets(meta, dexes.value);
  const accounts = new Accounts();
  for (const a of o.accounts ?? [paperAccount()]) accounts.add(a);
  const faults = new Faults();
  const candles = new CandleStore();
  const recentTrades = new Map<string, TradeWire[]>();
  let core: SimCore | undefined;
  const hub = new WsHub({
    markets,
    faults,
    idleTimeoutMs: o.idleTimeoutMs ?? 60_000,
    now: () => clock.now(),
    wallNow: () => clock.wallNow(),
    post: async (r) => {
      if (core === undefined) return null;
      if (r.type === "info") {
        const a = serveInfo(core, r.payload);
        return a.http === 200 ? { type: "info", payload: { type: a.type, data: a.body } } : { type: "error", payload: String(a.body) };
      }
      const a = await serveExchange(core, r.payload, "ws");
      if (a === null) return null;
      return a.http === 200 ? { type: "action", payload: a.body } : { type: "error", payload: `${a.http} ${typeof a.body === "string" ? a.body : JSON.stringify(a.body)}` };
    },
    recentFills: (user) => accounts.get(user)?.fills.slice(-2000).reverse() ?? [],
    recentTrades: (coin) => recentTrades.get(coin) ?? [],
  });
  const listener: VenueListener = {
    orderUpdates: (user, u) => hub.orderUpdates(user, u),
    fills: (user, f) => hub.fills(user, f),
    nonUserCancel: (user, c) => hub.nonUserCancel(user, c),
    trades: (coin, trades) => {
      const ring = recentTrades.get(coin) ?? [];
      ring.push(...trades);
      recentTrades.set(coin, ring.slice(-RECENT_TRADES));
      for (const t of trades) candles.add(coin, t.time, t.px, t.sz);
      hub.trades(coin, trades);
    },
  };
  const venue = new Venue(markets, accounts, listener);
  core = {
    clock,
    scheduler,
    markets,
    accounts,
    venue,
    nonces: new NonceBook(),
    candles,
    faults,
    hub,
    ipBudget: new IpBudget(o.ipWeightPerMinute ?? IP_WEIGHT_PER_MINUTE),
    replays: [],
    requests: [],
    requestSeq: 0,
    infoServed: new InfoServedLog(),
    recentTrades,
    isMainnet: (o.network ?? "mainnet") === "mainnet",
    counts: { info: 0, exchange: 0, rateLimited: 0, undecodable: 0 },
  };
  const control = makeControl(core);

  for (const rec of recordings) {
    const bboOnly = bboOnlyCoins(rec);
    const replay = new Replay(rec, replayOrigin, { speed, loop: o.loop ?? true, quoteToken: "USDC" }, scheduler, {
      event: (ev) => {
        venue.onMarket(ev);
        if (ev.kind === "book" || (ev.kind === "bbo" && bboOnly.has(ev.coin))) for (const c of withMirror(markets, ev.coin)) hub.bookUpdated(c, ev.ts);
        else if (ev.kind !== "mark") hub.touched(ev.coin, ev.ts);
      },
      flushed: () => undefined,
      outcomeListed: (def) => {
        markets.addOutcome(def);
        log(`outcome ${def.outcome} listed: ${def.description} (settles ${def.settleFraction === "1" ? "Yes" : def.settleFraction === "0" ? "No" : "?"})`);
      },
      outcomeExpired: (def) => {
        settleOutcome(venue, hub, def, clock.now());
        log(`outcome ${def.outcome} settled at ${new Date(clock.now()).toISOString()}: Yes = ${def.settleFraction ?? "?"}`);
      },
      log,
    });
    core.replays.push(replay);
  }
  const slowMs = o.slowBookMs ?? 2_000;
  const slow = (): void => {
    hub.slowTick(clock.now());
    scheduler.at(clock.now() + slowMs, slow);
  };
  scheduler.at(clock.now() + slowMs, slow);
  if (o.disconnectEveryMs !== undefined) {
    const every = o.disconnectEveryMs;
    const drop = (): void => {
      hub.drop();
      scheduler.at(clock.now() + every, drop);
    };
    scheduler.at(clock.now() + every, drop);
  }

  const coreRef = core;
  const server: Server = createServer((req, res) => {
    handleHttp(coreRef, control, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://127.0.0.1").pathname === "/ws") hub.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, "127.0.0.1", () => resolve());
  });
  for (const r of core.replays) r.start();
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    port,
    control,
    recordings: recordings.map((r) => ({ name: r.name, events: r.events.length, start: r.start, end: r.end, files: r.files })),
    accounts: accounts.all().map((a) => a.address),
    speed,
    simStart,
    close: async () => {
      for (const r of coreRef.replays) r.stop();
      scheduler.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Coins a recording holds only as best bid and offer (the HIP-4 recording's BTC perp). The venue
 * pushes a fast l2Book every block whether or not it changed; for these coins each recorded bbo
 * change stands in for that push (a 1-level book), so a subscriber's book feed keeps its
 * heartbeat (liveness is judged on it) instead of going quiet after the first snapshot.
 */
function bboOnlyCoins(rec: Recording): Set<string> {
  const books = new Set<string>();
  const bbos = new Set<string>();
  for (const ev of rec.events) {
    if (ev.kind === "book") books.add(ev.coin);
    else if (ev.kind === "bbo") bbos.add(ev.coin);
  }
  return new Set([...bbos].filter((c) => !books.has(c)));
}

/** The primary coin and, for an outcome, its mirrored leg (both books change together). */
function withMirror(markets: Markets, coin: string): string[] {
  const o = markets.market(coin)?.asset.outcome;
  return o === undefined ? [coin] : [coin, outcomeCoin({ outcome: o.outcome, side: o.side === 0 ? 1 : 0 })];
}

/**
 * Now, moved back by less than a minute so that the first outcome's shifted expiry falls on a
 * whole minute: the description's YYYYMMDD-HHMM then names the exact settlement instant.
 * The events of that first < 60 s of sim time are played at once on start.
 */
function alignedStart(now: number, recs: readonly Recording[], speed: number, align: boolean, skipMs: number): number {
  if (!align) return now;
  for (const r of recs) {
    const e = firstExpiry(r);
    if (e === null) continue;
    const expirySim = now + (e - r.start - skipMs) / speed;
    return Math.floor(now - (((expirySim % 60_000) + 60_000) % 60_000));
  }
  return now;
}

function refuseOverlaps(recs: readonly Recording[]): void {
  const owner = new Map<string, string>();
  for (const r of recs) {
    for (const ev of r.events) {
      const prev = owner.get(ev.coin);
      if (prev !== undefined && prev !== r.name) throw new Error(`recordings ${prev} and ${r.name} both hold ${ev.coin}; replay one of them`);
      owner.set(ev.coin, r.name);
    }
  }
}
