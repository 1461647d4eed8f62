import { describe, expect, it } from "vitest";
import { decide, globalMode, modeFor } from "./decide";
import { freshState, intent, LIMITS } from "./fixtures.test-util";
import { applyFill, markToMarket } from "./transitions";
import {
  clearTrigger,
  observeDepth,
  observeLatency,
  observeLiveness,
  observeSigner,
  observeSlippage,
  observeVenue,
  resume,
  venueDisconnected,
  venueReconnected,
} from "./triggers";

const NOW = 100_000;

describe("automatic triggers", () => {
  it("latency anomaly switches to REDUCING and clears when latency is normal again", () => {
    const slow = observeLatency(freshState(), 900, LIMITS, NOW);
    expect(globalMode(slow.state)).toBe("reducing");
    expect(slow.actions).toEqual([]);
    expect(globalMode(observeLatency(slow.state, 120, LIMITS, NOW).state)).toBe("active");
  });

  it("vanishing depth halts that market and cancels its orders", () => {
    const t = observeDepth(freshState(), "hl:#20", 12, LIMITS, NOW);
    expect(modeFor(t.state, "hl:#20").mode).toBe("halted");
    expect(modeFor(t.state, "hl:BTC").mode).toBe("active");
    expect(t.actions).toEqual([{ kind: "cancel_market", market: "hl:#20", reason: "depth_vanished: depth 12.00 USD" }]);
    expect(modeFor(observeDepth(t.state, "hl:#20", 500, LIMITS, NOW).state, "hl:#20").mode).toBe("active");
  });

  it("consecutive slippage beyond the limit halts and latches; a good fill in between resets the streak", () => {
    let s = freshState();
    for (const bps of [30, 25, 5, 30, 40]) s = observeSlippage(s, bps, LIMITS, NOW).state;
    expect(globalMode(s)).toBe("active");
    const third = observeSlippage(s, 21, LIMITS, NOW);
    expect(globalMode(third.state)).toBe("halted");
    expect(third.actions[0]).toMatchObject({ kind: "cancel_all", venue: "*" });
    expect(clearTrigger(third.state, "slippage_streak", "*")).toBe(third.state);
    expect(decide(third.state, intent("hl:BTC", "buy", 1, 1_000_000), LIMITS, NOW)).toMatchObject({ limit: "slippage_streak" });
  });

  it("signer and venue errors in a row halt", () => {
    let s = freshState();
    for (let i = 0; i < 2; i++) s = observeSigner(s, false, LIMITS, NOW).state;
    s = observeSigner(s, true, LIMITS, NOW).state;
    for (let i = 0; i < 2; i++) s = observeSigner(s, false, LIMITS, NOW).state;
    expect(globalMode(s)).toBe("active");
    s = observeSigner(s, false, LIMITS, NOW).state;
    expect(globalMode(s)).toBe("halted");
    let v = freshState();
    for (let i = 0; i < 5; i++) v = observeVenue(v, false, LIMITS, NOW).state;
    expect(decide(v, intent("hl:BTC", "buy", 1, 1_000_000), LIMITS, NOW)).toMatchObject({ limit: "venue_errors" });
  });

  it("judges liveness per connection: a stale market feed halts its market, a silent private stream its venue", () => {
    const t = observeLiveness(freshState(), { marketFeeds: { "hl:BTC": NOW - 6_000, "hl:ETH": NOW - 1_000 }, privateStreams: { hl: NOW - 2_000 } }, LIMITS, NOW);
    expect(modeFor(t.state, "hl:BTC").mode).toBe("halted");
    expect(modeFor(t.state, "hl:ETH").mode).toBe("active");
    expect(t.actions).toEqual([{ kind: "cancel_market", market: "hl:BTC", reason: "stale_feed: no frame for 6000 ms" }]);
    const blind = observeLiveness(t.state, { marketFeeds: { "hl:BTC": NOW }, privateStreams: { hl: NOW - 20_000 } }, LIMITS, NOW);
    expect(modeFor(blind.state, "hl:BTC").mode).toBe("halted");
    expect(blind.state.triggers["stale_feed@hl:BTC"]).toBeUndefined();
    expect(blind.actions).toEqual([{ kind: "cancel_all", venue: "hl", reason: "private_stream_silent: no frame for 20000 ms" }]);
  });

  it("stop_on_disconnect cancels the venue's orders, optionally flattens, and halts until reconnected", () => {
    const t = venueDisconnected(freshState(), "hl", { ...LIMITS, flatten_on_disconnect: true }, NOW);
    expect(t.actions.map((a) => a.kind)).toEqual(["cancel_all", "flatten"]);
    expect(modeFor(t.state, "hl:#20").mode).toBe("halted");
    expect(modeFor(venueReconnected(t.state, "hl"), "hl:#20").mode).toBe("active");
    const off = venueDisconnected(freshState(), "hl", { ...LIMITS, stop_on_disconnect: false }, NOW);
    expect(off.actions).toEqual([]);
    expect(modeFor(off.state, "hl:#20").mode).toBe("active");
  });
});

describe("kill and resume", () => {
  const drawnDown = () => {
    const f = applyFill(freshState(10_000), { market: "hl:BTC", side: "buy", lots: 10, px: 1_000_000, feeUsd: 0 }, LIMITS, NOW);
    if (!f.ok) throw new Error("fill");
    return markToMarket(f.value.state, { "hl:BTC": 80_000 }, LIMITS, NOW).state;
  };

  it("refuses to resume while the drawdown is still beyond the limit, unless the peak is reset", () => {
    const s = drawnDown();
    expect(s.killed).toBe(true);
    expect(resume(s, { resetPeak: false }, LIMITS)).toMatchObject({ ok: false, error: { kind: "drawdown_still_breached" } });
    const r = resume(s, { resetPeak: true }, LIMITS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.killed).toBe(false);
    expect(r.value.equityPeakUsd).toBeCloseTo(9_800, 9);
    expect(decide(r.value, intent("hl:BTC", "sell", 1, 800_000), LIMITS, NOW).kind).toBe("pass");
  });

  it("clears latching triggers on resume but keeps live conditions", () => {
    let s = freshState();
    for (let i = 0; i < 3; i++) s = observeSigner(s, false, LIMITS, NOW).state;
    s = observeDepth(s, "hl:ETH", 1, LIMITS, NOW).state;
    const r = resume(s, { resetPeak: false }, LIMITS);
    if (!r.ok) throw new Error("resume");
    expect(Object.keys(r.value.triggers)).toEqual(["depth_vanished@hl:ETH"]);
    expect(r.value.streaks.signerErrors).toBe(0);
  });

  it("survives a JSON round trip (the RiskDO persists it as a value)", () => {
    const s = drawnDown();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
