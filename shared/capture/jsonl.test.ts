import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "../data/load-stats";
import { decodeCapture, encodeCapture } from "./jsonl";
import { loadCaptures } from "./load";
import { acceptSource, buildManifest, type CaptureManifest } from "./manifest";
import { capturePlan } from "./plan";
import { RECORD_TYPES, type CaptureRecord } from "./record";

const planR = capturePlan({ HL_API_URL: "http://127.0.0.1:8780" });
if (!planR.ok) throw new Error("plan");
const PLAN = planR.value;

const l2 = (t: number, coin: string, time: number): CaptureRecord => ({
  t,
  venue: "hl",
  type: "l2Book",
  coin,
  req: { type: "l2Book", coin },
  data: { coin, time, levels: [[{ px: "0.95", sz: "10", n: 1 }], [{ px: "0.96", sz: "5", n: 2 }]] },
});

function manifest(source: "live" | "historical", records: CaptureRecord[], id = `20261121T101300.000Z-${source}`): CaptureManifest {
  return buildManifest({ id, run: "20261121T101300.000Z", source, plan: PLAN, records, span: null, sources: [] });
}

const recordArb: fc.Arbitrary<CaptureRecord> = fc
  .constantFrom(...(Object.entries(RECORD_TYPES) as [CaptureRecord["venue"], Record<string, string>][]).flatMap(([v, types]) => Object.keys(types).map((type) => [v, type] as const)))
  .chain(([venue, type]) =>
    fc.record(
      { t: fc.nat(), venue: fc.constant(venue), type: fc.constant(type), coin: fc.string({ minLength: 1, maxLength: 12 }), req: fc.jsonValue(), data: fc.jsonValue() },
      { requiredKeys: ["t", "venue", "type", "req", "data"] },
    ),
  );

describe("capture JSONL", () => {
  it("round-trips: the manifest first, then every record as it was (property)", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 20 }), (records) => {
        const text = encodeCapture(manifest("live", records), records);
        expect(text.split("\n")[0]).toMatch(/^\{"manifest":\{"format":"hl-edge\/capture","version":1,/);
        const d = decodeCapture(text);
        expect(d.records).toEqual(JSON.parse(JSON.stringify(records)));
        expect(d.manifest).toEqual(JSON.parse(JSON.stringify(manifest("live", records))));
        expect(d.stats).toMatchObject({ lines: records.length, events: records.length, skipped: {} });
      }),
    );
  });

  it("counts what it cannot read, by reason, and keeps the rest", () => {
    const good = l2(5, "#150", 4);
    const text = [
      JSON.stringify({ manifest: manifest("live", [good]) }),
      JSON.stringify(good),
      '{"t": 6, "venue": "hl", "type": "l2Bo',
      JSON.stringify({ ...good, type: "book" }),
      JSON.stringify({ ...good, venue: "cme" }),
      JSON.stringify({ ...good, extra: 1 }),
      JSON.stringify({ manifest: manifest("historical", []) }),
      "",
    ].join("\n");
    const d = decodeCapture(text);
    expect(d.records).toEqual([good]);
    expect(d.stats.skipped).toEqual({ "not JSON": 1, "not a capture record": 3, "second manifest": 1 });
    expect((d.manifest as CaptureManifest).source).toBe("live");
  });
});

describe("what a replay accepts", () => {
  it("takes live and historical captures", () => {
    expect(acceptSource(manifest("live", []))).toMatchObject({ ok: true, source: "live" });
    expect(acceptSource(manifest("historical", []))).toMatchObject({ ok: true, source: "historical" });
  });

  it("refuses a capture without a manifest, of another source, or of another format", () => {
    const r = [null, { ...manifest("live", []), source: "synthetic" }, { ...manifest("live", []), format: "other" }, { source: "live" }].map(acceptSource);
    expect(r.map((x) => x.ok)).toEqual([false, false, false, false]);
    const errors = r.map((x) => (x.ok ? "" : x.error));
    expect(errors[0]).toMatch(/no manifest/);
    expect(errors[1]).toMatch(/^source "synthetic" refused/);
    expect(errors[2]).toMatch(/not a hl-edge\/capture v1 manifest/);
  });

  it("merges captures of one kind in time order and refuses live mixed with historical", () => {
    const a = [l2(10, "#150", 9), l2(30, "#150", 29)];
    const b = [l2(20, "#151", 19)];
    const dec = (recs: CaptureRecord[], source: "live" | "historical" = "live") => decodeCapture(encodeCapture(manifest(source, recs), recs));
    const m = loadCaptures([{ name: "a", decoded: dec(a) }, { name: "b", decoded: dec(b) }]);
    if (!m.ok) throw new Error(m.error);
    expect(m.value.events.books.map((e) => [e.coin, e.ts])).toEqual([["#150", 9], ["#151", 19], ["#150", 29]]);
    expect(m.value.stats.reordered).toBe(1);
    const mixed = loadCaptures([{ name: "a", decoded: dec(a) }, { name: "h", decoded: dec(b, "historical") }]);
    expect(mixed).toEqual({ ok: false, error: "h: a historical capture mixed with live ones; replay one kind at a time" });
    const none = loadCaptures([{ name: "x.jsonl", decoded: decodeCapture(a.map((r) => JSON.stringify(r)).join("\n")) }]);
    expect(none.ok ? "" : none.error).toMatch(/^x\.jsonl: the capture has no manifest/);
    expect(newLoadStats().events).toBe(0);
  });
});
