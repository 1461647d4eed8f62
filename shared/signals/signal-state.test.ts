import { describe, expect, it } from "vitest";
import { SignalState } from "./signal-state";

describe("SignalState", () => {
  it("treats stale and non-finite signals as absent", () => {
    const s = new SignalState({ ofi: 1000 }, 200);
    s.set("ofi", 0.4, 0);
    s.set("aggr", -0.2, 0);
    expect(s.get("ofi", 1000)).toBe(0.4);
    expect(s.get("ofi", 1001)).toBeUndefined();
    expect(s.get("aggr", 200)).toBe(-0.2);
    expect(s.get("aggr", 201)).toBeUndefined();
    s.set("aggr", undefined, 300);
    expect(s.get("aggr", 300)).toBeUndefined();
    s.set("ofi", Number.NaN, 300);
    expect(s.get("ofi", 300)).toBeUndefined();
    expect(s.get("missing", 0)).toBeUndefined();
    expect(s.readings(300).map((r) => [r.name, r.fresh])).toEqual([
      ["ofi", false],
      ["aggr", false],
    ]);
  });
});
