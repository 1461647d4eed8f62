/**
 * Leg risk of a two-legged IOC arbitrage as an explicit state machine: a one-legged fill is
 * either hedged (buy the missing contract) or unwound (sell the excess back), whichever loses
 * less at the current prices, retried a bounded number of times, and escalated to the risk
 * gate (a `naked_leg` trigger) if it cannot be closed. A leg whose outcome is unknown (timeout,
 * 5xx) is never repaired blind: the execution waits until the order manager resolves it.
 *
 *   sent ──both legs final──> closed(completed | nothing_filled)
 *     │                   └─> repairing ──repair final──> closed(hedged | unwound) | repairing | closed(escalated)
 *     └─leg unknown──> awaiting_resolution ──resolved──> (as above) | ──timeout──> closed(escalated)
 */
import type { ArbPlan } from "./arbitrage";

const EPS = 1e-9;

export type LegPhase = "pending" | "final" | "unknown";

export interface ArbLegState {
  venue: string;
  market: string;
  contract: "yes" | "no";
  targetQty: number;
  filledQty: number;
  avgPx: number;
  phase: LegPhase;
}

export type ArbPhase = "sent" | "awaiting_resolution" | "repairing" | "closed";
export type ArbOutcome = "completed" | "nothing_filled" | "hedged" | "unwound" | "escalated";

/** Buy more of leg `leg`'s contract (hedge) or sell leg `leg`'s excess (unwind), IOC. */
export interface Repair {
  kind: "hedge" | "unwind";
  leg: 0 | 1;
  qty: number;
  pxLimit: number;
}

export interface ArbExecution {
  eventId: string;
  phase: ArbPhase;
  legs: [ArbLegState, ArbLegState];
  /** Excess of leg 0 over leg 1 still open (+: leg 0 is ahead). */
  imbalance: number;
  repair: Repair | null;
  attempts: number;
  outcome: ArbOutcome | null;
  /** Money lost (or gained, negative) closing the imbalance, USD. */
  repairCostUsd: number;
}

export type ArbEvent =
  | { kind: "leg_final"; leg: 0 | 1; filledQty: number; avgPx: number }
  | { kind: "leg_unknown"; leg: 0 | 1 }
  | { kind: "repair_final"; filledQty: number; avgPx: number }
  | { kind: "repair_unknown" }
  | { kind: "timeout" };

/** Current executable prices of each leg's contract: ask to buy more, bid to sell back. */
export interface RepairQuotes {
  ask: [number | null, number | null];
  bid: [number | null, number | null];
}

export interface LegRiskPolicy {
  max_repair_attempts: number;
  /** How far through the touch a repair IOC may reach, price units. */
  repair_slippage: number;
}

export type ArbAction = { kind: "send_repair"; repair: Repair } | { kind: "escalate"; reason: string };

export function startArb(plan: ArbPlan): ArbExecution {
  const leg = (i: 0 | 1): ArbLegState => ({
    venue: plan.legs[i].venue,
    market: plan.legs[i].market,
    contract: plan.legs[i].contract,
    targetQty: plan.qty,
    filledQty: 0,
    avgPx: 0,
    phase: "pending",
  });
  return {
    eventId: plan.eventId,
    phase: "sent",
    legs: [leg(0), leg(1)],
    imbalance: 0,
    repair: null,
    attempts: 0,
    outcome: null,
    repairCostUsd: 0,
  };
}

export function stepArb(
  s: ArbExecution,
  e: ArbEvent,
  quotes: RepairQuotes,
  policy: LegRiskPolicy,
): { state: ArbExecution; actions: ArbAction[] } {
  if (s.phase === "closed") return { state: s, actions: [] };
  switch (e.kind) {
    case "leg_final": {
      const legs: [ArbLegState, ArbLegState] = [{ ...s.legs[0] }, { ...s.legs[1] }];
      legs[e.leg] = { ...legs[e.leg], filledQty: e.filledQty, avgPx: e.avgPx, phase: "final" };
      const next = { ...s, legs };
      if (legs[0].phase !== "final" || legs[1].phase !== "final") {
        return { state: { ...next, phase: legs.some((l) => l.phase === "unknown") ? "awaiting_resolution" : "sent" }, actions: [] };
      }
      if (legs[0].filledQty <= EPS && legs[1].filledQty <= EPS) return close(next, "nothing_filled");
      const imbalance = legs[0].filledQty - legs[1].filledQty;
      if (Math.abs(imbalance) <= EPS) return close({ ...next, imbalance: 0 }, "completed");
      return plan({ ...next, imbalance, phase: "repairing" }, quotes, policy);
    }
    case "leg_unknown": {
      const legs: [ArbLegState, ArbLegState] = [{ ...s.legs[0] }, { ...s.legs[1] }];
      legs[e.leg] = { ...legs[e.leg], phase: "unknown" };
      return { state: { ...s, legs, phase: "awaiting_resolution" }, actions: [] };
    }
    case "repair_final": {
      const r = s.repair;
      if (r === null) return { state: s, actions: [] };
      const filled = Math.min(e.filledQty, r.qty);
      // A hedge on the lagging leg and an unwind of the leading leg both shrink the excess.
      const sign = s.imbalance > 0 ? 1 : -1;
      const imbalance = s.imbalance - sign * filled;
      const lead = s.legs[s.imbalance > 0 ? 0 : 1];
      const costPerShare = r.kind === "hedge" ? lead.avgPx + e.avgPx - 1 : lead.avgPx - e.avgPx;
      const next: ArbExecution = {
        ...s,
        imbalance: Math.abs(imbalance) <= EPS ? 0 : imbalance,
        repair: null,
        repairCostUsd: s.repairCostUsd + filled * costPerShare,
      };
      if (next.imbalance === 0) return close(next, r.kind === "hedge" ? "hedged" : "unwound");
      return plan(next, quotes, policy);
    }
    case "repair_unknown":
      return { state: { ...s, phase: "awaiting_resolution" }, actions: [] };
    case "timeout":
      return escalate(s, `unresolved after timeout in phase ${s.phase}`);
  }
}

function close(s: ArbExecution, outcome: ArbOutcome): { state: ArbExecution; actions: ArbAction[] } {
  return { state: { ...s, phase: "closed", outcome, repair: null }, actions: [] };
}

function escalate(s: ArbExecution, reason: string): { state: ArbExecution; actions: ArbAction[] } {
  return {
    state: { ...s, phase: "closed", outcome: "escalated", repair: null },
    actions: [{ kind: "escalate", reason: `${s.eventId}: ${reason}; open imbalance ${s.imbalance}` }],
  };
}

/** Chooses the cheaper of hedging the lagging leg and unwinding the leading one. */
function plan(s: ArbExecution, q: RepairQuotes, policy: LegRiskPolicy): { state: ArbExecution; actions: ArbAction[] } {
  if (s.attempts >= policy.max_repair_attempts) return escalate(s, "repair attempts exhausted");
  const leadIdx: 0 | 1 = s.imbalance > 0 ? 0 : 1;
  const lagIdx: 0 | 1 = leadIdx === 0 ? 1 : 0;
  const qty = Math.abs(s.imbalance);
  const leadPx = s.legs[leadIdx].avgPx;
  const ask = q.ask[lagIdx];
  const bid = q.bid[leadIdx];
  // Loss per share of each way out; the pair pays 1, a sold-back share recovers the bid.
  const hedgeLoss = ask === null ? Infinity : leadPx + ask - 1;
  const unwindLoss = bid === null ? Infinity : leadPx - bid;
  if (hedgeLoss === Infinity && unwindLoss === Infinity) return escalate(s, "no liquidity to hedge or unwind");
  const repair: Repair =
    hedgeLoss <= unwindLoss
      ? { kind: "hedge", leg: lagIdx, qty, pxLimit: Math.min(1, ask! + policy.repair_slippage) }
      : { kind: "unwind", leg: leadIdx, qty, pxLimit: Math.max(0, bid! - policy.repair_slippage) };
  return { state: { ...s, phase: "repairing", repair, attempts: s.attempts + 1 }, actions: [{ kind: "send_repair", repair }] };
}
