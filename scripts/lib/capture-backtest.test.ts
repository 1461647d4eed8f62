import { describe, expect, it } from "vitest";
import { capturePlan, decodeCapture, encodeCapture, loadCaptures, type CaptureRecord } from "../../shared/capture";
import { buildManifest } from "../../shared/capture/manifest";
import { DEFAULT_PRESET } from "./backtest-presets";
import { captureBacktest } from "./capture-backtest";
import { capturePipelines, leadLagPair, observedScales, type CaptureInput } from "./capture-input";

const planR = capturePlan({ HL_API_URL: "http://127.0.0.1:8780" });
if (!planR.ok) throw new Error("plan");
const PLAN = planR.value;

const book = (t: number, coin: string, bid: [string, string], ask: [string, string]): CaptureRecord => ({
  t,
  venue: "hl",
  type: "l2Book",
  coin,
  req: { type: "l2Book", coin },
  data: { coin, time: t, levels: [[{ px: bid[0], sz: bid[1], n: 1 }], [{ px: ask[0], sz: ask[1], n: 1 }]] },
});

function input(records: CaptureRecord[], source: "live" | "historical" = "live"): CaptureInput {
  const manifest = buildManifest({ id: `20261121T101300.000Z-${source}`, run: "20261121T101300.000Z", source, plan: PLAN, records, span: null, sources: [] });
  const l = loadCaptures([{ name: "c.jsonl", decoded: decodeCapture(encodeCapture(manifest, records)) }]);
  if (!l.ok) throw new Error(l.error);
  return { name: `capture-${manifest.id}`, files: ["c.jsonl"], loaded: l.value };
}

// Prices and sizes as the simulator serves the 2025-09-04 recording's BTC and ETH books.
const LIVE = input([
  book(1, "rpl:BTC", ["111038.0", "0.5"], ["111039.0", "1.25"]),
  book(2, "rpl:ETH", ["4301.5", "12.3456"], ["4301.6", "3.0"]),
  book(3, "#150", ["0.95236", "22.0"], ["0.9555", "13.0"]),
]);

describe("captures as backtest and replay input", () => {
  it("pairs BTC -> ETH on one dex, the first dex first", () => {
    expect(leadLagPair(["rpl:ETH", "ETH", "BTC", "rpl:BTC"])).toEqual({ lead: "BTC", lag: "ETH" });
    expect(leadLagPair(["rpl:ETH", "rpl:BTC", "BTC"])).toEqual({ lead: "rpl:BTC", lag: "rpl:ETH" });
    expect(leadLagPair(["rpl:ETH", "BTC"])).toBeUndefined();
  });

  it("takes each coin's grid from the finest captured decimals; outcome sides keep at least the HIP-4 grid", () => {
    expect(Object.fromEntries(observedScales(LIVE.loaded.events.books))).toEqual({
      "rpl:BTC": { pxDecimals: 0, szDecimals: 2 },
      "rpl:ETH": { pxDecimals: 1, szDecimals: 4 },
      "#150": { pxDecimals: 5, szDecimals: 0 },
    });
    const { markets, pair } = capturePipelines(LIVE);
    expect(pair).toEqual({ lead: "rpl:BTC", lag: "rpl:ETH" });
    expect(markets.map((m) => [m.coin, m.scale, m.leadLag?.lead ?? null, m.payout ?? null])).toEqual([
      ["rpl:BTC", { pxDecimals: 0, szDecimals: 2 }, null, null],
      ["rpl:ETH", { pxDecimals: 1, szDecimals: 4 }, "rpl:BTC", null],
      ["#150", { pxDecimals: 5, szDecimals: 0 }, null, 1],
    ]);
  });

  it("backtests ofi on the pair's books only, at the instruments' own grid", () => {
    const r = captureBacktest("ofi", LIVE, DEFAULT_PRESET);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.input.events.map((e) => e.coin)).toEqual(["rpl:BTC", "rpl:ETH"]);
    expect(r.value.setup.venue.map((v) => [v.coin, v.pxDecimals, v.szDecimals])).toEqual([["rpl:ETH", 2, 4], ["rpl:BTC", 1, 5]]);
    expect(r.value.setup.engines[0]?.id).toBe("hl:rpl:ETH");
    expect(r.value.setup.recording).toBe(LIVE.name);
  });

  it("refuses, saying why: a historical capture, a strategy set up from the HIP-4 recording, a pair it lacks or does not know", () => {
    const refusal = (r: ReturnType<typeof captureBacktest>) => (r.ok ? "" : r.error);
    expect(refusal(captureBacktest("ofi", input([], "historical"), DEFAULT_PRESET))).toMatch(/historical capture .* no trade is made up from a candle/);
    expect(refusal(captureBacktest("as", LIVE, DEFAULT_PRESET))).toMatch(/^strategy as is set up from the HIP-4 recording/);
    expect(refusal(captureBacktest("ofi", LIVE, DEFAULT_PRESET, { lead: "BTC", lag: "rpl:ETH" }))).toMatch(/holds no book of BTC/);
    expect(refusal(captureBacktest("ofi", LIVE, DEFAULT_PRESET, { lead: "rpl:BTC", lag: "#150" }))).toMatch(/no lot and tick known for #150/);
  });
});
