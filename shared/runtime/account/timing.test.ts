import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEAD_MAN, deadManAnswered, deadManDeadline, deadManStep, initialDeadMan } from "./dead-man";
import { feedLiveness } from "./feeds";
import { nextAlarmAt } from "./risk-schedule";
import { localClock, measureOffset, venueNow } from "./venue-clock";
import { RISK_DEFAULTS as RISK_LIMITS } from "../../config/risk";
import { createRiskState, observeLiveness } from "../../risk";

describe("dead man's switch", () => {
  const T = 1_778_385_600_000;

  it("arms at once when wanted, then refreshes every 10 s to venue now + 30 s", () => {
    let s = initialDeadMan();
    const first = deadManStep(s, true, 0, T);
    expect(first).toEqual({ kind: "arm", time: T + 30_000 });
    s = deadManAnswered(s, first, { kind: "ok" }, 0);
    expect(s).toMatchObject({ armedUntil: T + 30_000, arms: 1 });
    expect(deadManStep(s, true, 9_999, T + 9_999)).toEqual({ kind: "none" });
    expect(deadManDeadline(s, true, 0, T)).toBe(10_000);
    expect(deadManStep(s, true, 10_000, T + 10_000)).toEqual({ kind: "arm", time: T + 40_000 });
  });

  it("is disarmed rather than left to fire when nothing is traded (a firing counts against 10 a day)", () => {
    const armed = { ...initialDeadMan(), armedUntil: T + 30_000 };
    const step = deadManStep(armed, false, 0, T);
    expect(step).toEqual({ kind: "disarm" });
    expect(deadManAnswered(armed, step, { kind: "ok" }, 0).armedUntil).toBeNull();
    expect(deadManStep(armed, false, 0, T + 30_001)).toEqual({ kind: "none" });
    // A refused disarm is retried after the same pause as a refused arm, not on every alarm.
    const refused = deadManAnswered(armed, step, { kind: "error", message: "Too many requests" }, 0);
    expect(refused.armedUntil).toBe(T + 30_000);
    expect(deadManStep(refused, false, 59_999, T)).toEqual({ kind: "none" });
    expect(deadManStep(refused, false, 60_000, T)).toEqual({ kind: "disarm" });
    expect(deadManDeadline(initialDeadMan(), false, 0, T)).toBeNull();
  });

  it("a refusal (not enough volume) is retried after a minute; an unknown answer means not armed", () => {
    const refused = deadManAnswered(initialDeadMan(), { kind: "arm", time: T + 30_000 }, { kind: "error", message: "Cannot set scheduled cancel time until enough volume traded." }, 1_000);
    expect(refused).toMatchObject({ armedUntil: null, retryAtMs: 61_000, refusals: 1, lastError: expect.stringMatching(/volume/) });
    expect(deadManStep(refused, true, 60_999, T)).toEqual({ kind: "none" });
    expect(deadManDeadline(refused, true, 1_000, T)).toBe(61_000);
    expect(deadManStep(refused, true, 61_000, T)).toMatchObject({ kind: "arm" });
    const armed = { ...initialDeadMan(), armedUntil: T + 30_000 };
    expect(deadManAnswered(armed, { kind: "arm", time: T + 40_000 }, { kind: "unknown" }, 0).armedUntil).toBeNull();
  });

  it("property: while wanted and answered ok, the switch never lapses between refreshes", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9_000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: -5_000_000, max: 5_000_000 }), (gaps, offset) => {
        let s = initialDeadMan();
        let local = 0;
        for (const g of gaps) {
          const step = deadManStep(s, true, local, local + offset);
          s = deadManAnswered(s, step, { kind: "ok" }, local);
          expect(s.armedUntil! - (local + offset)).toBeGreaterThanOrEqual(DEAD_MAN.horizonMs - DEAD_MAN.refreshEveryMs);
          local = Math.min(local + g, deadManDeadline(s, true, local, local + offset)!);
        }
      }),
    );
  });
});

describe("venue clock", () => {
  it("takes the venue's stamp as the middle of the round trip", () => {
    const c = measureOffset(localClock(), 1_000_500, 10_000, 10_040);
    expect(c).toEqual({ offsetMs: 990_480, rttMs: 40, measuredAtMs: 10_040 });
    expect(venueNow(c, 20_000)).toBe(1_010_480);
    expect(measureOffset(c, Number.NaN, 0, 1)).toBe(c);
  });
});

describe("feed liveness", () => {
  const instrumentsOf = { "hl:#150": ["hl:#150", "hl:#151"], "hl:BTC": ["hl:BTC"] };

  it("a feed declared down halts its instruments at once; feeds up clear; the private stream's last frame counts", () => {
    const l = feedLiveness({ "hl:#150": { since: 9_000, reason: "socket dropped" } }, instrumentsOf, 4_000, 10_000, 10_000);
    expect(l).toEqual({ marketFeeds: { "hl:#150": -1_001, "hl:#151": -1_001, "hl:BTC": 10_000 }, privateStreams: { hl: 4_000 } });
    const risk = createRiskState(1_000, 0, RISK_LIMITS);
    const t = observeLiveness(risk, l, RISK_LIMITS, 10_000);
    expect(Object.keys(t.state.triggers).sort()).toEqual(["stale_feed@hl:#150", "stale_feed@hl:#151"]);
    const up = observeLiveness(t.state, feedLiveness({}, instrumentsOf, 9_000, 10_000, 11_000), RISK_LIMITS, 11_000);
    expect(up.state.triggers).toEqual({});
  });

  it("a private stream silent past private_stream_silence_ms halts the venue", () => {
    const risk = createRiskState(1_000, 0, RISK_LIMITS);
    const t = observeLiveness(risk, feedLiveness({}, {}, 0, 10_000, 15_001), RISK_LIMITS, 15_001);
    expect(Object.keys(t.state.triggers)).toEqual(["private_stream_silent@venue:hl"]);
    expect(feedLiveness({}, {}, null, 10_000, 1).privateStreams).toEqual({});
  });
});

describe("alarm plan", () => {
  it("the earliest deadline, never further than 30 s, never in a busy loop", () => {
    expect(nextAlarmAt(1_000, [null, 5_000, 3_000])).toBe(3_000);
    expect(nextAlarmAt(1_000, [null])).toBe(31_000);
    expect(nextAlarmAt(1_000, [0])).toBe(1_050);
  });
});
