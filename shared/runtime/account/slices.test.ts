import { describe, expect, it } from "vitest";
import { BOT_DEFAULTS } from "../../config";
import { px, sz } from "../../core/units";
import { AccountEngine } from "../../engine";
import type { AccountSlice, MarketDecision } from "../../engine/types";
import type { Instrument } from "../../execution/types";
import { engineSlice, mergeSlices } from "./slices";

const YES: Instrument = { market: "hl:#150", venue: "hl", pxDecimals: 5, szDecimals: 0, payoff: "binary", group: "o15", groupSign: 1, minNotionalUsd: 10 };
const BTC: Instrument = { market: "hl:BTC", venue: "hl", pxDecimals: 1, szDecimals: 5, payoff: "linear" };
const T = 1_778_385_608_135;

function engine(): AccountEngine {
  const r = AccountEngine.create(
    { cloidPrefix: "00000000000000ab", startingCashUsd: 200_000, instruments: [YES, BTC], limits: BOT_DEFAULTS.risk, execution: BOT_DEFAULTS.execution, feedback: BOT_DEFAULTS.feedback, flattenSlippageBps: 100, retainFinishedMs: 60_000 },
    T,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const decision = (eng: string, inst: Instrument, ticks: number, lots: number): MarketDecision => ({
  engine: eng,
  seq: 1,
  ts: T,
  slots: [`${eng}:bid`],
  quotes: [{ slot: `${eng}:bid`, market: inst.market, venue: "hl", side: "buy", px: px(ticks), sz: sz(lots), tif: "Alo", tactic: "post_only", strategy: "mm", refPx: px(ticks) }],
  orders: [],
  requote: { refresh_tolerance_ticks: 0, size_tolerance: 0, min_order_age_ms: 0, urgent_ticks: 1 },
  churnPerMin: 60,
  context: { strategy: "mm", tradable: true, alpha: 0, signals: {}, regime: { liquidity: "liquid", vol: "normal", extreme: false }, fair: null, mid: null, inputs: {}, notes: [] },
});

describe("account slices", () => {
  it("one engine's slice: its instruments' holdings and only its own slots' live orders", () => {
    const e = engine();
    e.submit(decision("a:#150", YES, 92_236, 13), T);
    e.submit(decision("b:BTC", BTC, 800_000, 100), T);
    const a = engineSlice(e, ["hl:#150"], "a:#150", T, false);
    expect(a.mode).toBe("active");
    expect(Object.keys(a.liveOrders)).toEqual(["a:#150:bid"]);
    expect(a.holdings).toEqual({ "hl:#150": { posLots: 0, openBuyLots: 13, openSellLots: 0 } });
  });

  it("halted when the account is not ready, and when there is no engine", () => {
    expect(engineSlice(engine(), ["hl:#150"], "a:#150", T, true).mode).toBe("halted");
    expect(engineSlice(null, ["hl:#150"], "a:#150", T, false)).toEqual({ asOfMs: T, equityUsd: 0, mode: "halted", holdings: {}, liveOrders: {} });
  });

  it("merged slices keep every holding and live order and the most restrictive mode", () => {
    const s = (mode: AccountSlice["mode"], m: string): AccountSlice => ({ asOfMs: 0, equityUsd: 5, mode, holdings: { [m]: { posLots: 1, openBuyLots: 0, openSellLots: 0 } }, liveOrders: {} });
    expect(mergeSlices([s("active", "x"), s("reducing", "y")], 9)).toEqual({ asOfMs: 9, equityUsd: 5, mode: "reducing", holdings: { x: s("active", "x").holdings["x"], y: s("active", "y").holdings["y"] }, liveOrders: {} });
    expect(mergeSlices([], 9).mode).toBe("halted");
  });
});
