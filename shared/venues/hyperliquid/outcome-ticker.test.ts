import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OutcomeMetaResponse } from "./info-schemas";
import { formatOutcomeTicker, parseOutcomeDescription, parseOutcomeTicker, resolveOutcomeTicker, tickerForOutcome } from "./outcome-ticker";

const binary = (outcome: number, expiry: string, period: string, target = "78213", sides = ["Yes", "No"]) => ({
  outcome,
  name: "Recurring",
  description: `class:priceBinary|underlying:BTC|expiry:${expiry}|targetPrice:${target}|period:${period}`,
  sideSpecs: sides.map((name) => ({ name })),
});

const meta: OutcomeMetaResponse = {
  outcomes: [
    binary(220, "20260503-0600", "1d"),
    binary(300, "20260503-1215", "15m", "78000"),
    binary(301, "20260503-1230", "15m", "78000"),
    binary(400, "20260504-0600", "1d", "0.5", ["No", "Yes"]),
    { outcome: 170, name: "NBA Finals Game 3", description: "Game 3", sideSpecs: [{ name: "San Antonio" }, { name: "New York" }] },
  ],
};

describe("outcome ticker", () => {
  it("parses and formats the SPEC example", () => {
    const t = parseOutcomeTicker("OUT:BTC-78213-2026-05-03-YES");
    expect(t).toEqual({ ok: true, value: { underlying: "BTC", strike: "78213", date: "2026-05-03", side: "YES" } });
    expect(t.ok && formatOutcomeTicker(t.value)).toBe("OUT:BTC-78213-2026-05-03-YES");
  });

  it("round-trips any well-formed ticker", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/),
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom<"YES" | "NO">("YES", "NO"),
        (underlying, strike, d, side) => {
          const t = { underlying, strike: String(strike), date: d.toISOString().slice(0, 10), side };
          expect(parseOutcomeTicker(formatOutcomeTicker(t))).toEqual({ ok: true, value: t });
        },
      ),
    );
  });

  it.each(["OUT:BTC-78213-2026-02-30-YES", "OUT:BTC-78213-2026-05-03-yes", "OUT:BTC-0-2026-05-03-NO", "BTC-78213-2026-05-03-YES", "OUT:BTC-78213-26-05-03-NO"])(
    "refuses %s",
    (s) => expect(parseOutcomeTicker(s)).toMatchObject({ ok: false, error: { kind: "badTicker" } }),
  );

  it("resolves a unique daily outcome to its coin and asset id, side from the side names", () => {
    expect(resolveOutcomeTicker("OUT:BTC-78213-2026-05-03-NO", meta)).toEqual({
      ok: true,
      value: { outcome: 220, side: 1, coin: "#2201", assetId: 100_002_201, expiry: "20260503-0600", period: "1d" },
    });
    // Sides listed No first: YES is side 1.
    expect(resolveOutcomeTicker("OUT:BTC-0.5-2026-05-04-YES", meta)).toMatchObject({ ok: true, value: { outcome: 400, side: 1, coin: "#4001" } });
  });

  it("refuses a ticker two sub-daily outcomes share, naming both (the ticker drops HHMM and period)", () => {
    expect(resolveOutcomeTicker("OUT:BTC-78000-2026-05-03-YES", meta)).toEqual({
      ok: false,
      error: {
        kind: "ambiguous",
        ticker: "OUT:BTC-78000-2026-05-03-YES",
        candidates: [
          { outcome: 300, expiry: "20260503-1215", period: "15m" },
          { outcome: 301, expiry: "20260503-1230", period: "15m" },
        ],
      },
    });
    expect(tickerForOutcome(meta, 300, 0)).toMatchObject({ ok: false, error: { kind: "ambiguous" } });
  });

  it("prints tickers only for outcomes that resolve back uniquely", () => {
    expect(tickerForOutcome(meta, 220, 0)).toEqual({ ok: true, value: "OUT:BTC-78213-2026-05-03-YES" });
    expect(tickerForOutcome(meta, 400, 0)).toEqual({ ok: true, value: "OUT:BTC-0.5-2026-05-04-NO" });
    expect(tickerForOutcome(meta, 170, 0)).toMatchObject({ ok: false, error: { kind: "noTicker" } });
    expect(tickerForOutcome(meta, 999, 0)).toMatchObject({ ok: false, error: { kind: "noTicker" } });
    expect(resolveOutcomeTicker("OUT:ETH-78213-2026-05-03-YES", meta)).toMatchObject({ ok: false, error: { kind: "notFound" } });
  });

  it("reads bucket descriptions but gives them no ticker", () => {
    const d = parseOutcomeDescription("class:priceBucket|underlying:BTC|expiry:20260608-0600|priceThresholds:60485,62954|period:1d");
    expect(d).toMatchObject({ class: "priceBucket", underlying: "BTC", fields: { priceThresholds: "60485,62954" } });
    expect(parseOutcomeDescription("Game 3")).toBeNull();
  });
});
