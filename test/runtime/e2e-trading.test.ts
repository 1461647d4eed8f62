/**
 * End to end in real workerd against the simulator over loopback (issue #5 acceptance): the
 * markets `npm start` trades are configured through the admin API; quotes rest on the
 * simulator, fills arrive, the RiskDO's positions equal the simulator's clearinghouseState and
 * spot balances after every burst of fills, and every decision a market sent is in the audit
 * log, read back through the admin API.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { START_CONFIG, START_MARKETS } from "../../scripts/start/markets";
import { admin, cleanUp, marketStatus, simGet, simOrders, simPost, until, venueLots } from "./e2e-helpers";

const IDS = START_MARKETS.map((m) => ("id" in m ? m.id : m.market));
const INSTRUMENTS = [
  { market: "hl:#150", szDecimals: 0 },
  { market: "hl:#151", szDecimals: 0 },
  { market: "hl:BTC", szDecimals: 5 },
  { market: "hl:rpl:ETH", szDecimals: 4 },
];
const WAIT_MS = 360_000;
const TEST_MS = 900_000;

interface Position {
  market: string;
  lots: number;
}

const botLots = async (): Promise<Record<string, number>> => {
  const r = await admin<Position[]>("GET", "/admin/positions");
  const out: Record<string, number> = {};
  for (const i of INSTRUMENTS) out[i.market] = r.body.find((p) => p.market === i.market)?.lots ?? 0;
  return out;
};
const simFills = async (): Promise<number> => ((await simGet<{ fills: number }[]>("/control/accounts"))[0]?.fills ?? 0);

beforeAll(async () => {
  await simPost("/control/reset");
  expect((await admin("PATCH", "/admin/config", START_CONFIG)).status).toBe(200);
  for (const m of START_MARKETS) {
    const r = await admin("POST", "/admin/markets", m);
    expect([r.status, r.body]).toMatchObject([201, { strategy: m.strategy.kind }]);
  }
});

afterAll(async () => {
  await cleanUp(IDS);
});

describe("npm start's markets, end to end", () => {
  it("connect, get whole and rest quotes on the simulator", async () => {
    for (const id of IDS) await until(`${id} synced`, () => marketStatus(id), (m) => m.feed.phase === "up" && m.feed.synced, WAIT_MS);
    await until("AS quotes rest on #150/#151", simOrders, (o) => o.some((x) => x.coin === "#150" || x.coin === "#151"), WAIT_MS, 500);
  }, TEST_MS);

  it("fills arrive, and after every burst the RiskDO's positions equal the simulator's", async () => {
    let seen = await simFills();
    for (let burst = 0; burst < 3; burst++) {
      seen = await until(`fills of burst ${burst + 1}`, simFills, (n) => n > seen, WAIT_MS, 500);
      // The burst is over once the venue's fill count stops moving; then the views must agree.
      let settled = -1;
      while (settled !== seen) {
        settled = seen;
        await new Promise((r) => setTimeout(r, 1_500));
        seen = await simFills();
      }
      const venue = await venueLots(INSTRUMENTS);
      expect(Object.values(venue).some((lots) => lots !== 0)).toBe(true);
      const bot = await until(`positions agree after burst ${burst + 1}`, botLots, (b) => JSON.stringify(b) === JSON.stringify(venue), 30_000, 250);
      expect(bot).toEqual(venue);
    }
  }, TEST_MS);

  it("every decision a market sent is in the audit log (admin API), with its inputs", async () => {
    let total = 0;
    for (const id of IDS) {
      const timings = await env.MARKET.getByName(id).timings(0, 5_000);
      const status = await marketStatus(id);
      const sent = timings.filter((t) => t.submittedAt !== null).map((t) => t.seq);
      total += sent.length;
      // The quoting market decides on every requote; OFI may not have seen a signal yet.
      if (id === "hl:#150") expect(sent.length).toBeGreaterThan(0);
      // Every emitted decision was either sent or replaced by a newer one while a submit was in flight.
      expect(timings.length).toBe(sent.length + status.submits.superseded);
      const audited = new Set<number>();
      for (const kind of ["decision", "refused"]) {
        let since = 0;
        for (;;) {
          const page = await admin<{ ts: number; body: { seq?: number; context?: unknown } }[]>("GET", `/admin/decisions?market=${encodeURIComponent(id)}&kind=${kind}&since=${since}&limit=1000`);
          expect(page.status).toBe(200);
          for (const e of page.body) {
            if (typeof e.body.seq === "number") audited.add(e.body.seq);
            if (kind === "decision") expect(e.body.context).toBeDefined();
          }
          if (page.body.length < 1_000) break;
          since = page.body.at(-1)!.ts;
        }
      }
      expect(sent.filter((seq) => !audited.has(seq))).toEqual([]);
    }
    expect(total).toBeGreaterThan(0);
  }, TEST_MS);
});
