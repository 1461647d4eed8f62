/**
 * What each trigger does to the gate. Halting triggers stop every new order in their scope;
 * reducing ones let only exposure-shrinking orders through. Latching triggers stay on until an
 * operator resumes (an error streak or a naked arbitrage leg is not something to forget
 * silently); the others clear when the condition that raised them is gone (a feed is live again,
 * depth is back). A drawdown beyond the limit is not a trigger: it sets the kill switch itself.
 */
import type { TriggerKind } from "./types";

export const TRIGGER_POLICY: Record<TriggerKind, { mode: "halted" | "reducing"; latch: boolean }> = {
  latency_anomaly: { mode: "reducing", latch: false },
  depth_vanished: { mode: "halted", latch: false },
  slippage_streak: { mode: "halted", latch: true },
  signer_errors: { mode: "halted", latch: true },
  venue_errors: { mode: "halted", latch: true },
  stale_feed: { mode: "halted", latch: false },
  private_stream_silent: { mode: "halted", latch: false },
  venue_disconnected: { mode: "halted", latch: false },
  naked_leg: { mode: "halted", latch: true },
  manual_reducing: { mode: "reducing", latch: true },
};
