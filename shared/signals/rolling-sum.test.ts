import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RollingSum } from "./rolling-sum";

describe("RollingSum", () => {
  it("matches a brute-force window sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -1000, max: 1000 })), { maxLength: 300 }),
        fc.integer({ min: 1, max: 2000 }),
        (steps, w) => {
          const r = new RollingSum(w, 2);
          const seen: [number, number][] = [];
          let t = 0;
          for (const [dt, v] of steps) {
            t += dt;
            r.add(t, v);
            seen.push([t, v]);
            const brute = seen.filter(([ts]) => ts > t - w).reduce((acc, [, x]) => acc + x, 0);
            expect(r.sum(t)).toBe(brute);
          }
        },
      ),
    );
  });
});
