/**
 * When a MarketEngine has something new to say. One RPC per requote batch (SPEC §1): the engine
 * compares what it wants with what rests (the account slice's live orders) and with what it
 * asked for last, both within the requote tolerances, so a quote that moved by less than the
 * tolerance costs nothing, and a quote the account held back is asked for again only once the
 * minimum order age has passed.
 */
import type { RequotePolicy } from "../execution/requote";
import type { QuoteTarget } from "../execution/types";
import type { LiveOrder } from "./types";

type Resting = Pick<LiveOrder, "market" | "side" | "px" | "sz">;

export function within(t: QuoteTarget, o: Resting, p: RequotePolicy): boolean {
  return o.market === t.market && o.side === t.side && Math.abs(o.px - t.px) <= p.refresh_tolerance_ticks && Math.abs(o.sz - t.sz) <= p.size_tolerance * t.sz;
}

/** True when every slot holds what is wanted (within tolerance) and nothing else rests. */
export function matchesLive(targets: readonly QuoteTarget[], slots: readonly string[], live: Readonly<Record<string, LiveOrder>>, p: RequotePolicy): boolean {
  let wanted = 0;
  for (const t of targets) {
    const o = live[t.slot];
    if (o === undefined || !within(t, o, p)) return false;
    wanted++;
  }
  let resting = 0;
  for (const s of slots) if (live[s] !== undefined) resting++;
  return resting === wanted;
}

/** True when `next` asks for the same quotes as `prev` within tolerance. */
export function sameTargets(next: readonly QuoteTarget[], prev: readonly QuoteTarget[], p: RequotePolicy): boolean {
  if (next.length !== prev.length) return false;
  for (const t of next) {
    const o = prev.find((x) => x.slot === t.slot);
    if (o === undefined || !within(t, o, p)) return false;
  }
  return true;
}
