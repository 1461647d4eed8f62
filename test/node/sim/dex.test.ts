import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInfoResponse } from "../../../shared/venues/hyperliquid/info";
import type { MetaResponse, PerpDexsResponse } from "../../../shared/venues/hyperliquid/info-schemas";
import { buildUniverse, resolveAsset } from "../../../shared/venues/hyperliquid/universe";
import { parseRecordingRef } from "../../../scripts/sim/dexes";
import { PAPER_ACCOUNT, PAPER_AGENT_KEY } from "../../../scripts/sim/paper";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { exchange, info, must, order, WsClient } from "./helpers";

// What `npm start` serves: the HIP-4 outcome recording (with its 2026 BTC perp, ~80k) on the
// first dex, and the 2025-09-04 BTC+ETH recording (BTC ~110k) as the builder dex "rpl".
// The BTC+ETH recording opens with 9 s of the trades snapshot before its first book, so the
// replay runs at 10x until both rpl books exist.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04@rpl"], speed: 10 });
  for (let i = 0; i < 100; i++) {
    const books = await Promise.all(["rpl:BTC", "rpl:ETH", "BTC"].map((coin) => body<{ levels: unknown[][] }>({ type: "l2Book", coin })));
    if (books.every((b) => b.levels[0]!.length > 0 && b.levels[1]!.length > 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("rpl books never arrived");
});
afterAll(() => sim.close());

const body = async <T>(req: unknown): Promise<T> => (await info(sim, req)).body as T;
const touch = async (coin: string): Promise<{ bid: number; ask: number }> => {
  const b = await body<{ levels: { px: string }[][] }>({ type: "l2Book", coin });
  return { bid: Number(b.levels[0]![0]!.px), ask: Number(b.levels[1]![0]!.px) };
};

describe("a recording served as a HIP-3 dex (<recording>@<dex>)", () => {
  it("refuses two recordings holding the same coin on one dex, and bad dex names", async () => {
    await expect(startSimulator({ recordings: ["hip4-2026-05-10", "btc-eth-2025-09-04"] })).rejects.toThrow(/both hold BTC/);
    expect(parseRecordingRef("btc-eth-2025-09-04@RPL").ok).toBe(false);
    expect(parseRecordingRef("btc-eth-2025-09-04@rpl")).toEqual({ ok: true, value: { recording: "btc-eth-2025-09-04", dex: "rpl" } });
    await expect(startSimulator({ recordings: ["hip4-2026-05-10@rpl"] })).rejects.toThrow(/outcomes/);
  });

  it("lists the dex in perpDexs and its coins in meta {dex}, with the first dex's size decimals", async () => {
    const dexes = await body<PerpDexsResponse>({ type: "perpDexs" });
    expect(parseInfoResponse("perpDexs", dexes).ok).toBe(true);
    expect(dexes).toMatchObject([null, { name: "rpl", fullName: "replay of 2025-09-04" }]);
    const main = await body<MetaResponse>({ type: "meta" });
    const rpl = await body<MetaResponse>({ type: "meta", dex: "rpl" });
    expect(parseInfoResponse("meta", rpl).ok).toBe(true);
    expect(main.universe.slice(0, 2).map((p) => p.name)).toEqual(["BTC", "ETH"]);
    expect(rpl.universe).toEqual([
      { name: "rpl:BTC", szDecimals: main.universe[0]!.szDecimals, maxLeverage: main.universe[0]!.maxLeverage },
      { name: "rpl:ETH", szDecimals: main.universe[1]!.szDecimals, maxLeverage: main.universe[1]!.maxLeverage },
    ]);
    expect(await body<unknown>({ type: "meta", dex: "nope" })).toBeNull();
    // The project's own universe builder gives the asset ids the venue's rule gives: 110000 + index.
    const u = must(buildUniverse({ meta: main, hip3: { perpDexs: dexes, metas: { rpl } } }));
    expect(must(resolveAsset(u, "rpl:BTC")).assetId).toBe(110_000);
    expect(must(resolveAsset(u, "rpl:ETH")).assetId).toBe(110_001);
    expect(must(resolveAsset(u, "BTC")).assetId).toBe(0);
  });

  it("streams rpl:ETH books of 2025 beside the main-dex BTC of 2026", async () => {
    const ws = await WsClient.open(sim.wsUrl);
    try {
      for (const coin of ["rpl:ETH", "rpl:BTC", "BTC"]) ws.send({ method: "subscribe", subscription: { type: "l2Book", coin, fast: true } });
      const books = () => ws.ofChannel("l2Book") as { coin: string; levels: { px: string }[][] }[];
      await ws.until(() => new Set(books().map((b) => b.coin)).size === 3, 10_000);
      const mid = (coin: string): number => {
        const b = books().find((x) => x.coin === coin)!;
        return (Number(b.levels[0]![0]!.px) + Number(b.levels[1]![0]!.px)) / 2;
      };
      expect(mid("rpl:ETH")).toBeGreaterThan(4_000);
      expect(mid("rpl:ETH")).toBeLessThan(5_000);
      expect(mid("rpl:BTC")).toBeGreaterThan(105_000);
      expect(mid("BTC")).toBeLessThan(90_000);
    } finally {
      ws.close();
    }
    const mids = await body<Record<string, string>>({ type: "allMids", dex: "rpl" });
    expect(Object.keys(mids).sort()).toEqual(["rpl:BTC", "rpl:ETH"]);
    expect(Object.keys(await body<Record<string, string>>({ type: "allMids" }))).not.toContain("rpl:ETH");
  });

  it("trades asset 110001 as rpl:ETH; positions and open orders are shown per dex", async () => {
    const { bid, ask } = await touch("rpl:ETH");
    const take = await exchange(sim, PAPER_AGENT_KEY, order({ asset: 110_001, isBuy: true, price: (ask * 1.01).toFixed(1), size: "0.01", type: { limit: { tif: "Ioc" } } }));
    expect(take.body).toMatchObject({ status: "ok", response: { data: { statuses: [{ filled: { totalSz: "0.01" } }] } } });
    const rest = await exchange(
      sim,
      PAPER_AGENT_KEY,
      order({ asset: 110_001, isBuy: true, price: (bid * 0.9).toFixed(1), size: "0.01", type: { limit: { tif: "Alo" } }, cloid: "0x000000000000000000000000000d0001" }),
    );
    expect(rest.body).toMatchObject({ status: "ok", response: { data: { statuses: [{ resting: {} }] } } });

    const fills = await body<{ coin: string }[]>({ type: "userFills", user: PAPER_ACCOUNT });
    expect(fills[0]?.coin).toBe("rpl:ETH");
    const onRpl = await body<{ assetPositions: { position: { coin: string; szi: string } }[] }>({ type: "clearinghouseState", user: PAPER_ACCOUNT, dex: "rpl" });
    expect(onRpl.assetPositions.map((p) => p.position)).toMatchObject([{ coin: "rpl:ETH", szi: "0.01" }]);
    const onMain = await body<{ assetPositions: unknown[] }>({ type: "clearinghouseState", user: PAPER_ACCOUNT });
    expect(onMain.assetPositions).toEqual([]);
    expect(await body<{ coin: string }[]>({ type: "openOrders", user: PAPER_ACCOUNT, dex: "rpl" })).toMatchObject([{ coin: "rpl:ETH", cloid: "0x000000000000000000000000000d0001" }]);
    expect(await body<unknown[]>({ type: "openOrders", user: PAPER_ACCOUNT })).toEqual([]);
  });
});
