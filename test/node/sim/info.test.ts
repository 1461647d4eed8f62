import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InfoType, parseInfoResponse } from "../../../shared/venues/hyperliquid/info";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, info, order, WsClient } from "./helpers";

let sim: Simulator;

beforeAll(async () => {
  // The real HIP-4 recording, fast enough that trades print within the test.
  sim = await startSimulator({ recordings: ["hip4-2026-05-10"], speed: 20 });
  // A perp position and a resting outcome order, so account views have something to show.
  const bbo = (await info(sim, { type: "l2Book", coin: "BTC" })).body as { levels: { px: string }[][] };
  const ask = Number(bbo.levels[1]![0]!.px);
  await exchange(sim, PAPER_AGENT_KEY, order({ asset: 0, isBuy: true, price: String(Math.round(ask * 1.01)), size: "0.01", type: { limit: { tif: "Ioc" } } }));
  await exchange(sim, PAPER_AGENT_KEY, order({ asset: 100_000_150, isBuy: true, price: "0.5", size: "30", type: { limit: { tif: "Gtc" } }, cloid: "0x0000000000000000000000000000f001" }));
});
afterAll(() => sim.close());

describe("every /info type answers in the shape the project's own parsers accept", () => {
  const now = Date.now();
  const cases: [InfoType, Record<string, unknown>][] = [
    ["meta", { type: "meta" }],
    ["spotMeta", { type: "spotMeta" }],
    ["outcomeMeta", { type: "outcomeMeta" }],
    ["l2Book", { type: "l2Book", coin: "#151" }],
    ["allMids", { type: "allMids" }],
    ["openOrders", { type: "openOrders", user: PAPER_ACCOUNT }],
    ["frontendOpenOrders", { type: "frontendOpenOrders", user: PAPER_ACCOUNT }],
    ["clearinghouseState", { type: "clearinghouseState", user: PAPER_ACCOUNT }],
    ["spotClearinghouseState", { type: "spotClearinghouseState", user: PAPER_ACCOUNT }],
    ["userFills", { type: "userFills", user: PAPER_ACCOUNT }],
    ["orderStatus", { type: "orderStatus", user: PAPER_ACCOUNT, oid: "0x0000000000000000000000000000f001" }],
    ["userRateLimit", { type: "userRateLimit", user: PAPER_ACCOUNT }],
    ["candleSnapshot", { type: "candleSnapshot", req: { coin: "#150", interval: "1m", startTime: now - 3_600_000, endTime: now + 3_600_000 } }],
  ];
  for (const [type, body] of cases) {
    it(type, async () => {
      const r = await info(sim, body);
      expect(r.http).toBe(200);
      const parsed = parseInfoResponse(type, r.body);
      expect(parsed.ok ? "ok" : JSON.stringify(parsed.error)).toBe("ok");
    });
  }

  it("shows the account as the venue would", async () => {
    const ch = (await info(sim, { type: "clearinghouseState", user: PAPER_ACCOUNT })).body;
    expect(ch).toMatchObject({ assetPositions: [{ type: "oneWay", position: { coin: "BTC", szi: "0.01", leverage: { type: "cross", value: 20 }, maxLeverage: 50 } }] });
    const rl = (await info(sim, { type: "userRateLimit", user: PAPER_ACCOUNT })).body as { nRequestsCap: number; nRequestsUsed: number };
    expect(rl.nRequestsUsed).toBe(2);
    expect(rl.nRequestsCap).toBeGreaterThan(1_010_000);
    const spot = (await info(sim, { type: "spotClearinghouseState", user: PAPER_ACCOUNT })).body;
    expect(spot).toMatchObject({ balances: [{ coin: "USDC", token: 0, hold: "15.0", total: "100000.0" }] });
  });

  it("answers unknown request types with the venue's 422", async () => {
    expect(await info(sim, { type: "nope" })).toEqual({ http: 422, body: "Failed to deserialize the JSON body into the target type" });
    const notJson = await fetch(`${sim.url}/info`, { method: "POST", body: "{not json" });
    expect([notJson.status, await notJson.text()]).toEqual([400, "Failed to parse the request body as JSON"]);
    expect((sim.control.state()["requests"] as { undecodable: number }).undecodable).toBe(2);
  });

  it("builds candles from the replayed trades", async () => {
    const c = await WsClient.open(sim.wsUrl);
    c.send({ method: "subscribe", subscription: { type: "trades", coin: "#150" } });
    await c.until(() => c.ofChannel("trades").flat().length > 0, 30_000);
    c.close();
    const body = (await info(sim, { type: "candleSnapshot", req: { coin: "#150", interval: "1m", startTime: 0, endTime: Date.now() + 86_400_000 } })).body as {
      n: number;
      s: string;
      i: string;
    }[];
    expect(body.length).toBeGreaterThan(0);
    expect(body[0]).toMatchObject({ s: "#150", i: "1m" });
    expect(body.reduce((a, k) => a + k.n, 0)).toBeGreaterThan(0);
  });
});
