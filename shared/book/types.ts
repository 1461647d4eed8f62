import type { Side } from "./book-side";

export type { Side } from "./book-side";

/** Decimal places of the instrument's price ticks and size lots (e.g. BTC perp: 1 and 5). */
export interface BookScale {
  pxDecimals: number;
  szDecimals: number;
}

/** One level change in integer ticks and lots; size 0 removes the level. */
export interface LevelChange {
  side: Side;
  px: number;
  sz: number;
}

/** Why an update was refused. The book is left exactly as it was before the update. */
export type BookRefusal =
  | { kind: "bad-level"; side: Side; index: number; field: "px" | "sz"; value: string }
  | { kind: "unsorted"; side: Side; index: number }
  | { kind: "crossed"; bidPx: number; askPx: number }
  | { kind: "locked"; px: number };

export type RefusalKind = BookRefusal["kind"];

export const REFUSAL_KINDS: readonly RefusalKind[] = ["bad-level", "unsorted", "crossed", "locked"];
