import { describe, expect, it } from "vitest";
import { CAPTURE_ID_PATTERN } from "./ids";
import { capturePlan, type CapturePlan } from "./plan";
import type { CaptureRecord } from "./record";
import { runCapture } from "./run";
import type { CaptureSource, SourcePass } from "./source";

function plan(vars: Record<string, string>): CapturePlan {
  const r = capturePlan({ HL_API_URL: "http://127.0.0.1:1", CAPTURE_COINS: "BTC", ...vars });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const book = (t: number, coin: string): CaptureRecord => ({
  t,
  venue: "hl",
  type: "l2Book",
  coin,
  req: { type: "l2Book", coin },
  data: { coin, time: t - 5, levels: [[{ px: "100.5", sz: "1", n: 1 }], [{ px: "101", sz: "2", n: 1 }]] },
});
const candles = (t: number): CaptureRecord => ({
  t,
  venue: "pm",
  type: "prices-history",
  coin: "1",
  req: "/prices-history",
  data: { history: [{ t: Math.floor(t / 1000) - 60, p: 0.5 }] },
});
const failing = (n: number): SourcePass => ({ records: [], requests: n, failures: Array.from({ length: n }, () => ({ type: "l2Book", coin: "BTC", error: "HTTP 500" })) });

/** A hand-built source: each call answers from the given script. */
function source(name: string, venue: CaptureSource["venue"], live: (now: number) => SourcePass, hist: (now: number) => SourcePass = () => failing(1)): CaptureSource & { calls: string[] } {
  const calls: string[] = [];
  return {
    name,
    venue,
    calls,
    live: async (_p, _f, now) => (calls.push("live"), live(now())),
    historical: async (_p, _f, now) => (calls.push("historical"), hist(now())),
  };
}

function deps(start: number) {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: {
      fetchJson: async () => ({ ok: false as const, error: "unused" }),
      now: () => (t += 10),
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
    },
  };
}

describe("a capture run", () => {
  it("live: the plan's rounds, sampleEveryMs apart, in one live capture with its manifest", async () => {
    const hl = source("hyperliquid", "hl", (now) => ({ records: [book(now, "BTC")], requests: 1, failures: [] }));
    const d = deps(1_790_000_000_000);
    const { files, status } = await runCapture(plan({ CAPTURE_MODE: "live", CAPTURE_SAMPLES: "3", CAPTURE_SAMPLE_EVERY_MS: "2000" }), [hl], d.deps);
    expect(d.sleeps).toEqual([2000, 2000]);
    expect(hl.calls).toEqual(["live", "live", "live"]);
    expect(files).toHaveLength(1);
    const f = files[0]!;
    expect(f.records).toHaveLength(3);
    expect(f.manifest).toMatchObject({ source: "live", mode: "live", venues: ["hl"], records: 3, counts: { l2Book: 3 }, from: f.records[0]!.t, to: f.records[2]!.t });
    expect(f.manifest.span).toEqual({ from: f.records[0]!.t - 5, to: f.records[2]!.t - 5 });
    expect(f.manifest.id).toMatch(CAPTURE_ID_PATTERN);
    expect(f.manifest.id).toBe(`${status.run}-live`);
    expect(status).toMatchObject({ ok: true, captures: [f.manifest.id], error: null, sources: [{ source: "hyperliquid", kind: "live", requests: 3, records: 3, failed: 0 }] });
  });

  it("auto: a venue whose first live round produced nothing falls back to its history and is not sampled again", async () => {
    const hl = source("hyperliquid", "hl", (now) => ({ records: [book(now, "BTC")], requests: 1, failures: [] }));
    const pm = source("polymarket", "pm", () => failing(2), (now) => ({ records: [candles(now)], requests: 1, failures: [] }));
    const { files, status } = await runCapture(plan({ CAPTURE_MODE: "auto", CAPTURE_SAMPLES: "2", CAPTURE_SAMPLE_EVERY_MS: "0" }), [hl, pm], deps(1_790_000_000_000).deps);
    expect(pm.calls).toEqual(["live", "historical"]);
    expect(hl.calls).toEqual(["live", "live"]);
    expect(files.map((f) => [f.manifest.source, f.manifest.venues, f.records.length])).toEqual([
      ["live", ["hl"], 2],
      ["historical", ["pm"], 1],
    ]);
    const pmHist = status.sources.find((s) => s.source === "polymarket" && s.kind === "historical");
    expect(pmHist?.fallback).toMatch(/^live produced nothing \(2 of 2 requests failed, first: HTTP 500\)/);
    // Every manifest tells the whole run, failures included.
    expect(files[0]!.manifest.sources).toEqual(status.sources);
  });

  it("every source failing: nothing to write, and the status says which requests failed", async () => {
    const hl = source("hyperliquid", "hl", () => failing(3));
    const { files, status } = await runCapture(plan({ CAPTURE_MODE: "auto", CAPTURE_SAMPLES: "5" }), [hl], deps(1).deps);
    expect(files).toEqual([]);
    expect(hl.calls).toEqual(["live", "historical"]);
    expect(status.ok).toBe(false);
    expect(status.captures).toEqual([]);
    expect(status.error).toBe("nothing captured, nothing written: hyperliquid live: 3 of 3 requests failed (first: l2Book BTC: HTTP 500); hyperliquid historical: 1 of 1 requests failed (first: l2Book BTC: HTTP 500)");
  });

  it("historical mode asks no live snapshot", async () => {
    const pm = source("polymarket", "pm", () => failing(1), (now) => ({ records: [candles(now)], requests: 1, failures: [] }));
    const { files } = await runCapture(plan({ CAPTURE_MODE: "historical" }), [pm], deps(1_790_000_000_000).deps);
    expect(pm.calls).toEqual(["historical"]);
    expect(files.map((f) => f.manifest.source)).toEqual(["historical"]);
  });

  it("reference data alone is not a capture: outcomeMeta without a book falls back with the history", async () => {
    const meta: CaptureRecord = { t: 1, venue: "hl", type: "outcomeMeta", req: { type: "outcomeMeta" }, data: { outcomes: [] } };
    const hl = source("hyperliquid", "hl", () => ({ records: [meta], requests: 2, failures: [{ type: "l2Book", coin: "#150", error: "HTTP 500" }] }), () => failing(1));
    const { files, status } = await runCapture(plan({ CAPTURE_MODE: "live" }), [hl], deps(1).deps);
    expect(files).toEqual([]);
    expect(status.ok).toBe(false);
  });

  it("a source that throws becomes a failure value, not a lost run", async () => {
    const bad: CaptureSource = { name: "kalshi", venue: "ks", live: async () => Promise.reject(new Error("boom")), historical: async () => Promise.reject(new Error("boom")) };
    const { status } = await runCapture(plan({ CAPTURE_MODE: "live", CAPTURE_SAMPLES: "1" }), [bad], deps(1).deps);
    expect(status.sources[0]?.failures).toEqual([{ type: "*", error: "kalshi failed: boom" }]);
  });
});
