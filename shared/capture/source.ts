/**
 * A venue the capture reads (SPEC §15): each source answers for one venue, live (snapshots now)
 * and historical (candles or price history), through an injected `fetchJson` so the same code
 * runs in the Worker, in Node and in unit tests. A request that fails or answers something that
 * is not the documented shape becomes a failure value naming the request; nothing is invented in
 * its place.
 */
import type { Venue } from "../events";
import type { CapturePlan } from "./plan";
import type { CaptureRecord } from "./record";

export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  /** JSON body of a POST. */
  body?: unknown;
}

/** The JSON a venue answered (2xx), or why there is none (network, timeout, HTTP status, not JSON). Never throws. */
export type FetchOutcome = { ok: true; json: unknown } | { ok: false; error: string };
export type FetchJson = (req: HttpRequest) => Promise<FetchOutcome>;

export interface RequestFailure {
  type: string;
  coin?: string;
  error: string;
}

/** What one live or historical pass of a source produced. */
export interface SourcePass {
  records: CaptureRecord[];
  requests: number;
  failures: RequestFailure[];
}

export interface CaptureSource {
  /** "hyperliquid", "polymarket", "kalshi". */
  readonly name: string;
  readonly venue: Venue;
  /** One round of snapshots; called `plan.samples` times per run. */
  live(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass>;
  /** History over `plan.candles.lookbackMs` up to now; called at most once per run. */
  historical(plan: CapturePlan, fetchJson: FetchJson, now: () => number): Promise<SourcePass>;
}

/** One request: the answer kept as a record when `check` accepts it, a failure otherwise. */
export interface Ask {
  venue: Venue;
  type: string;
  coin?: string;
  /** What the record says was asked: the /info body, or the GET path with its query. */
  req: unknown;
  http: HttpRequest;
  /** null = the documented shape; otherwise why not. */
  check: (json: unknown) => string | null;
}

export async function ask(a: Ask, fetchJson: FetchJson, now: () => number, pass: SourcePass): Promise<CaptureRecord | null> {
  pass.requests++;
  const got = await fetchJson(a.http);
  const problem = got.ok ? a.check(got.json) : got.error;
  if (!got.ok || problem !== null) {
    pass.failures.push({ type: a.type, ...(a.coin === undefined ? {} : { coin: a.coin }), error: problem ?? "no answer" });
    return null;
  }
  const rec: CaptureRecord = { t: now(), venue: a.venue, type: a.type, ...(a.coin === undefined ? {} : { coin: a.coin }), req: a.req, data: got.json };
  pass.records.push(rec);
  return rec;
}

export function emptyPass(): SourcePass {
  return { records: [], requests: 0, failures: [] };
}

/** Appends a query string of the given parameters (values encoded). */
export function withQuery(url: string, params: Record<string, string | number>): string {
  const q = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return q.length === 0 ? url : `${url}?${q.join("&")}`;
}
