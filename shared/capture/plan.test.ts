import { describe, expect, it } from "vitest";
import { capturePlan, MAX_CANDLES, type CaptureVars } from "./plan";

const HL = { HL_API_URL: "http://127.0.0.1:8780/" };

describe("capture plan from the CAPTURE_* vars", () => {
  it("fills the defaults: auto mode, BTC and ETH plus every listed outcome, Polymarket and Kalshi off", () => {
    const r = capturePlan(HL);
    expect(r).toEqual({
      ok: true,
      value: {
        mode: "auto",
        samples: 10,
        sampleEveryMs: 3_000,
        timeoutMs: 10_000,
        candles: { interval: "1m", lookbackMs: 3_600_000 },
        hyperliquid: { url: "http://127.0.0.1:8780", coins: ["BTC", "ETH"], outcomes: true },
        polymarket: null,
        kalshi: null,
      },
    });
  });

  it("takes coins of every kind (perp, HIP-3, spot, outcome side) and turns the other venues on by naming markets", () => {
    const r = capturePlan({
      ...HL,
      CAPTURE_MODE: "live",
      CAPTURE_COINS: " BTC, rpl:ETH ,@107,PURR/USDC,#150 ",
      CAPTURE_POLYMARKET_TOKENS: "23360939988679364027624185518382759743328544433592111535569478055890815567848",
      CAPTURE_KALSHI_TICKERS: "KXGOLD15M-26AUG101900-00,KXBTCD-25AUG0517-T114999.99",
      CAPTURE_KALSHI_URL: "https://demo-api.kalshi.co/trade-api/v2",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.hyperliquid).toEqual({ url: "http://127.0.0.1:8780", coins: ["BTC", "rpl:ETH", "@107", "PURR/USDC", "#150"], outcomes: false });
    expect(r.value.polymarket?.tokens).toHaveLength(1);
    expect(r.value.kalshi).toEqual({ url: "https://demo-api.kalshi.co/trade-api/v2", tickers: ["KXGOLD15M-26AUG101900-00", "KXBTCD-25AUG0517-T114999.99"] });
  });

  it("refuses bad values naming the var and the reason, every one at once", () => {
    const r = capturePlan({ ...HL, CAPTURE_MODE: "synthetic", CAPTURE_SAMPLES: "ten", CAPTURE_COINS: "BTC,BTC", CAPTURE_POLYMARKET_TOKENS: "0xabc" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => i.path).sort()).toEqual(["CAPTURE_COINS", "CAPTURE_MODE", "CAPTURE_POLYMARKET_TOKENS", "CAPTURE_SAMPLES"]);
  });

  it("refuses a run without a venue URL", () => {
    const r = capturePlan({});
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(["HL_API_URL"]);
  });

  it(`refuses a lookback of more candles than one answer holds (${MAX_CANDLES})`, () => {
    expect(capturePlan({ ...HL, CAPTURE_CANDLE_INTERVAL: "1m", CAPTURE_LOOKBACK_MINUTES: String(MAX_CANDLES) }).ok).toBe(true);
    const r = capturePlan({ ...HL, CAPTURE_CANDLE_INTERVAL: "1m", CAPTURE_LOOKBACK_MINUTES: String(MAX_CANDLES + 1) });
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(["CAPTURE_LOOKBACK_MINUTES"]);
  });

  it("refuses sampling that would outlast a cron invocation", () => {
    expect(capturePlan({ ...HL, CAPTURE_SAMPLES: "601" }).ok).toBe(false);
    const r = capturePlan({ ...HL, CAPTURE_SAMPLES: "61", CAPTURE_SAMPLE_EVERY_MS: "60000" });
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(["CAPTURE_SAMPLES"]);
    expect(capturePlan({ ...HL, CAPTURE_SAMPLES: "11", CAPTURE_SAMPLE_EVERY_MS: "60000" }).ok).toBe(true);
  });

  it("refuses a candle interval Kalshi does not serve, only when Kalshi is on", () => {
    expect(capturePlan({ ...HL, CAPTURE_CANDLE_INTERVAL: "5m" }).ok).toBe(true);
    const r = capturePlan({ ...HL, CAPTURE_CANDLE_INTERVAL: "5m", CAPTURE_KALSHI_TICKERS: "KXBTC15M-26APR160100-00" });
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(["CAPTURE_CANDLE_INTERVAL"]);
  });

  it("reads only the string vars of a Worker env that also holds bindings", () => {
    const env = { ...HL, CAPTURE_MODE: "live", CAPTURES: { put: () => undefined }, SAMPLES: 3 } as unknown as CaptureVars;
    const r = capturePlan(env);
    expect(r.ok && r.value.mode).toBe("live");
  });

  it("treats an empty var as unset", () => {
    const r = capturePlan({ ...HL, CAPTURE_MODE: "", CAPTURE_COINS: "  " });
    expect(r.ok && r.value.mode).toBe("auto");
    expect(r.ok && r.value.hyperliquid.coins).toEqual(["BTC", "ETH"]);
  });
});
