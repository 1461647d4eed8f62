/**
 * Shared by the market-side runtime tests (market-*, e2e-*): the admin API as an operator calls
 * it (through the api Worker, bearer token), the simulator's control surface and account views,
 * waiting without timing thresholds (poll until true, generous limits), and the cleanup every
 * file ends with (markets disabled, every alarm deleted: alarms outlive a test in the pool).
 */
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { afterAll, beforeAll, expect, inject } from "vitest";

export const sim = () => inject("sim");
const TOKEN = "test-admin-token";

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export async function admin<T = unknown>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const res = await exports.default.fetch(`http://local${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function simPost(path: string, body: unknown = {}): Promise<unknown> {
  const res = await fetch(`${sim().url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.json();
}

export async function simGet<T = unknown>(path: string): Promise<T> {
  return (await (await fetch(`${sim().url}${path}`)).json()) as T;
}

export interface SimOrder {
  oid: number;
  coin: string;
  cloid: string | null;
  side: "A" | "B";
  limitPx: string;
  remaining: number;
  status: string;
}

export const simOrders = (): Promise<SimOrder[]> => simGet<SimOrder[]>(`/control/orders?user=${sim().account}`);

/** Polls `probe` until it returns a value `ok` accepts; throws with the last value after `ms`. */
export async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 45_000, everyMs = 250): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (ok(last)) return last;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms; last ${JSON.stringify(last).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface FeedView {
  phase: string;
  synced: boolean;
  resyncs: number;
  lastResyncReason: string | null;
}
export interface MarketView {
  id: string;
  enabled: boolean;
  tradable: boolean;
  decisions: number;
  lastDecisionSeq: number;
  feed: FeedView;
  submits: { sent: number; failed: number; superseded: number; lastError: string | null };
}

export const marketStatus = async (id: string): Promise<MarketView> => {
  const r = await admin<{ status: MarketView }>("GET", `/admin/markets/${encodeURIComponent(id)}`);
  return r.body.status;
};

/** Signed lots the simulator holds for the paper account, by instrument market ("hl:#150": +<enc> balance; perps: szi on their dex). */
export async function venueLots(markets: readonly { market: string; szDecimals: number }[]): Promise<Record<string, number>> {
  const user = sim().account;
  const spot = (await simPost("/info", { type: "spotClearinghouseState", user })) as { balances: { coin: string; total: string }[] };
  const out: Record<string, number> = {};
  for (const m of markets) {
    const coin = m.market.slice(3);
    let text: string | undefined;
    if (coin.startsWith("#")) text = spot.balances.find((b) => b.coin === `+${coin.slice(1)}`)?.total;
    else {
      const dex = coin.includes(":") ? coin.slice(0, coin.indexOf(":")) : "";
      const ch = (await simPost("/info", { type: "clearinghouseState", user, dex })) as { assetPositions: { position: { coin: string; szi: string } }[] };
      text = ch.assetPositions.find((p) => p.position.coin === coin)?.position.szi;
    }
    out[m.market] = Math.round(Number(text ?? "0") * 10 ** m.szDecimals);
  }
  return out;
}

/** Disables the markets and deletes every alarm the file's objects scheduled. */
export async function cleanUp(marketIds: readonly string[]): Promise<void> {
  for (const id of marketIds) await admin("POST", `/admin/markets/${encodeURIComponent(id)}/disable`);
  const stubs = [...marketIds.map((id) => env.MARKET.getByName(id)), env.RISK.getByName("risk"), env.STATUS_HUB.getByName("hub")] as DurableObjectStub[];
  for (const stub of stubs) await runInDurableObject(stub, (_, state) => state.storage.deleteAlarm());
}

/**
 * The file's setup when it needs one quoting market on a fresh venue: the simulator reset, an mm
 * market configured and its feed synced before the tests, cleaned up after them.
 */
export function withSyncedMmMarket(id: string): void {
  beforeAll(async () => {
    await simPost("/control/reset");
    expect((await admin("POST", "/admin/markets", { market: id, strategy: { kind: "mm" } })).status).toBe(201);
    await until("feed synced", () => marketStatus(id), (m) => m.feed.synced);
  });
  afterAll(async () => {
    await cleanUp([id]);
  });
}
