import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "./event-queue";
import { LatencyModel, seededRandom } from "./latency";

describe("latency model", () => {
  it("adds the base delay plus jitter below jitterMs, the same for the same seed", () => {
    const a = new LatencyModel({ feedMs: 190, orderMs: 300, ackMs: 200, jitterMs: 50 }, 42);
    const b = new LatencyModel({ feedMs: 190, orderMs: 300, ackMs: 200, jitterMs: 50 }, 42);
    const ta = [0, 10, 20, 1_000].map((t) => a.arrive("order", t));
    expect([0, 10, 20, 1_000].map((t) => b.arrive("order", t))).toEqual(ta);
    for (const [i, t] of [0, 10, 20, 1_000].entries()) {
      expect(ta[i]! - t).toBeGreaterThanOrEqual(300);
      expect(Number.isInteger(ta[i])).toBe(true);
    }
    expect(new LatencyModel({ feedMs: 0, orderMs: 0, ackMs: 0, jitterMs: 0 }, 1).arrive("ack", 5)).toBe(5);
  });

  it("never lets a message overtake the one sent before it on the same channel (property)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 50 }), (seed, gaps) => {
        const m = new LatencyModel({ feedMs: 100, orderMs: 300, ackMs: 200, jitterMs: 500 }, seed);
        let t = 0;
        let last = -Infinity;
        for (const g of gaps) {
          t += g;
          const at = m.arrive("feed", t);
          expect(at).toBeGreaterThanOrEqual(last);
          expect(at).toBeGreaterThanOrEqual(t + 100);
          last = at;
        }
      }),
    );
  });

  it("draws uniform numbers in [0, 1) from a seed", () => {
    const r = seededRandom(123);
    const xs = Array.from({ length: 10_000 }, () => r());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(seededRandom(123)()).toBe(xs[0]);
  });
});

describe("event queue", () => {
  it("pops in time order and keeps the scheduling order for equal times (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue<number>();
        times.forEach((t, i) => q.push(t, i));
        const out: [number, number][] = [];
        for (let e = q.pop(); e !== undefined; e = q.pop()) out.push([e.at, e.item]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
        expect(q.peekTime()).toBe(Infinity);
      }),
    );
  });
});
