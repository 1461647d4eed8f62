/**
 * A recording served as a builder-deployed (HIP-3) perp dex. Two recordings that both hold BTC
 * cannot share the first dex (the HIP-4 outcome's underlying is the main-dex BTC of 2026-05-10,
 * ~80k; the BTC+ETH recording's BTC is of 2025-09-04, ~111k), so `npm start` serves the second
 * one as dex `rpl`: coins `rpl:BTC`, `rpl:ETH`, listed by `perpDexs` and `meta {dex:"rpl"}`,
 * asset ids 100000 + 10000·dexIndex + index [reference/hyperliquid.md §5.1: "names are always
 * {dex}:{coin}"; perp_dex_index = position in perpDexs, entry 0 = null]. The recorded market is
 * the same market; only its coin names and asset ids move.
 *
 * A recording is placed on a dex by naming it `<recording>@<dex>` (e.g. `btc-eth-2025-09-04@rpl`).
 */
import { err, ok, type Result } from "../../shared/core/result";
import type { MetaResponse, PerpDexsResponse } from "../../shared/venues/hyperliquid/info-schemas";
import type { Recording } from "./recordings";

/** HIP-3 dex names are short lowercase tokens ("xyz", "flx"); the simulator keeps to that form. */
const DEX_NAME = /^[a-z][a-z0-9]{0,9}$/;
const NOBODY = `0x${"0".repeat(40)}`;

export interface DexSpec {
  name: string;
  fullName: string;
  /** Wire coins ("rpl:BTC"), in the order of their base coin in the first dex's meta. */
  coins: string[];
}

export interface RecordingRef {
  recording: string;
  dex: string | null;
}

/** `btc-eth-2025-09-04@rpl` -> the recording name and the dex it is served on. */
export function parseRecordingRef(ref: string): Result<RecordingRef, string> {
  const at = ref.indexOf("@");
  if (at < 0) return ok({ recording: ref, dex: null });
  const dex = ref.slice(at + 1);
  if (!DEX_NAME.test(dex)) return err(`dex name "${dex}" must be 1-10 lowercase letters or digits, starting with a letter`);
  return ok({ recording: ref.slice(0, at), dex });
}

/** The recording with every coin renamed `<dex>:<coin>`; outcomes cannot move to a perp dex. */
export function onDex(rec: Recording, dex: string): Result<Recording, string> {
  if (!DEX_NAME.test(dex)) return err(`bad dex name "${dex}"`);
  if (rec.outcomes.length > 0) return err(`${rec.name} lists outcomes; a HIP-3 dex serves perps only`);
  const rename = <T extends { coin: string }>(e: T): T => ({ ...e, coin: `${dex}:${e.coin}` });
  return ok({ ...rec, name: `${rec.name}@${dex}`, dex, events: rec.events.map(rename), marks: rec.marks.map(rename) });
}

/**
 * The dexes the recordings ask for, each with the coins it serves (base coins must be listed in
 * the first dex's meta: their size decimals and leverage are taken from there).
 */
export function dexesOf(recs: readonly Recording[], main: MetaResponse): Result<DexSpec[], string> {
  const byName = new Map<string, { start: number; bases: Set<string> }>();
  for (const r of recs) {
    if (r.dex === undefined) continue;
    const d = byName.get(r.dex) ?? { start: r.start, bases: new Set<string>() };
    d.start = Math.min(d.start, r.start);
    for (const e of r.events) d.bases.add(e.coin.slice(r.dex.length + 1));
    byName.set(r.dex, d);
  }
  const order = new Map(main.universe.map((p, i) => [p.name, i]));
  const out: DexSpec[] = [];
  for (const [name, d] of byName) {
    const missing = [...d.bases].filter((b) => !order.has(b));
    if (missing.length > 0) return err(`dex ${name}: ${missing.join(", ")} not in the first dex's meta`);
    const bases = [...d.bases].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    out.push({ name, fullName: `replay of ${new Date(d.start).toISOString().slice(0, 10)}`, coins: bases.map((b) => `${name}:${b}`) });
  }
  return ok(out);
}

/** The dex's own `meta`: its coins with the first dex's size decimals and max leverage. */
export function dexMeta(main: MetaResponse, dex: DexSpec): MetaResponse {
  const byName = new Map(main.universe.map((p) => [p.name, p]));
  return {
    universe: dex.coins.map((coin) => {
      const base = byName.get(coin.slice(dex.name.length + 1));
      return { name: coin, szDecimals: base?.szDecimals ?? 0, maxLeverage: base?.maxLeverage ?? 1 };
    }),
  };
}

/** `perpDexs`: null for the first dex, then one entry per builder dex (index = perp dex index). */
export function perpDexs(dexes: readonly DexSpec[]): PerpDexsResponse {
  return [null, ...dexes.map((d) => ({ name: d.name, fullName: d.fullName, deployer: NOBODY, oracleUpdater: null, feeRecipient: null, assetToStreamingOiCap: [] }))];
}

/** The dex a wire coin trades on: "" for the first dex (perps, spot, outcomes), else the prefix. */
export function dexOfCoin(coin: string): string {
  const i = coin.indexOf(":");
  return i < 0 ? "" : coin.slice(0, i);
}
