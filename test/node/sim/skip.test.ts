import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BookEvent } from "../../../shared/events";
import { loadRecording } from "../../../scripts/sim/recordings";
import { type Simulator, startSimulator } from "../../../scripts/sim/simulator";
import { info } from "./helpers";

// npm start begins 12 minutes into its recordings; the skipped stretch is played at once.
const SKIP_MS = 720_000;
const SPEED = 0.001;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ recordings: ["hip4-2026-05-10"], speed: SPEED, skipMs: SKIP_MS, loop: false });
});
afterAll(() => sim.close());

describe("skipMs: a replay that starts into its recording", () => {
  it("serves the book the recording showed at that point, and brings the outcome's expiry that much closer", async () => {
    const rec = loadRecording("hip4-2026-05-10");
    const cut = rec.start + SKIP_MS;
    const last = rec.events.filter((e): e is BookEvent => e.kind === "book" && e.coin === "#150" && e.ts <= cut).at(-1)!;
    const served = (await info(sim, { type: "l2Book", coin: "#150" })).body as { levels: { px: string; sz: string }[][] };
    const norm = (px: string) => String(Number(px));
    expect(served.levels[0]!.slice(0, 5).map((l) => [norm(l.px), norm(l.sz)])).toEqual(last.bids.slice(0, 5).map((l) => [norm(l.px), norm(l.sz)]));
    expect(served.levels[1]!.slice(0, 5).map((l) => [norm(l.px), norm(l.sz)])).toEqual(last.asks.slice(0, 5).map((l) => [norm(l.px), norm(l.sz)]));
    const state = sim.control.state() as { simTime: number; outcomes: { expiryMs: number }[]; replays: { played: number }[] };
    const recordedExpiry = Date.UTC(2026, 4, 10, 6, 0);
    expect(state.outcomes[0]!.expiryMs - state.simTime).toBeLessThanOrEqual((recordedExpiry - cut) / SPEED + 60_000);
    expect(state.replays[0]!.played).toBe(rec.events.filter((e) => e.ts <= cut).length);
  });

  it("refuses a negative skip", async () => {
    await expect(startSimulator({ recordings: ["hip4-2026-05-10"], skipMs: -1 })).rejects.toThrow(/skipMs/);
  });
});
