import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequest } from "../admin/schemas";
import { DAY_MS, PNL_POLICY, PnlQuery, pnlToday, retentionStart, rollDayOpen, shouldSample, thin, utcDayStart, type PnlPoint } from "./pnl-history";

// 2026-05-10T03:46:48.135Z, a time the simulator's recordings use.
const T = 1_778_385_608_135;
const MIDNIGHT = Date.UTC(2026, 4, 10);
const pt = (ts: number, equityUsd: number, pnlUsd = equityUsd - 1_000): PnlPoint => ({ ts, equityUsd, pnlUsd });

describe("UTC day boundary", () => {
  it("is 00:00 UTC of the day the time falls in", () => {
    expect(utcDayStart(T)).toBe(MIDNIGHT);
    expect(utcDayStart(MIDNIGHT)).toBe(MIDNIGHT);
    expect(utcDayStart(MIDNIGHT - 1)).toBe(MIDNIGHT - DAY_MS);
  });

  it("is a midnight at or before the time, less than a day away (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const d = utcDayStart(ms);
        const iso = new Date(d).toISOString();
        return d <= ms && ms - d < DAY_MS && iso.endsWith("T00:00:00.000Z");
      }),
    );
  });
});

describe("sampling", () => {
  it("takes the first point, then a changed one no sooner than every 10 s", () => {
    expect(shouldSample(null, pt(T, 1_000))).toBe(true);
    expect(shouldSample(pt(T, 1_000), pt(T + 9_999, 1_010))).toBe(false);
    expect(shouldSample(pt(T, 1_000), pt(T + 10_000, 1_010))).toBe(true);
  });

  it("keeps a flat account to one point per 5 min", () => {
    expect(shouldSample(pt(T, 1_000), pt(T + 60_000, 1_000))).toBe(false);
    expect(shouldSample(pt(T, 1_000), pt(T + PNL_POLICY.heartbeatMs, 1_000))).toBe(true);
  });

  it("always takes the first point of a new UTC day", () => {
    expect(shouldSample(pt(MIDNIGHT - 5_000, 1_000), pt(MIDNIGHT + 5_000, 1_000))).toBe(true);
  });

  it("never stores a non-finite value", () => {
    expect(shouldSample(null, pt(T, Number.NaN))).toBe(false);
    expect(shouldSample(null, { ts: T, equityUsd: 1_000, pnlUsd: Number.POSITIVE_INFINITY })).toBe(false);
  });
});

describe("day open and PnL today", () => {
  it("takes the last sample before midnight as the equity at 00:00", () => {
    const open = rollDayOpen(null, pt(MIDNIGHT - 8_000, 1_020), MIDNIGHT + 3_000, 1_050);
    expect(open).toEqual({ dayStartMs: MIDNIGHT, equityUsd: 1_020, source: "sample" });
    expect(pnlToday(open, MIDNIGHT + 3_000, 1_050)).toBe(30);
  });

  it("without an earlier sample the first equity seen that day opens it", () => {
    const open = rollDayOpen(null, pt(MIDNIGHT + 1_000, 990), MIDNIGHT + 3_000, 1_000);
    expect(open).toEqual({ dayStartMs: MIDNIGHT, equityUsd: 1_000, source: "first" });
    expect(pnlToday(open, MIDNIGHT + 3_000, 1_000)).toBe(0);
  });

  it("keeps the day's open through the day and rolls at the next midnight", () => {
    const open = rollDayOpen(null, null, T, 1_000);
    expect(rollDayOpen(open, pt(T + 60_000, 1_200), T + 3_600_000, 1_300)).toBe(open);
    const next = rollDayOpen(open, pt(MIDNIGHT + DAY_MS - 2_000, 1_400), MIDNIGHT + DAY_MS + 1, 1_410);
    expect(next).toEqual({ dayStartMs: MIDNIGHT + DAY_MS, equityUsd: 1_400, source: "sample" });
  });

  it("is unknown for an open of another day or without an equity", () => {
    const open = rollDayOpen(null, null, T, 1_000);
    expect(pnlToday(open, T + DAY_MS, 1_100)).toBeNull();
    expect(pnlToday(open, T, null)).toBeNull();
    expect(pnlToday(null, T, 1_000)).toBeNull();
  });
});

describe("retention and thinning", () => {
  it("keeps a week", () => {
    expect(retentionStart(T)).toBe(T - 7 * DAY_MS);
  });

  it("thins evenly to at most the limit, keeping the newest point and the order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 500 }), (n, max) => {
        const pts = Array.from({ length: n }, (_, i) => pt(T + i * 10_000, 1_000 + i));
        const out = thin(pts, max);
        if (out.length > Math.max(max, 0) || (n > 0 && out.at(-1) !== pts.at(-1))) return false;
        return out.every((p, i) => i === 0 || p.ts > out[i - 1]!.ts) && (n <= max ? out.length === n : true);
      }),
    );
  });
});

describe("GET /admin/pnl query", () => {
  it("takes since as epoch ms and names the field when it is not", () => {
    expect(parseRequest(PnlQuery, { since: String(T) })).toEqual({ ok: true, value: { since: T } });
    expect(parseRequest(PnlQuery, {})).toEqual({ ok: true, value: {} });
    const bad = parseRequest(PnlQuery, { since: "yesterday" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues[0]?.path).toBe("since");
    const extra = parseRequest(PnlQuery, { sinse: "1" });
    expect(extra.ok).toBe(false);
  });
});
