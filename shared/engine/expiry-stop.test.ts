import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BookEvent } from "../events";
import { expiryStopReason, stopAtMs, VenueClock } from "./expiry-stop";
import { BOOK0, BOOK1, BTC, EXPIRY, OUTCOME, mmConfig, params } from "./fixtures.test-util";
import { MarketEngine } from "./market-engine";
import type { AccountSlice, MarketDecision, StrategySpec } from "./types";

const MM: StrategySpec = { kind: "mm", outcome: OUTCOME };
const PARITY: StrategySpec = { kind: "parity", outcome: OUTCOME, perp: BTC, strike: 80354 };

describe("VenueClock", () => {
  it("follows the largest exchange-minus-local offset and never runs behind the local clock", () => {
    const c = new VenueClock();
    expect(c.now(1_000)).toBe(1_000);
    c.observe(5_000, 1_000);
    expect(c.now(2_000)).toBe(6_000);
    // A frame that was a while in flight looks older: it does not pull the estimate back.
    c.observe(5_500, 1_800);
    expect(c.now(2_000)).toBe(6_000);
    c.observe(500, 9_000);
    expect(c.now(10_000)).toBe(14_000);
    c.observe(Number.NaN, 0);
    expect(c.offset).toBe(4_000);
  });

  it("is monotone in local time whatever frames it saw (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }))), fc.integer({ min: 0, max: 1e12 }), fc.nat(1e9), (frames, t, dt) => {
        const c = new VenueClock();
        for (const [ts, at] of frames) c.observe(ts, at);
        expect(c.now(t + dt)).toBeGreaterThanOrEqual(c.now(t));
        expect(c.now(t)).toBeGreaterThanOrEqual(t);
      }),
    );
  });
});

describe("stop before expiry", () => {
  const p = params();

  it("stops each outcome strategy at expiry − its own knob (60 s by default); OFI has no expiry", () => {
    expect(p.mm.stop_before_expiry_ms).toBe(60_000);
    expect(stopAtMs(MM, p)).toBe(EXPIRY - 60_000);
    expect(stopAtMs(PARITY, { ...p, parity: { ...p.parity, stop_before_expiry_ms: 5_000 } })).toBe(EXPIRY - 5_000);
    expect(stopAtMs({ kind: "ofi", perp: BTC }, p)).toBeNull();
  });

  it("says why from the stop time on, and nothing before it", () => {
    expect(expiryStopReason(MM, p, EXPIRY - 60_001)).toBeNull();
    expect(expiryStopReason(MM, p, EXPIRY - 60_000)).toBe("outcome expires in 60 s: stopped 60 s before expiry");
    expect(expiryStopReason(MM, p, EXPIRY + 3_000)).toBe("outcome expired 3 s ago");
    expect(expiryStopReason({ kind: "ofi", perp: BTC }, p, EXPIRY + 3_000)).toBeNull();
  });
});

describe("MarketEngine near expiry (recorded #150 books moved to the last minutes)", () => {
  const account: AccountSlice = { asOfMs: 0, equityUsd: 10_000, mode: "active", holdings: {}, liveOrders: {} };
  const at = (b: BookEvent, ts: number): BookEvent => ({ ...b, ts });
  // The local clock is two hours behind the venue's, as after the simulator's clock jumped.
  const LAG = 2 * 3_600_000;

  function quoting(venueTs: number): MarketEngine {
    // Without the reduce-only window (default 15 min), so that both legs quote up to the stop.
    const r = MarketEngine.create(mmConfig({ params: params({ mm: { reduce_only_secs: 0 } }) }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const e = r.value;
    e.onAccount(account);
    e.onEvent(at(BOOK0, venueTs - 500), venueTs - 500 - LAG);
    e.onEvent(at(BOOK1, venueTs), venueTs - LAG);
    return e;
  }

  /** The account after the decision's quotes came to rest. */
  const resting = (d: MarketDecision | null): AccountSlice => ({
    ...account,
    liveOrders: Object.fromEntries((d?.quotes ?? []).map((q, i) => [q.slot, { market: q.market, side: q.side, px: q.px, sz: q.sz, cloid: `0x${i}` }])),
  });

  it("quotes both legs 61 s before expiry, judged on the venue's clock", () => {
    const d = quoting(EXPIRY - 61_000).decide(EXPIRY - 61_000 - LAG);
    expect(d?.quotes.length).toBe(2);
    expect(d?.context.inputs.tauSecs).toBeCloseTo(61, 0);
  });

  it("pulls every quote from 60 s before expiry: one decision with none, naming the stop", () => {
    const e = quoting(EXPIRY - 61_000);
    const first = e.decide(EXPIRY - 61_000 - LAG);
    expect(first?.quotes.length).toBe(2);
    e.onAccount(resting(first));
    e.onEvent(at(BOOK1, EXPIRY - 59_000), EXPIRY - 59_000 - LAG);
    const d = e.decide(EXPIRY - 59_000 - LAG);
    expect(d).not.toBeNull();
    expect(d!.quotes).toEqual([]);
    expect(d!.orders).toEqual([]);
    expect(d!.slots).toEqual(["hl:#150:bid", "hl:#150:ask"]);
    expect(d!.context.tradable).toBe(false);
    expect(d!.context.notes).toEqual(["outcome expires in 59 s: stopped 60 s before expiry"]);
  });

  it("stays stopped on the local clock alone once it passes the stop, with no frame since", () => {
    const e = quoting(EXPIRY - 120_000);
    const first = e.decide(EXPIRY - 120_000 - LAG);
    expect(first?.quotes.length).toBe(2);
    e.onAccount(resting(first));
    // 62 s later locally, the last frame still 2 s old: the estimate moves with the local clock.
    const d = e.decide(EXPIRY - 58_000 - LAG);
    expect(d?.quotes).toEqual([]);
  });
});
