import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleCancelAction } from "../../../shared/venues/hyperliquid/actions";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, info, must, nextNonce, order, postJson, WsClient } from "./helpers";

const BTC = 0;
const ETH = 1;
const SPEED = 0.001;
let sim: Simulator;

// The real BTC+ETH recording held almost still at its first books (BTC 109755.0 / 109756.0,
// ETH 4268.9 / 4269.0 at the touch), as in orders.test.ts.
beforeAll(async () => {
  sim = await startSimulator({ recordings: ["btc-eth-2025-09-04"], speed: SPEED, loop: false });
  sim.control.advance((1757015216253 - sim.recordings[0]!.start) / SPEED);
});
afterAll(() => sim.close());

const statuses = async (action: unknown, nonce?: number): Promise<unknown> => {
  const r = await exchange(sim, PAPER_AGENT_KEY, action, nonce === undefined ? {} : { nonce });
  return (r.body as { response?: { data?: { statuses?: unknown[] } } }).response?.data?.statuses ?? r.body;
};
const control = (path: string, body: unknown = {}) => postJson(`${sim.url}/control/${path}`, body);
const book = async (coin: string): Promise<{ px: string; sz: string }[][]> => ((await info(sim, { type: "l2Book", coin })).body as { levels: { px: string; sz: string }[][] }).levels;

describe("POST /control/reset", () => {
  it("puts orders, fills, positions, balances, nonces, budgets, faults and the request log back to the start; the replay keeps going", async () => {
    const before = { btc: await book("BTC"), eth: await book("ETH") };
    const nonce = nextNonce();
    expect(await statuses(order({ asset: BTC, isBuy: true, price: "110000", size: "0.01", type: { limit: { tif: "Ioc" } } }), nonce)).toMatchObject([{ filled: { totalSz: "0.01" } }]);
    expect(await statuses(order({ asset: ETH, isBuy: true, price: "4268.8", size: "1", type: { limit: { tif: "Gtc" } }, cloid: "0x00000000000000000000000000c0ffee" }))).toMatchObject([
      { resting: {} },
    ]);
    const simNow = sim.control.state()["simTime"] as number;
    expect((await exchange(sim, PAPER_AGENT_KEY, must(scheduleCancelAction(simNow + 60_000)))).body).toEqual({ status: "ok", response: { type: "default" } });
    await control("faults/stall", { channels: ["l2Book"] });

    const account = sim.control.accounts()[0]!;
    expect(account["positions"]).toMatchObject({ BTC: { szi: "0.01" } });
    expect(account["scheduledCancel"]).toBe(simNow + 60_000);
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toHaveLength(1);
    expect((await book("ETH"))[0]).not.toEqual(before.eth[0]);
    const lastSeq = sim.control.requests().at(-1)!.seq;
    // The duplicate is refused before the reset...
    expect(await statuses(order({ asset: BTC, isBuy: true, price: "100000", size: "0.01", type: { limit: { tif: "Gtc" } } }), nonce)).toEqual({
      status: "err",
      response: `Invalid nonce: duplicate nonce ${nonce}`,
    });

    expect(await control("reset")).toEqual({ http: 200, body: { ok: true, result: { ordersCancelled: 1, accounts: 1 } } });

    const after = sim.control.accounts()[0]!;
    expect(after).toMatchObject({ perpUsdc: "100000.0", spotUsdc: "100000.0", positions: {}, holdings: {}, fills: 0, requestsUsed: 0, scheduledCancel: null });
    expect(sim.control.openOrders()).toEqual([]);
    expect((await info(sim, { type: "openOrders", user: PAPER_ACCOUNT })).body).toEqual([]);
    expect((await info(sim, { type: "userFills", user: PAPER_ACCOUNT })).body).toEqual([]);
    expect((await info(sim, { type: "clearinghouseState", user: PAPER_ACCOUNT })).body).toMatchObject({ assetPositions: [], marginSummary: { accountValue: "100000.0" } });
    expect((await info(sim, { type: "orderStatus", user: PAPER_ACCOUNT, oid: "0x00000000000000000000000000c0ffee" })).body).toEqual({ status: "unknownOid" });
    // Our bid left the matching engine with the registry; the recorded book is untouched.
    expect(await book("ETH")).toEqual(before.eth);
    expect((await book("BTC"))[0]).toEqual(before.btc[0]);
    expect(sim.control.state()["faults"]).toMatchObject({ framesStalled: 0 });
    expect(sim.control.requests()).toEqual([]);

    // ...and accepted after it; the log's sequence numbers keep counting up.
    expect(await statuses(order({ asset: ETH, isBuy: true, price: "4000", size: "1", type: { limit: { tif: "Gtc" } } }), nonce)).toMatchObject([{ resting: {} }]);
    expect(sim.control.requests()[0]!.seq).toBe(lastSeq + 2);
    const replay = sim.control.state()["replays"] as { played: number }[];
    sim.control.advance(5_000 / SPEED);
    expect((sim.control.state()["replays"] as { played: number }[])[0]!.played).toBeGreaterThan(replay[0]!.played);
  });

  it("lifts an active stall: subscribed feeds flow again", async () => {
    await control("faults/stall", {});
    await control("reset");
    expect(sim.control.state()["faults"]).toMatchObject({ framesStalled: 0 });
    const ws = await WsClient.open(sim.wsUrl);
    try {
      ws.send({ method: "subscribe", subscription: { type: "l2Book", coin: "BTC", fast: true } });
      await ws.until(() => ws.ofChannel("l2Book").length > 0);
    } finally {
      ws.close();
    }
  });
});
