import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { batchModifyAction, modifyAction, updateLeverageAction } from "../../../shared/venues/hyperliquid/actions";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, hip4Slice, info, must, order } from "./helpers";

const BTC = 0;
const ETH = 1;
const SPEED = 0.001;
let sim: Simulator;

// The real BTC+ETH recording, held still: its first books (2025-09-04 19:46:56.253) show
// BTC 109755.0 / 109756.0 and ETH 4268.9 / 4269.0 at the touch.
beforeAll(async () => {
  sim = await startSimulator({ recordings: ["btc-eth-2025-09-04"], speed: SPEED, loop: false });
  sim.control.advance((1757015216253 - sim.recordings[0]!.start) / SPEED);
});
afterAll(() => sim.close());

const gtc = (asset: number, isBuy: boolean, price: string, size: string, extra: { cloid?: string; reduceOnly?: boolean; tif?: "Gtc" | "Ioc" | "Alo" } = {}) =>
  order({
    asset,
    isBuy,
    price,
    size,
    type: { limit: { tif: extra.tif ?? "Gtc" } },
    ...(extra.cloid ? { cloid: extra.cloid } : {}),
    ...(extra.reduceOnly ? { reduceOnly: true } : {}),
  });
const statuses = async (action: unknown): Promise<unknown[]> =>
  ((await exchange(sim, PAPER_AGENT_KEY, action)).body as { response: { data: { statuses: unknown[] } } }).response.data.statuses;

describe("price and size rules, with the venue's refusal texts", () => {
  it("refuses more than 5 significant figures, too many decimals and sizes off the lot", async () => {
    expect(await statuses(gtc(BTC, true, "109755.5", "0.01"))).toEqual([{ error: "Price must be divisible by tick size. asset=0" }]);
    expect(await statuses(gtc(ETH, true, "4268.95", "1"))).toEqual([{ error: "Price must be divisible by tick size. asset=1" }]);
    expect(await statuses(gtc(ETH, true, "426.895", "1"))).toEqual([{ error: "Order has invalid price. asset=1" }]);
    expect(await statuses(gtc(BTC, true, "109000", "0.000001"))).toEqual([{ error: "Order has invalid size. asset=0" }]);
  });

  it("outcomes: 5 decimals at most, whole shares, at least 10 of the quote token", async () => {
    const o = await startSimulator({ recordings: [hip4Slice()], speed: SPEED, loop: false, alignExpiry: false });
    try {
      const yes = 100_000_150;
      const send = async (price: string, size: string) =>
        ((await exchange(o, PAPER_AGENT_KEY, gtc(yes, true, price, size))).body as { response: { data: { statuses: unknown[] } } }).response.data.statuses;
      expect(await send("0.123456", "100")).toEqual([{ error: `Order has invalid price. asset=${yes}` }]);
      expect(await send("0.9", "11.5")).toEqual([{ error: `Order has invalid size. asset=${yes}` }]);
      expect(await send("0.9", "11")).toEqual([{ error: `Order must have minimum value of 10 USDC. asset=${yes}` }]);
      expect(await send("0.9", "12")).toMatchObject([{ resting: {} }]);
    } finally {
      await o.close();
    }
  });
});

describe("perps", () => {
  it("charges the tier-0 taker fee and opens the position with cross margin", async () => {
    const fills = await statuses(gtc(BTC, true, "110000", "0.01", { tif: "Ioc" }));
    expect(fills).toMatchObject([{ filled: { totalSz: "0.01", avgPx: "109756.0" } }]);
    const last = ((await info(sim, { type: "userFills", user: PAPER_ACCOUNT })).body as Record<string, unknown>[])[0];
    // 0.01 × 109756 = 1097.56 USDC at 0.045 %.
    expect(last).toMatchObject({ coin: "BTC", px: "109756.0", sz: "0.01", side: "B", dir: "Open Long", startPosition: "0.0", fee: "0.493902", crossed: true });
    const ch = (await info(sim, { type: "clearinghouseState", user: PAPER_ACCOUNT })).body;
    expect(ch).toMatchObject({ assetPositions: [{ position: { coin: "BTC", szi: "0.01", entryPx: "109756.0", leverage: { value: 20 } } }] });
  });

  it("refuses reduce-only orders that would grow or flip the position", async () => {
    expect(await statuses(gtc(BTC, true, "109000", "0.01", { reduceOnly: true }))).toEqual([{ error: "Reduce only order would increase position. asset=0" }]);
    expect(await statuses(gtc(BTC, false, "110000", "0.02", { reduceOnly: true }))).toEqual([{ error: "Reduce only order would increase position. asset=0" }]);
    expect(await statuses(gtc(BTC, false, "110000", "0.01", { reduceOnly: true }))).toMatchObject([{ resting: {} }]);
  });

  it("refuses what the margin cannot carry, and leverage beyond the asset's maximum", async () => {
    expect(await statuses(gtc(BTC, true, "100000", "30"))).toEqual([{ error: "Insufficient margin to place order. asset=0" }]);
    expect((await exchange(sim, PAPER_AGENT_KEY, must(updateLeverageAction({ asset: BTC, isCross: true, leverage: 51 })))).body).toEqual({
      status: "err",
      response: "Invalid leverage value",
    });
    expect((await exchange(sim, PAPER_AGENT_KEY, must(updateLeverageAction({ asset: ETH, isCross: true, leverage: 5 })))).body).toEqual({
      status: "ok",
      response: { type: "default" },
    });
  });
});

describe("modify and batchModify", () => {
  it("modify cancels the order and places the new one under a new oid", async () => {
    const cloid = "0x000000000000000000000000000f0001";
    const [placed] = (await statuses(gtc(ETH, true, "4200", "1", { cloid }))) as { resting: { oid: number } }[];
    const r = await exchange(sim, PAPER_AGENT_KEY, must(modifyAction({ oid: cloid, order: { asset: ETH, isBuy: true, price: "4210", size: "1", type: { limit: { tif: "Gtc" } }, cloid } })));
    expect(r.body).toEqual({ status: "ok", response: { type: "default" } });
    const open = (await info(sim, { type: "openOrders", user: PAPER_ACCOUNT })).body as { oid: number; limitPx: string; cloid?: string }[];
    const now = open.find((o) => o.cloid === cloid);
    expect(now?.limitPx).toBe("4210.0");
    expect(now?.oid).not.toBe(placed!.resting.oid);
    expect((await info(sim, { type: "orderStatus", user: PAPER_ACCOUNT, oid: placed!.resting.oid })).body).toMatchObject({ order: { status: "canceled" } });
    const again = await exchange(sim, PAPER_AGENT_KEY, must(modifyAction({ oid: placed!.resting.oid, order: { asset: ETH, isBuy: true, price: "4220", size: "1", type: { limit: { tif: "Gtc" } } } })));
    expect(again.body).toEqual({ status: "err", response: "Cannot modify canceled or filled order" });
  });

  it("batchModify answers one order status per modify", async () => {
    const a = (await statuses(gtc(ETH, true, "4100", "1"))) as { resting: { oid: number } }[];
    const b = (await statuses(gtc(ETH, true, "4101", "1"))) as { resting: { oid: number } }[];
    const spec = (price: string) => ({ asset: ETH, isBuy: true, price, size: "1", type: { limit: { tif: "Alo" as const } } });
    const mods = [
      { oid: a[0]!.resting.oid, order: spec("4102") },
      { oid: b[0]!.resting.oid, order: spec("4300") }, // would cross the 4269.0 ask: an ALO refuses
    ];
    const r = await statuses(must(batchModifyAction(mods)));
    expect(r).toMatchObject([{ resting: {} }, { error: "Post only order would have immediately matched, bbo was 4268.9@4269. asset=1" }]);
  });
});
