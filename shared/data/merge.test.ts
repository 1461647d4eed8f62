import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newLoadStats } from "./load-stats";
import { inTimeOrder, mergeByTs } from "./merge";

type E = { ts: number; s: number; i: number };

describe("mergeByTs", () => {
  it("orders by time and breaks ties by stream, then by position", () => {
    const a: E[] = [
      { ts: 1, s: 0, i: 0 },
      { ts: 5, s: 0, i: 1 },
      { ts: 5, s: 0, i: 2 },
    ];
    const b: E[] = [
      { ts: 0, s: 1, i: 0 },
      { ts: 5, s: 1, i: 1 },
    ];
    expect([...mergeByTs([a, b])].map((e) => `${e.ts}:${e.s}.${e.i}`)).toEqual(["0:1.0", "1:0.0", "5:0.1", "5:0.2", "5:1.1"]);
  });

  it("equals a stable sort of the concatenation for any sorted streams", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), { maxLength: 6 }), (raw) => {
        const streams = raw.map((ts, s) => [...ts].sort((x, y) => x - y).map((t, i): E => ({ ts: t, s, i })));
        const merged = [...mergeByTs(streams)];
        const expected = streams.flat().sort((x, y) => x.ts - y.ts || x.s - y.s || x.i - y.i);
        expect(merged).toEqual(expected);
      }),
    );
  });
});

describe("inTimeOrder", () => {
  it("re-sorts late rows stably and counts them", () => {
    const stats = newLoadStats();
    const rows = [
      { ts: 10, id: "a" },
      { ts: 20, id: "b" },
      { ts: 5, id: "late1" },
      { ts: 20, id: "c" },
      { ts: 15, id: "late2" },
    ];
    expect(inTimeOrder(rows, stats).map((r) => r.id)).toEqual(["late1", "a", "late2", "b", "c"]);
    expect(stats.reordered).toBe(2);
    const sorted = [{ ts: 1 }, { ts: 1 }];
    expect(inTimeOrder(sorted, stats)).toBe(sorted);
  });
});
