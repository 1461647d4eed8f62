/**
 * Recorded levels (exact decimal strings) onto a market's integer grid. A value that is not on
 * the grid is a typed error, never a rounded guess.
 */
import { parseScaled } from "../core/decimal";
import { err, ok, type Result } from "../core/result";
import type { LevelStr } from "../events";
import type { RecordedLevel } from "./side-book";
import type { MarketSpec, MatchError } from "./types";

export function parseLevel(l: LevelStr, field: string, spec: MarketSpec): Result<RecordedLevel, MatchError> {
  const p = parseScaled(l.px, spec.pxDecimals);
  if (p === null) return err({ kind: "badNumber", field: `${field}.px`, value: l.px });
  const s = parseScaled(l.sz, spec.szDecimals);
  if (s === null || s < 0) return err({ kind: "badNumber", field: `${field}.sz`, value: l.sz });
  return ok({ px: p, sz: s, n: l.n ?? null });
}

/** Every level of one side; empty levels (size 0) are dropped. */
export function parseLevels(ls: readonly LevelStr[], field: string, spec: MarketSpec): Result<RecordedLevel[], MatchError> {
  const out: RecordedLevel[] = [];
  for (const l of ls) {
    const r = parseLevel(l, field, spec);
    if (!r.ok) return r;
    if (r.value.sz > 0) out.push(r.value);
  }
  return ok(out);
}
