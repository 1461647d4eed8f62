import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { WsClient } from "./helpers";

// The HIP-4 recording holds the BTC perp as bbo only (perp__bbo__BTC.jsonl): the venue would
// still push a fast l2Book every block, so the simulator pushes one on each recorded bbo change.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ recordings: ["hip4-2026-05-10"], speed: 5, alignExpiry: false });
});
afterAll(() => sim.close());

describe("fast books of a bbo-only coin", () => {
  it("keep coming after the subscription snapshot, one level a side, and are logged as sent", async () => {
    const since = Date.now();
    const ws = await WsClient.open(sim.wsUrl);
    try {
      ws.send({ method: "subscribe", subscription: { type: "l2Book", coin: "BTC", fast: true } });
      const books = () => ws.ofChannel("l2Book") as { coin: string; time: number; levels: unknown[][]; fast?: boolean }[];
      await ws.until(() => books().length >= 4, 15_000);
      const pushed = books().slice(1);
      expect(pushed.every((b) => b.coin === "BTC" && b.fast === true && b.levels[0]!.length === 1 && b.levels[1]!.length === 1)).toBe(true);
      const times = pushed.map((b) => b.time);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const sent = sim.control.booksSent(since).filter((b) => b.coin === "BTC");
      expect(sent.map((b) => b.time)).toEqual(expect.arrayContaining(times));
      expect(sent.every((b) => b.wallSent >= since)).toBe(true);
    } finally {
      ws.close();
    }
  });
});
