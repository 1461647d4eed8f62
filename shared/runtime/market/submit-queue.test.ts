import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SubmitQueue } from "./submit-queue";

describe("SubmitQueue: one submit in flight, latest wins", () => {
  it("sends at once when idle, holds while busy, and replaces what waits", () => {
    const q = new SubmitQueue<number>();
    expect(q.offer(1)).toBe(1);
    expect(q.busy).toBe(true);
    expect(q.offer(2)).toBeNull();
    expect(q.offer(3)).toBeNull();
    expect(q.superseded).toBe(1);
    expect(q.done()).toBe(3);
    expect(q.busy).toBe(true);
    expect(q.done()).toBeNull();
    expect(q.busy).toBe(false);
    expect(q.offer(4)).toBe(4);
  });

  it("never has two in flight, never loses the newest decision, and sends in order", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 200 }), (steps) => {
        const q = new SubmitQueue<number>();
        let inFlight: number | null = null;
        let next = 0;
        const sent: number[] = [];
        for (const offer of steps) {
          if (offer) {
            const d = next++;
            const now = q.offer(d);
            if (now !== null) {
              expect(inFlight).toBeNull();
              inFlight = now;
              sent.push(now);
            }
          } else if (inFlight !== null) {
            const after = q.done();
            inFlight = after;
            if (after !== null) sent.push(after);
          }
        }
        while (inFlight !== null) {
          inFlight = q.done();
          if (inFlight !== null) sent.push(inFlight);
        }
        if (next > 0) expect(sent.at(-1)).toBe(next - 1);
        for (let i = 1; i < sent.length; i++) expect(sent[i]!).toBeGreaterThan(sent[i - 1]!);
        expect(sent.length + q.superseded).toBe(next);
      }),
    );
  });
});
