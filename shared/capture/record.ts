/**
 * One captured venue answer, as one JSONL line:
 *   {"t": <ms received>, "venue": "hl", "type": "l2Book", "coin": "BTC", "req": <what was asked>, "data": <the answer>}
 * `data` is the venue's JSON exactly as it answered (validated before it was kept, never
 * rewritten), `req` the /info body or the GET path with its query. The Hyperliquid types are the
 * /info request types, which the dashboard's replay reads (dashboard/js/replay/capture.js).
 */
import * as z from "zod";
import type { Venue } from "../events";

/** Record types per venue, and whether each is a live snapshot, history, or reference data. */
export const RECORD_TYPES = {
  hl: { allMids: "live", l2Book: "live", candleSnapshot: "historical", outcomeMeta: "reference" },
  pm: { book: "live", "prices-history": "historical" },
  ks: { orderbook: "live", candlesticks: "historical" },
} as const satisfies Record<Venue, Record<string, "live" | "historical" | "reference">>;

export type RecordKind = "live" | "historical" | "reference";

export interface CaptureRecord {
  t: number;
  venue: Venue;
  type: string;
  coin?: string;
  req: unknown;
  data: unknown;
}

export const CaptureRecordSchema = z
  .strictObject({
    t: z.number().int().nonnegative(),
    venue: z.enum(["hl", "pm", "ks"]),
    type: z.string().min(1),
    coin: z.string().min(1).optional(),
    req: z.unknown(),
    data: z.unknown(),
  })
  .refine((r) => kindOf(r.venue, r.type) !== null, { message: "not a record type of its venue", path: ["type"] });

/** live / historical / reference, or null for a type the venue does not have. */
export function kindOf(venue: Venue, type: string): RecordKind | null {
  const types: Record<string, RecordKind> = RECORD_TYPES[venue];
  return Object.hasOwn(types, type) ? (types[type] as RecordKind) : null;
}

/** The count key of a record in a manifest: the bare type for Hyperliquid (as the dashboard reads it), `<venue>:<type>` otherwise. */
export function countKey(r: Pick<CaptureRecord, "venue" | "type">): string {
  return r.venue === "hl" ? r.type : `${r.venue}:${r.type}`;
}
