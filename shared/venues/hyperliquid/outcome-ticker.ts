/**
 * The human outcome ticker of SPEC §2, `OUT:<UNDERLYING>-<STRIKE>-<YYYY-MM-DD>-<YES|NO>`
 * (e.g. `OUT:BTC-78213-2026-05-03-YES`), and its resolution against outcomeMeta.
 *
 * A recurring priceBinary outcome is described in outcomeMeta as
 * `class:priceBinary|underlying:BTC|expiry:20260503-0600|targetPrice:78213|period:1d`
 * [docs trading/contract-specifications]. The ticker keeps only the expiry *date*, and drops the
 * time (HHMM) and the period, so on sub-daily series (15m, 3m) several live outcomes can share
 * one ticker. Such a ticker is refused as `ambiguous` (listing the candidates) instead of picking
 * one, and formatting refuses to print a ticker that would not resolve back to the same outcome.
 * Only priceBinary outcomes whose two sides are named Yes and No have a ticker.
 */
import { err, ok, type Result } from "../../core/result";
import { outcomeAssetId, outcomeCoin } from "./assets";
import type { OutcomeMetaResponse, OutcomeSpec } from "./info-schemas";
import { canonicalDecimal } from "./wire-decimal";

export interface OutcomeTicker {
  underlying: string;
  /** Canonical decimal string. */
  strike: string;
  /** YYYY-MM-DD (UTC date of the expiry). */
  date: string;
  side: "YES" | "NO";
}

export interface OutcomeDescription {
  class: string;
  underlying?: string;
  /** YYYYMMDD-HHMM, UTC. */
  expiry?: string;
  targetPrice?: string;
  period?: string;
  fields: Readonly<Record<string, string>>;
}

export interface ResolvedOutcome {
  outcome: number;
  side: 0 | 1;
  coin: string;
  assetId: number;
  expiry: string;
  period?: string;
}

export type TickerError =
  | { kind: "badTicker"; input: string; why: string }
  | { kind: "notFound"; ticker: string }
  | { kind: "ambiguous"; ticker: string; candidates: { outcome: number; expiry: string; period?: string }[] }
  | { kind: "noTicker"; outcome: number; why: string };

const TICKER = /^OUT:([A-Za-z0-9]+)-(\d+(?:\.\d+)?)-(\d{4})-(\d{2})-(\d{2})-(YES|NO)$/;
const EXPIRY = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function parseOutcomeTicker(input: string): Result<OutcomeTicker, TickerError> {
  const m = TICKER.exec(input);
  if (m === null) return err({ kind: "badTicker", input, why: "expected OUT:<UNDERLYING>-<STRIKE>-<YYYY-MM-DD>-<YES|NO>" });
  const [, underlying = "", strikeRaw = "", y = "", mo = "", d = "", side = ""] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return err({ kind: "badTicker", input, why: "not a calendar date" });
  const strike = canonicalDecimal(strikeRaw);
  if (!strike.ok || strike.value === "0") return err({ kind: "badTicker", input, why: "strike must be a positive decimal" });
  return ok({ underlying, strike: strike.value, date: `${y}-${mo}-${d}`, side: side as "YES" | "NO" });
}

export function formatOutcomeTicker(t: OutcomeTicker): string {
  return `OUT:${t.underlying}-${t.strike}-${t.date}-${t.side}`;
}

/** Reads the `key:value|key:value` description of a recurring outcome; null if it is not one. */
export function parseOutcomeDescription(description: string): OutcomeDescription | null {
  const fields: Record<string, string> = {};
  for (const part of description.split("|")) {
    const at = part.indexOf(":");
    if (at <= 0) return null;
    fields[part.slice(0, at)] = part.slice(at + 1);
  }
  const cls = fields["class"];
  if (cls === undefined) return null;
  const out: OutcomeDescription = { class: cls, fields };
  if (fields["underlying"] !== undefined) out.underlying = fields["underlying"];
  if (fields["expiry"] !== undefined) out.expiry = fields["expiry"];
  if (fields["targetPrice"] !== undefined) out.targetPrice = fields["targetPrice"];
  if (fields["period"] !== undefined) out.period = fields["period"];
  return out;
}

interface BinaryKey {
  underlying: string;
  strike: string;
  date: string;
  expiry: string;
  period?: string;
  yesSide: 0 | 1;
}

/** The ticker-relevant facts of a priceBinary outcome with Yes/No sides, or why it has none. */
function binaryKey(o: OutcomeSpec): BinaryKey | string {
  const desc = parseOutcomeDescription(o.description);
  if (desc === null || desc.class !== "priceBinary") return "not a recurring priceBinary outcome";
  const exp = desc.expiry === undefined ? null : EXPIRY.exec(desc.expiry);
  const strike = desc.targetPrice === undefined ? null : canonicalDecimal(desc.targetPrice);
  if (desc.underlying === undefined || exp === null || strike === null || !strike.ok) return "description lacks underlying, expiry or targetPrice";
  const names = o.sideSpecs.map((s) => s.name.toLowerCase());
  const yesSide = names[0] === "yes" && names[1] === "no" ? 0 : names[0] === "no" && names[1] === "yes" ? 1 : null;
  if (yesSide === null) return "sides are not named Yes and No";
  const key: BinaryKey = { underlying: desc.underlying, strike: strike.value, date: `${exp[1]}-${exp[2]}-${exp[3]}`, expiry: desc.expiry ?? "", yesSide };
  if (desc.period !== undefined) key.period = desc.period;
  return key;
}

/** Resolves a ticker to the one outcome side it names; refuses unknown and ambiguous tickers. */
export function resolveOutcomeTicker(ticker: string | OutcomeTicker, meta: OutcomeMetaResponse): Result<ResolvedOutcome, TickerError> {
  let t: OutcomeTicker;
  if (typeof ticker === "string") {
    const p = parseOutcomeTicker(ticker);
    if (!p.ok) return p;
    t = p.value;
  } else {
    t = ticker;
  }
  const text = formatOutcomeTicker(t);
  const hits: { spec: OutcomeSpec; key: BinaryKey }[] = [];
  for (const spec of meta.outcomes) {
    const key = binaryKey(spec);
    if (typeof key === "string") continue;
    if (key.underlying === t.underlying && key.strike === t.strike && key.date === t.date) hits.push({ spec, key });
  }
  const [only, ...rest] = hits;
  if (only === undefined) return err({ kind: "notFound", ticker: text });
  if (rest.length > 0) {
    const candidates = hits.map((h) => {
      const c: { outcome: number; expiry: string; period?: string } = { outcome: h.spec.outcome, expiry: h.key.expiry };
      if (h.key.period !== undefined) c.period = h.key.period;
      return c;
    });
    return err({ kind: "ambiguous", ticker: text, candidates });
  }
  const side: 0 | 1 = t.side === "YES" ? only.key.yesSide : only.key.yesSide === 0 ? 1 : 0;
  const where = { outcome: only.spec.outcome, side };
  const r: ResolvedOutcome = { ...where, coin: outcomeCoin(where), assetId: outcomeAssetId(where), expiry: only.key.expiry };
  if (only.key.period !== undefined) r.period = only.key.period;
  return ok(r);
}

/** The ticker of one side of an outcome, only if it resolves back to exactly that side. */
export function tickerForOutcome(meta: OutcomeMetaResponse, outcome: number, side: 0 | 1): Result<string, TickerError> {
  const spec = meta.outcomes.find((o) => o.outcome === outcome);
  if (spec === undefined) return err({ kind: "noTicker", outcome, why: "not in outcomeMeta" });
  const key = binaryKey(spec);
  if (typeof key === "string") return err({ kind: "noTicker", outcome, why: key });
  const t: OutcomeTicker = { underlying: key.underlying, strike: key.strike, date: key.date, side: side === key.yesSide ? "YES" : "NO" };
  const back = resolveOutcomeTicker(t, meta);
  if (!back.ok) return back;
  return ok(formatOutcomeTicker(t));
}
