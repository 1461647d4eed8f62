import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUCKET_BOUNDS_MS, bucketOf, emptyHistogram, merge, observe, orderStageDurations, quantileMs, StageHistograms } from "./latency-histogram";

const T = 1_778_385_608_135;

describe("log-spaced buckets", () => {
  it("puts workerd's 0 ms readings in a bucket of their own and every bound in its own bucket", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(1);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(1.01)).toBe(2);
    expect(bucketOf(37)).toBe(BUCKET_BOUNDS_MS.indexOf(50));
    expect(bucketOf(10_001)).toBe(BUCKET_BOUNDS_MS.length);
  });

  it("refuses negative and non-finite durations", () => {
    const h = emptyHistogram();
    expect(observe(h, -1)).toBe(false);
    expect(observe(h, Number.NaN)).toBe(false);
    expect(h.n).toBe(0);
  });

  it("counts every value once; merging adds counts, n, sum and keeps the max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50_000, noNaN: true })), fc.array(fc.double({ min: 0, max: 50_000, noNaN: true })), (xs, ys) => {
        const a = emptyHistogram();
        const b = emptyHistogram();
        xs.forEach((x) => observe(a, x));
        ys.forEach((y) => observe(b, y));
        const m = merge(a, b);
        const sum = (h: typeof a) => h.counts.reduce((s, c) => s + c, 0);
        return sum(a) === xs.length && m.n === xs.length + ys.length && sum(m) === m.n && m.maxMs === Math.max(0, ...xs, ...ys);
      }),
    );
  });

  it("a quantile is the upper bound of its bucket, never below the true value (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 20_000, noNaN: true }), { minLength: 1 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (xs, q) => {
        const h = emptyHistogram();
        xs.forEach((x) => observe(h, x));
        const sorted = [...xs].sort((a, b) => a - b);
        const exact = sorted[Math.min(xs.length, Math.max(1, Math.ceil(q * xs.length))) - 1]!;
        const est = quantileMs(h, q)!;
        return est >= exact && est <= h.maxMs;
      }),
    );
    expect(quantileMs(emptyHistogram(), 0.5)).toBeNull();
  });
});

describe("stage histograms: since start and a rolling window", () => {
  it("keeps five minutes in the window and everything in the total", () => {
    const s = new StageHistograms(5);
    s.observe("venue", 180, T);
    s.observe("venue", 35, T + 61_000);
    s.observe("sign", 0, T + 61_000);
    let v = s.view(T + 61_000);
    expect(v.stages.venue!.total.n).toBe(2);
    expect(v.stages.venue!.window.n).toBe(2);
    expect(v.stages.sign!.window.counts[0]).toBe(1);
    v = s.view(T + 5 * 60_000);
    expect(v.stages.venue!.total.n).toBe(2);
    expect(v.stages.venue!.window.n).toBe(1);
    expect(v.stages.venue!.window.maxMs).toBe(35);
    v = s.view(T + 20 * 60_000);
    expect(v.stages.venue!.window.n).toBe(0);
    expect(v.stages.venue!.total.n).toBe(2);
    expect(v.windowMs).toBe(300_000);
  });

  it("counts refused durations and leaves them out", () => {
    const s = new StageHistograms();
    s.observe("risk", -3, T);
    expect(s.view(T).refused).toBe(1);
    expect(s.view(T).stages.risk!.total.n).toBe(0);
  });

  it("a view is a copy: later observations do not change it", () => {
    const s = new StageHistograms();
    s.observe("decide", 0, T);
    const v = s.view(T);
    s.observe("decide", 3, T);
    expect(v.stages.decide!.total.n).toBe(1);
  });
});

describe("order stage durations from an ack record's stage times", () => {
  it("takes each stage as the difference of its two times, leaving out stages with a missing time", () => {
    const stages = { frameAt: T, decidedAt: T, riskAt: T + 2, signerAt: T + 3, signedAt: T + 3, postedAt: T + 3, answeredAt: T + 41 };
    expect(orderStageDurations(stages)).toEqual([
      { key: "decide", ms: 0 },
      { key: "risk", ms: 2 },
      { key: "signer", ms: 1 },
      { key: "sign", ms: 0 },
      { key: "venue", ms: 38 },
      { key: "total", ms: 41 },
    ]);
    expect(orderStageDurations({ ...stages, frameAt: null }).map((d) => d.key)).toEqual(["risk", "signer", "sign", "venue"]);
  });
});
