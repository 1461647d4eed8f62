/**
 * Where the RiskDO's AccountEngine comes from: restored from SQLite (constructor, no I/O),
 * created fresh on the first boot (starting equity read from the venue, a random cloid prefix
 * kept for the life of the storage, and the venue time from which fills belong to it), or
 * rebuilt over its own state when the config or the instrument list changes.
 */
import { err, ok, type Result } from "../../shared/core/result";
import { AccountEngine } from "../../shared/engine";
import { measureOffset, venueNow } from "../../shared/runtime/account/venue-clock";
import { accountValueUsd } from "../../shared/runtime/account/venue-snapshot";
import type { AccountDesk } from "./desk";
import type { EngineStateStore } from "./engine-state";
import type { RiskSetup } from "./setup";
import type { VenueInfo } from "./venue-info";

/** The stored engine, if any; an error when the stored state is refused (the object then stays broken: never trade on a guess). */
export function restoreEngine(states: EngineStateStore, setup: RiskSetup): Result<AccountEngine | null, string> {
  const cfg = setup.engineConfig();
  const state = states.load();
  if (cfg === null || state === undefined) return ok(null);
  const r = AccountEngine.restore(cfg, state);
  if (!r.ok) return err(`stored account state refused: ${JSON.stringify(r.error).slice(0, 300)}`);
  states.adopt(r.value.state);
  return ok(r.value);
}

export async function createEngine(info: VenueInfo, setup: RiskSetup, desk: AccountDesk): Promise<void> {
  const [perps, spot] = await Promise.all([info.clearinghouse(), info.spot()]);
  if (!perps.ok) throw new Error(perps.error);
  if (!spot.ok) throw new Error(spot.error);
  setup.clock = measureOffset(setup.clock, perps.value.value.time, perps.value.sentMs, perps.value.answeredMs);
  setup.prefix ??= randomPrefix();
  setup.startingCashUsd = accountValueUsd(perps.value.value, spot.value.value);
  setup.baselineMs = venueNow(setup.clock, Date.now());
  const now = Date.now();
  const r = AccountEngine.create(setup.engineConfig()!, now);
  if (!r.ok) throw new Error(`account engine refused its config: ${JSON.stringify(r.error).slice(0, 300)}`);
  for (const k of ["clock", "prefix", "startingCash", "baseline"] as const) setup.save(k);
  desk.engine = r.value;
  desk.persist(null, [{ ts: now, kind: "control", market: null, engine: null, cloid: null, body: { action: "start", startingCashUsd: setup.startingCashUsd, prefix: setup.prefix } }], now);
}

/** The same state under the current config and instruments (nothing to do before the engine exists). */
export function rebuildEngine(setup: RiskSetup, desk: AccountDesk): Result<void, string[]> {
  const e = desk.engine;
  const cfg = setup.engineConfig();
  if (e === null || cfg === null) return ok(undefined);
  const r = AccountEngine.restore(cfg, e.exportState());
  if (!r.ok) return err(r.error.map((x) => JSON.stringify(x)));
  desk.engine = r.value;
  desk.persist(null, [], Date.now());
  return ok(undefined);
}

/** 16 hex digits: cloids are this prefix and a counter, so a fresh storage never reuses an old cloid. */
function randomPrefix(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
