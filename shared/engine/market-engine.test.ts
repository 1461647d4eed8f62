import { describe, expect, it } from "vitest";
import { pow10 } from "../core/decimal";
import type { AccountSlice } from "./types";
import { BOOK0, BOOK1, BTC, BTC_BBO, EXPIRY, OUTCOME, T0, btcPipeline, mmConfig, outcomePipeline, params } from "./fixtures.test-util";
import { MarketEngine } from "./market-engine";

const account = (over: Partial<AccountSlice> = {}): AccountSlice => ({ asOfMs: T0, equityUsd: 10_000, mode: "active", holdings: {}, liveOrders: {}, ...over });

function engine(c = mmConfig(), state?: unknown): MarketEngine {
  const r = MarketEngine.create(c, state);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The engine after the two recorded books, with an account that holds nothing. */
function warmed(c = mmConfig()): MarketEngine {
  const e = engine(c);
  e.onAccount(account());
  e.onEvent(BOOK0, T0 + 150);
  e.onEvent(BOOK1, BOOK1.ts + 150);
  return e;
}

describe("MarketEngine configuration", () => {
  it("refuses a config that does not fit its strategy, naming each field", () => {
    const bad = MarketEngine.create(mmConfig({ params: params({ mm: { tick: "0.000001" } }), pipelines: [btcPipeline()], staleFeedMs: 0 }));
    expect(bad.ok ? [] : bad.error.map((e) => e.path).sort()).toEqual(["params.mm.tick", "pipelines.0.coin", "staleFeedMs"]);
    const ofi = MarketEngine.create(mmConfig({ id: "hl:BTC", strategy: { kind: "ofi", perp: BTC }, pipelines: [btcPipeline()] }));
    expect(ofi.ok ? [] : ofi.error.map((e) => e.path)).toEqual(["pipelines.0.leadLag"]);
    const parity = MarketEngine.create(mmConfig({ strategy: { kind: "parity", outcome: OUTCOME, perp: BTC, strike: 80354 } }));
    expect(parity.ok ? [] : parity.error.map((e) => e.path)).toEqual(["pipelines"]);
  });

  it("lists the coins it listens to and the instruments it trades", () => {
    const e = engine(mmConfig({ strategy: { kind: "parity", outcome: OUTCOME, perp: BTC, strike: 80354 }, pipelines: [outcomePipeline(), btcPipeline()] }));
    expect(e.coins()).toEqual(["#150", "BTC"]);
    expect(e.instruments().map((i) => i.market)).toEqual(["hl:#150", "hl:#151", "hl:BTC"]);
  });
});

describe("MarketEngine market making on the recorded #150 book", () => {
  it("quotes both slots post-only on the 0.0001 grid inside the model's band", () => {
    const e = warmed();
    const d = e.decide(BOOK1.ts + 150);
    expect(d).not.toBeNull();
    expect(d!.slots).toEqual(["hl:#150:bid", "hl:#150:ask"]);
    expect(d!.quotes.map((q) => [q.slot, q.market, q.side, q.tif])).toEqual([
      ["hl:#150:bid", "hl:#150", "buy", "Alo"],
      // Holding no YES, the ask is a buy of NO at 1 − ask.
      ["hl:#150:ask", "hl:#151", "buy", "Alo"],
    ]);
    for (const q of d!.quotes) expect(q.px % 10).toBe(0);
    const bidYes = d!.quotes[0]!.px / pow10(5);
    const askYes = 1 - d!.quotes[1]!.px / pow10(5);
    expect(bidYes).toBeLessThan(0.95234);
    expect(askYes).toBeGreaterThan(0.9555);
    expect(d!.context.fair).toBeGreaterThan(bidYes);
    expect(d!.context.fair).toBeLessThan(askYes);
    expect(d!.context.inputs.model).toBe("as");
    // Requote tolerances come back on the instrument grid (1 quoting tick = 10 instrument ticks).
    expect(d!.requote.refresh_tolerance_ticks).toBe(10);
  });

  it("says nothing while what rests matches, and asks again when a quote is lost", () => {
    const e = warmed();
    const d = e.decide(BOOK1.ts + 150)!;
    const live = Object.fromEntries(d.quotes.map((q, i) => [q.slot, { market: q.market, side: q.side, px: q.px, sz: q.sz, cloid: `c${i}` }]));
    e.onAccount(account({ liveOrders: live }));
    expect(e.decide(BOOK1.ts + 200)).toBeNull();
    expect(e.counters.unchanged).toBe(1);
    const { ["hl:#150:bid"]: _filled, ...rest } = live;
    e.onAccount(account({ liveOrders: rest, holdings: { "hl:#150": { posLots: 25, openBuyLots: 0, openSellLots: 0 } } }));
    const again = e.decide(BOOK1.ts + 250);
    expect(again?.seq).toBe(2);
    // Now holding 25 YES, the ask sells them.
    expect(again?.quotes.find((q) => q.slot === "hl:#150:ask")).toMatchObject({ market: "hl:#150", side: "sell" });
  });

  it("pulls every quote when the feed goes stale, on a resync and when risk halts", () => {
    const live = { "hl:#150:bid": { market: "hl:#150", side: "buy" as const, px: 95000, sz: 25, cloid: "c1" } };
    const stale = warmed();
    stale.onAccount(account({ liveOrders: live }));
    const d = stale.decide(BOOK1.ts + 10_151);
    expect(d?.quotes).toEqual([]);
    expect(d?.context.notes[0]).toMatch(/feed stale: #150/);
    const resync = warmed();
    resync.onAccount(account({ liveOrders: live }));
    resync.onEvent({ kind: "resyncing", venue: "hl", coin: "#150", ts: BOOK1.ts + 10, reason: "gap" }, BOOK1.ts + 160);
    expect(resync.decide(BOOK1.ts + 170)?.quotes).toEqual([]);
    const halted = warmed();
    halted.onAccount(account({ liveOrders: live, mode: "halted" }));
    expect(halted.decide(BOOK1.ts + 170)?.context.notes).toEqual(["risk halted"]);
    // Nothing rests and nothing is wanted: nothing to say.
    halted.onAccount(account({ mode: "halted" }));
    expect(halted.decide(BOOK1.ts + 180)).toBeNull();
  });

  it("quotes the fixed-spread baseline symmetrically around the micro-price", () => {
    const e = warmed(mmConfig({ strategy: { kind: "fixed", outcome: OUTCOME, halfSpread: 0.005 } }));
    const d = e.decide(BOOK1.ts + 150)!;
    const s = d.context.fair!;
    const bid = d.quotes[0]!.px / 1e5;
    const ask = 1 - d.quotes[1]!.px / 1e5;
    expect(s - bid).toBeGreaterThanOrEqual(0.005 - 1e-12);
    expect(s - bid).toBeLessThan(0.005 + 0.0001);
    expect(ask - s).toBeGreaterThanOrEqual(0.005 - 1e-12);
    expect(ask - s).toBeLessThan(0.005 + 0.0001);
    expect(d.context.inputs.model).toBe("fixed");
  });

  it("survives a restart: the state goes through JSON and comes back into a fresh engine", () => {
    const e = warmed();
    e.decide(BOOK1.ts + 150);
    const saved = JSON.parse(JSON.stringify(e.exportState()));
    const back = engine(mmConfig(), saved);
    // Everything but the time of the save (a fresh pipeline has seen no event yet) comes back.
    const strip = (s: ReturnType<MarketEngine["exportState"]>) => ({ ...s, pipelines: s.pipelines.map((p) => ({ ...p, savedAt: null })) });
    expect(strip(back.exportState())).toEqual(strip(e.exportState()));
    expect(back.status().lastDecisionSeq).toBe(1);
    const wrong = MarketEngine.create(mmConfig({ id: "hl:#160" }), saved);
    expect(wrong.ok ? "" : wrong.error[0]!.message).toMatch(/state is for hl:#150/);
    expect(MarketEngine.create(mmConfig(), { version: 2 }).ok).toBe(false);
  });
});

describe("MarketEngine parity on the recorded YES book and BTC perp", () => {
  it("sells the rich YES (buys NO at 1 − bid) with an IOC, sized by Kelly against the equity", () => {
    const c = mmConfig({ strategy: { kind: "parity", outcome: OUTCOME, perp: BTC, strike: 80354 }, pipelines: [outcomePipeline(), btcPipeline()] });
    const e = engine(c);
    e.onAccount(account());
    e.onEvent(BTC_BBO, BTC_BBO.ts + 150);
    e.onEvent(BOOK0, T0 + 150);
    e.onEvent(BOOK1, BOOK1.ts + 150);
    const d = e.decide(BOOK1.ts + 150)!;
    const x = d.context.inputs;
    // Two hours out with 50% vol, BTC 0.49% over the strike is worth ~0.74, far under the 0.954 mid.
    expect(x.fair as number).toBeGreaterThan(0.6);
    expect(x.fair as number).toBeLessThan(0.85);
    expect(x.signal).toBe("sell_yes");
    expect(d.orders).toHaveLength(1);
    expect(d.orders[0]).toMatchObject({ market: "hl:#151", side: "buy", tif: "Ioc", px: 1e5 - 95234, slot: "hl:#150:parity:outcome" });
    // While that order is open the slot is busy: the engine does not ask twice.
    e.onAccount(account({ liveOrders: { "hl:#150:parity:outcome": { market: "hl:#151", side: "buy", px: 4766, sz: d.orders[0]!.sz, cloid: "c1" } } }));
    expect(e.decide(BOOK1.ts + 200)).toBeNull();
    expect(EXPIRY - BOOK1.ts).toBeGreaterThan(7_000_000);
  });
});
