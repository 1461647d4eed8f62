/**
 * The live view for browsers (SPEC §14) and the list of configured markets. Browsers connect to
 * `/stream`; their sockets are accepted with hibernation, so the hub costs nothing while nobody
 * listens. While anyone does, one alarm every 250 ms (4 Hz) pulls the RiskDO's and every
 * MarketDO's status by RPC and broadcasts one snapshot frame (schema in README.md).
 */
import { DurableObject } from "cloudflare:workers";
import type { MarketStatus } from "../shared/runtime/market/types";
import { venueIdentity, type VenueIdentity } from "../shared/runtime/venue";
import { marketStub, riskStub } from "./stubs";
import type { Env } from "../workers/api/env";

const PERIOD_MS = 250;

export interface MarketEntry {
  id: string;
  addedAt: number;
}

export interface Overview {
  type: "snapshot";
  seq: number;
  ts: number;
  network: string;
  /** The venue the Workers talk to: simulator (paper) or Hyperliquid mainnet/testnet. */
  venue: VenueIdentity;
  /** RiskDO.status(), passed through; null when the RiskDO did not answer. */
  risk: unknown;
  markets: (MarketStatus | { id: string; error: string })[];
}

/**
 * The hub's RPC as its callers see it. (Typed stubs cannot carry `unknown` fields, and the
 * RiskDO's status is passed through uninterpreted, so callers use this view of the stub.)
 */
export interface StatusHubRpc {
  addMarket(id: string): Promise<void>;
  removeMarket(id: string): Promise<void>;
  markets(): Promise<MarketEntry[]>;
  overview(): Promise<Overview>;
  fetch(request: Request): Promise<Response>;
}

export const statusHub = (env: Env): StatusHubRpc => env.STATUS_HUB.getByName("hub") as unknown as StatusHubRpc;

export class StatusHub extends DurableObject<Env> implements Omit<StatusHubRpc, "fetch"> {
  private seq = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
    // One table, created once; Durable Object SQLite refuses PRAGMA user_version.
    void ctx.blockConcurrencyWhile(async () => {
      ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS markets (id TEXT PRIMARY KEY, added_at INTEGER NOT NULL)");
    });
  }

  async addMarket(id: string): Promise<void> {
    this.ctx.storage.sql.exec("INSERT OR IGNORE INTO markets (id, added_at) VALUES (?, ?)", id, Date.now());
  }

  async removeMarket(id: string): Promise<void> {
    this.ctx.storage.sql.exec("DELETE FROM markets WHERE id = ?", id);
  }

  async markets(): Promise<MarketEntry[]> {
    return this.ctx.storage.sql
      .exec<{ id: string; added_at: number }>("SELECT id, added_at FROM markets ORDER BY added_at, id")
      .toArray()
      .map((r) => ({ id: r.id, addedAt: r.added_at }));
  }

  /** One snapshot of everything: what /api/status serves and /stream pushes. */
  async overview(): Promise<Overview> {
    const ids = (await this.markets()).map((m) => m.id);
    const [risk, ...markets] = await Promise.all([
      (async (): Promise<unknown> => await riskStub(this.env).status())().catch(() => null),
      ...ids.map((id) =>
        marketStub(this.env, id)
          .status()
          .then((s): MarketStatus | { id: string; error: string } => s ?? { id, error: "not configured" })
          .catch((e: unknown) => ({ id, error: e instanceof Error ? e.message : String(e) })),
      ),
    ]);
    const venue = venueIdentity(this.env.HL_API_URL, this.env.HL_NETWORK);
    return { type: "snapshot", seq: ++this.seq, ts: Date.now(), network: this.env.HL_NETWORK, venue, risk, markets };
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("expected a WebSocket upgrade", { status: 426 });
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return new Response(null, { status: 101, webSocket: client });
  }

  override async alarm(): Promise<void> {
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return;
    const frame = JSON.stringify(await this.overview());
    for (const ws of sockets) {
      try {
        ws.send(frame);
      } catch {
        // A socket closing under us is gone by the next frame.
      }
    }
    await this.ctx.storage.setAlarm(Date.now() + PERIOD_MS);
  }

  override async webSocketMessage(): Promise<void> {
    // The stream is one-way; "ping" is answered by the auto-response without waking the hub.
  }

  override async webSocketClose(): Promise<void> {
    // compat >= 2026-04-07 answers the close frame itself; the alarm stops once no socket is left.
  }
}
