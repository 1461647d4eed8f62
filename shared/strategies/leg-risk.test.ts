import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArbPlan } from "./arbitrage";
import { startArb, stepArb, type ArbEvent, type ArbExecution, type RepairQuotes } from "./leg-risk";

const PLAN: ArbPlan = {
  eventId: "BTC|ge|78213|1",
  legs: [
    { venue: "hl", market: "hl:#20", contract: "yes", px: 0.4, qty: 10, tif: "Ioc" },
    { venue: "pm", market: "pm:no", contract: "no", px: 0.55, qty: 10, tif: "Ioc" },
  ],
  qty: 10,
  costPerPair: 0.97,
  edgeBps: 300,
  expectedProfitUsd: 0.3,
  boundBy: "depth",
};
const POLICY = { max_repair_attempts: 3, repair_slippage: 0.01 };
const Q: RepairQuotes = { ask: [0.41, 0.58], bid: [0.38, 0.54] };

const run = (events: ArbEvent[], quotes: RepairQuotes = Q): { s: ArbExecution; actions: ReturnType<typeof stepArb>["actions"] } => {
  let s = startArb(PLAN);
  let actions: ReturnType<typeof stepArb>["actions"] = [];
  for (const e of events) {
    const r = stepArb(s, e, quotes, POLICY);
    s = r.state;
    actions = r.actions;
  }
  return { s, actions };
};

describe("arbitrage leg risk", () => {
  it("closes as completed when both legs fill, and as nothing_filled when neither does", () => {
    expect(run([{ kind: "leg_final", leg: 0, filledQty: 10, avgPx: 0.4 }, { kind: "leg_final", leg: 1, filledQty: 10, avgPx: 0.55 }]).s).toMatchObject({ phase: "closed", outcome: "completed" });
    expect(run([{ kind: "leg_final", leg: 1, filledQty: 0, avgPx: 0 }, { kind: "leg_final", leg: 0, filledQty: 0, avgPx: 0 }]).s).toMatchObject({ phase: "closed", outcome: "nothing_filled" });
  });

  it("hedges a one-legged fill by buying the missing contract when that loses less", () => {
    // Hedge: 0.40 + 0.58 − 1 = −0.02 (still a profit); unwind: 0.40 − 0.38 = 0.02 loss.
    const r = run([{ kind: "leg_final", leg: 0, filledQty: 10, avgPx: 0.4 }, { kind: "leg_final", leg: 1, filledQty: 0, avgPx: 0 }]);
    expect(r.s.phase).toBe("repairing");
    expect(r.actions).toEqual([{ kind: "send_repair", repair: { kind: "hedge", leg: 1, qty: 10, pxLimit: 0.59 } }]);
    const done = stepArb(r.s, { kind: "repair_final", filledQty: 10, avgPx: 0.58 }, Q, POLICY).state;
    expect(done).toMatchObject({ phase: "closed", outcome: "hedged", imbalance: 0 });
    expect(done.repairCostUsd).toBeCloseTo(-0.2, 12);
  });

  it("unwinds the filled leg when hedging would cost more", () => {
    const q: RepairQuotes = { ask: [0.45, 0.7], bid: [0.39, 0.5] };
    const r = run([{ kind: "leg_final", leg: 0, filledQty: 6, avgPx: 0.4 }, { kind: "leg_final", leg: 1, filledQty: 2, avgPx: 0.55 }], q);
    expect(r.actions).toEqual([{ kind: "send_repair", repair: { kind: "unwind", leg: 0, qty: 4, pxLimit: 0.38 } }]);
    const done = stepArb(r.s, { kind: "repair_final", filledQty: 4, avgPx: 0.39 }, q, POLICY).state;
    expect(done).toMatchObject({ outcome: "unwound", imbalance: 0 });
    expect(done.repairCostUsd).toBeCloseTo(0.04, 12);
  });

  it("retries partial repairs and escalates once the attempts are spent, never silently", () => {
    let r = run([{ kind: "leg_final", leg: 0, filledQty: 0, avgPx: 0 }, { kind: "leg_final", leg: 1, filledQty: 9, avgPx: 0.55 }]);
    expect(r.actions[0]).toMatchObject({ kind: "send_repair", repair: { kind: "hedge", leg: 0, qty: 9 } });
    let s = r.s;
    for (let i = 0; i < 2; i++) {
      const step = stepArb(s, { kind: "repair_final", filledQty: 2, avgPx: 0.41 }, Q, POLICY);
      s = step.state;
      expect(step.actions[0]).toMatchObject({ kind: "send_repair" });
    }
    const last = stepArb(s, { kind: "repair_final", filledQty: 2, avgPx: 0.41 }, Q, POLICY);
    expect(last.state).toMatchObject({ phase: "closed", outcome: "escalated", imbalance: -3 });
    expect(last.actions[0]?.kind).toBe("escalate");
    r = { s: last.state, actions: last.actions };
    expect(stepArb(r.s, { kind: "timeout" }, Q, POLICY).actions).toEqual([]);
  });

  it("escalates when there is no liquidity either way", () => {
    const r = run([{ kind: "leg_final", leg: 0, filledQty: 5, avgPx: 0.4 }, { kind: "leg_final", leg: 1, filledQty: 0, avgPx: 0 }], { ask: [null, null], bid: [null, null] });
    expect(r.s.outcome).toBe("escalated");
    expect(r.actions[0]).toMatchObject({ kind: "escalate" });
  });

  it("waits on an unknown leg instead of repairing blind, then proceeds or escalates on timeout", () => {
    const waiting = run([{ kind: "leg_final", leg: 0, filledQty: 10, avgPx: 0.4 }, { kind: "leg_unknown", leg: 1 }]);
    expect(waiting.s.phase).toBe("awaiting_resolution");
    expect(waiting.actions).toEqual([]);
    const resolved = stepArb(waiting.s, { kind: "leg_final", leg: 1, filledQty: 10, avgPx: 0.55 }, Q, POLICY);
    expect(resolved.state.outcome).toBe("completed");
    const timedOut = stepArb(waiting.s, { kind: "timeout" }, Q, POLICY);
    expect(timedOut.state.outcome).toBe("escalated");
    expect(timedOut.actions[0]?.kind).toBe("escalate");
  });

  it("never closes with an open imbalance unless it escalated (property)", () => {
    const fill = fc.integer({ min: 0, max: 10 });
    const px = fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fill, fill, fc.array(fc.tuple(fill, fc.boolean()), { maxLength: 6 }), px, px, px, px, (f0, f1, repairs, a0, a1, b0, b1) => {
        const q: RepairQuotes = { ask: [a0, a1], bid: [b0, b1] };
        let s = startArb(PLAN);
        let escalated = false;
        const apply = (e: ArbEvent): void => {
          const r = stepArb(s, e, q, POLICY);
          if (r.actions.some((a) => a.kind === "escalate")) escalated = true;
          s = r.state;
        };
        apply({ kind: "leg_final", leg: 0, filledQty: f0, avgPx: 0.4 });
        apply({ kind: "leg_final", leg: 1, filledQty: f1, avgPx: 0.55 });
        for (const [filled, unknown] of repairs) {
          if (s.phase === "closed") break;
          apply(unknown ? { kind: "repair_unknown" } : { kind: "repair_final", filledQty: filled, avgPx: 0.5 });
        }
        if (s.phase !== "closed") apply({ kind: "timeout" });
        expect(s.phase).toBe("closed");
        if (s.imbalance !== 0) {
          expect(s.outcome).toBe("escalated");
          expect(escalated).toBe(true);
        }
        if (s.outcome === "completed" || s.outcome === "nothing_filled") expect(f0).toBe(f1);
      }),
      { numRuns: 500 },
    );
  });
});
