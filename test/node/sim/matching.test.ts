import { afterEach, describe, expect, it } from "vitest";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, info, order, SLICE_T0, WsClient } from "./helpers";

const YES = 100_000_150;
// Replayed at 1/1000 speed: one recorded millisecond is one sim second, so the real time a test
// takes never reaches the next recorded event; tests move the clock with control.advance.
const SPEED = 0.001;
let sim: Simulator;
let ws: WsClient | undefined;

async function start(): Promise<WsClient> {
  sim = await startSimulator({ recordings: [hip4Slice()], speed: SPEED, loop: false, alignExpiry: false });
  ws = await WsClient.open(sim.wsUrl);
  for (const type of ["userFills", "orderUpdates"]) ws.send({ method: "subscribe", subscription: { type, user: PAPER_ACCOUNT } });
  ws.send({ method: "subscribe", subscription: { type: "trades", coin: "#150" } });
  await ws.until(() => ws!.ofChannel("subscriptionResponse").length === 3);
  return ws;
}

afterEach(async () => {
  ws?.close();
  await sim.close();
});

/** Moves sim time to the recorded instant `recorded` (plus whatever real time already passed). */
let advanced = 0;
function advanceTo(recorded: number): void {
  const target = (recorded - SLICE_T0) / SPEED;
  sim.control.advance(target - advanced);
  advanced = target;
}

const ahead = (cloid: string): unknown => sim.control.openOrders(PAPER_ACCOUNT).find((o) => o["cloid"] === cloid)?.["queueAhead"];
const statusOf = async (cloid: string): Promise<unknown> =>
  ((await info(sim, { type: "orderStatus", user: PAPER_ACCOUNT, oid: cloid })).body as { order?: { status: string } }).order?.status;
const fillsOf = (c: WsClient): { px: string; sz: string; crossed: boolean; cloid?: string }[] =>
  (c.ofChannel("userFills") as { isSnapshot?: boolean; fills: { px: string; sz: string; crossed: boolean; cloid?: string }[] }[])
    .filter((f) => f.isSnapshot !== true)
    .flatMap((f) => f.fills);

describe("ALO", () => {
  it("that would cross is rejected with the venue's text and the bbo it met", async () => {
    const c = await start();
    advanced = 0;
    const cloid = "0x000000000000000000000000000a1001";
    const r = await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.9555", size: "20", type: { limit: { tif: "Alo" } }, cloid }));
    expect(r.body).toEqual({
      status: "ok",
      response: {
        type: "order",
        data: { statuses: [{ error: `Post only order would have immediately matched, bbo was 0.95236@0.9555. asset=${YES}` }] },
      },
    });
    expect(await statusOf(cloid)).toBe("badAloPxRejected");
    await c.until(() => (c.ofChannel("orderUpdates") as { status: string; order: { cloid?: string } }[][]).flat().some((u) => u.order.cloid === cloid && u.status === "badAloPxRejected"));
  });

  it("resting behind displayed size fills only after that size traded or was cancelled", async () => {
    const c = await start();
    advanced = 0;
    const cloid = "0x000000000000000000000000000a1002";
    const r = await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.95234", size: "11", type: { limit: { tif: "Alo" } }, cloid }));
    expect(r.body).toMatchObject({ response: { data: { statuses: [{ resting: { cloid } }] } } });
    expect(ahead(cloid)).toBe(105);
    // The served book shows our order at its level, behind the recorded 105.
    const book = (await info(sim, { type: "l2Book", coin: "#150" })).body as { levels: { px: string; sz: string; n: number }[][] };
    expect(book.levels[0]![1]).toEqual({ px: "0.95234", sz: "116.0", n: 2 });

    advanceTo(1778385608268); // the recorded sweep: 22 at a better price, 76 of the 105 ahead of us
    expect(ahead(cloid)).toBe(29);
    advanceTo(1778385608681); // still 29 displayed
    expect(ahead(cloid)).toBe(29);
    advanceTo(1778385609215); // the 29 were cancelled: the level is gone, we are first
    expect(ahead(cloid)).toBe(0);
    expect(fillsOf(c)).toEqual([]);
    expect(await statusOf(cloid)).toBe("open");

    advanceTo(1778385609436); // a seller prints through our price
    await c.until(() => fillsOf(c).length > 0);
    expect(fillsOf(c)).toMatchObject([{ px: "0.95234", sz: "11.0", crossed: false, cloid }]);
    await c.until(() => (c.ofChannel("orderUpdates") as { status: string }[][]).flat().some((u) => u.status === "filled"));
    expect(await statusOf(cloid)).toBe("filled");
    const spot = (await info(sim, { type: "spotClearinghouseState", user: PAPER_ACCOUNT })).body;
    expect(spot).toMatchObject({ balances: [{ coin: "USDC", total: "99989.52426" }, { coin: "+150", total: "11.0", hold: "0.0", entryNtl: "10.47574" }] });
  });
});

describe("IOC", () => {
  it("fills against the book and cancels the rest", async () => {
    const c = await start();
    const cloid = "0x000000000000000000000000000a1003";
    const r = await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.956", size: "20", type: { limit: { tif: "Ioc" } }, cloid }));
    expect(r.body).toMatchObject({ response: { data: { statuses: [{ filled: { totalSz: "13.0", avgPx: "0.9555", cloid } }] } } });
    await c.until(() => fillsOf(c).length === 1);
    expect(fillsOf(c)).toMatchObject([{ px: "0.9555", sz: "13.0", crossed: true }]);
    // The rest was cancelled, not left resting.
    expect(await statusOf(cloid)).toBe("canceled");
    expect(sim.control.openOrders(PAPER_ACCOUNT)).toEqual([]);
    // Our take printed on the public tape and left the book.
    await c.until(() => c.ofChannel("trades").flat().length > 0);
    expect(c.ofChannel("trades").flat()).toMatchObject([{ coin: "#150", side: "B", px: "0.9555", sz: "13.0", users: [PAPER_ACCOUNT, `0x${"0".repeat(40)}`] }]);
    const book = (await info(sim, { type: "l2Book", coin: "#150" })).body as { levels: { px: string }[][] };
    expect(book.levels[1]![0]!.px).toBe("0.957");
  });

  it("that cannot match is rejected with the venue's text", async () => {
    await start();
    const cloid = "0x000000000000000000000000000a1004";
    const r = await exchange(sim, PAPER_AGENT_KEY, order({ asset: YES, isBuy: true, price: "0.95", size: "20", type: { limit: { tif: "Ioc" } }, cloid }));
    expect(r.body).toMatchObject({
      response: { data: { statuses: [{ error: `Order could not immediately match against any resting orders. asset=${YES}` }] } },
    });
    expect(await statusOf(cloid)).toBe("iocCancelRejected");
  });
});
