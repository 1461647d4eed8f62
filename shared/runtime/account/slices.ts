/**
 * Account slices for the MarketDOs (shared/engine README): one registered engine's slice is the
 * holdings of its instruments and the live orders of its slots (`<engine id>:` prefix); a slice
 * of several engines merges them with the most restrictive mode. While the RiskDO is not ready
 * every slice says `halted`, so no engine quotes against an account that was not reconciled.
 */
import type { AccountEngine } from "../../engine";
import type { AccountSlice } from "../../engine/types";
import type { Mode } from "../../risk";

const RANK: Record<Mode, number> = { active: 0, reducing: 1, halted: 2 };

export function engineSlice(e: AccountEngine | null, instruments: readonly string[], engineId: string, nowMs: number, halted: boolean): AccountSlice {
  if (e === null) return { asOfMs: nowMs, equityUsd: 0, mode: "halted", holdings: {}, liveOrders: {} };
  const s = e.slice(instruments, `${engineId}:`, nowMs);
  return halted ? { ...s, mode: "halted" } : s;
}

export function mergeSlices(parts: readonly AccountSlice[], nowMs: number): AccountSlice {
  const out: AccountSlice = { asOfMs: nowMs, equityUsd: parts[0]?.equityUsd ?? 0, mode: parts.length === 0 ? "halted" : "active", holdings: {}, liveOrders: {} };
  for (const p of parts) {
    if (RANK[p.mode] > RANK[out.mode]) out.mode = p.mode;
    Object.assign(out.holdings, p.holdings);
    Object.assign(out.liveOrders, p.liveOrders);
  }
  return out;
}
