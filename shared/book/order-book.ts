/**
 * The local order book of one market (SPEC §3): exact integer ticks and lots at the
 * instrument's scale, O(1) best levels, `depth(n)`, Hyperliquid snapshots turned into level
 * changes, bbo updates between snapshots, and refusal of anything that would leave the book
 * crossed, locked, unsorted or holding a value that is not an exact decimal on the grid.
 * A refused update leaves the book exactly as it was and is counted by kind.
 */
import { err, ok, type Result } from "../core/result";
import type { LevelStr } from "../events";
import { BookSide, type Side } from "./book-side";
import { diffSide } from "./snapshot-diff";
import { SnapshotSideParser, scaled } from "./snapshot-parser";
import { REFUSAL_KINDS, type BookRefusal, type BookScale, type LevelChange, type RefusalKind } from "./types";

const OK_VOID: Result<void, never> = Object.freeze(ok(undefined));

export class OrderBook {
  readonly bids = new BookSide("bid");
  readonly asks = new BookSide("ask");
  /** Refused updates by reason. */
  readonly refused: Record<RefusalKind, number> = Object.fromEntries(REFUSAL_KINDS.map((k) => [k, 0])) as Record<
    RefusalKind,
    number
  >;
  /** Accepted updates (snapshots, bbos, changes, deltas). */
  updates = 0;
  private readonly bidParser: SnapshotSideParser;
  private readonly askParser: SnapshotSideParser;

  constructor(readonly scale: BookScale) {
    this.bidParser = new SnapshotSideParser("bid", scale.pxDecimals, scale.szDecimals);
    this.askParser = new SnapshotSideParser("ask", scale.pxDecimals, scale.szDecimals);
  }

  bestBidPx(): number {
    return this.bids.bestPx();
  }
  bestBidSz(): number {
    return this.bids.bestSz();
  }
  bestAskPx(): number {
    return this.asks.bestPx();
  }
  bestAskSz(): number {
    return this.asks.bestSz();
  }
  hasBothSides(): boolean {
    return this.bids.count > 0 && this.asks.count > 0;
  }

  side(side: Side): BookSide {
    return side === "bid" ? this.bids : this.asks;
  }

  /** Sum of sizes (lots) over the best `levels` levels of one side. */
  depth(side: Side, levels: number): number {
    return this.side(side).depth(levels);
  }

  clear(): void {
    this.bids.clear();
    this.asks.clear();
  }

  /**
   * Makes the book equal to a snapshot (levels best first, as Hyperliquid's l2Book sends them).
   * With `keepDeeper` (a 5-level `fast` snapshot over a deeper book) levels worse than the
   * snapshot's last level on a side are kept. When `changes` is given, the level changes from
   * the previous book to the new one are appended to it. Returns the number of changes.
   */
  applySnapshot(
    bids: readonly LevelStr[],
    asks: readonly LevelStr[],
    changes?: LevelChange[],
    keepDeeper = false,
  ): Result<number, BookRefusal> {
    const bp = this.bidParser;
    const ap = this.askParser;
    const b = bp.parse(bids);
    if (b !== null) return this.refuse(b);
    const a = ap.parse(asks);
    if (a !== null) return this.refuse(a);
    if (bp.count > 0 && ap.count > 0) {
      const cross = crossing(bp.px[0] as number, ap.px[0] as number);
      if (cross !== null) return this.refuse(cross);
    }
    if (keepDeeper) {
      appendDeeper(this.bids, bp);
      appendDeeper(this.asks, ap);
    }
    let n = 0;
    if (changes !== undefined) {
      n += diffSide(this.bids, bp.px, bp.sz, bp.count, changes);
      n += diffSide(this.asks, ap.px, ap.sz, ap.count, changes);
    }
    this.bids.replace(bp.px, bp.sz, bp.count);
    this.asks.replace(ap.px, ap.sz, ap.count);
    this.updates++;
    return ok(n);
  }

  /**
   * Applies a best bid/offer seen between snapshots: each given side's touch becomes that level
   * and any level better than it is gone; a null side means the venue shows that side empty.
   */
  applyBbo(bid: LevelStr | null, ask: LevelStr | null): Result<void, BookRefusal> {
    let bidPx = NaN;
    let bidSz = 0;
    let askPx = NaN;
    let askSz = 0;
    if (bid !== null) {
      bidPx = scaled(bid.px, this.scale.pxDecimals);
      if (!(bidPx > 0)) return this.refuse(badLevel("bid", 0, "px", bid.px));
      bidSz = scaled(bid.sz, this.scale.szDecimals);
      if (!(bidSz > 0)) return this.refuse(badLevel("bid", 0, "sz", bid.sz));
    }
    if (ask !== null) {
      askPx = scaled(ask.px, this.scale.pxDecimals);
      if (!(askPx > 0)) return this.refuse(badLevel("ask", 0, "px", ask.px));
      askSz = scaled(ask.sz, this.scale.szDecimals);
      if (!(askSz > 0)) return this.refuse(badLevel("ask", 0, "sz", ask.sz));
    }
    if (bid !== null && ask !== null) {
      const cross = crossing(bidPx, askPx);
      if (cross !== null) return this.refuse(cross);
    }
    if (bid === null) this.bids.clear();
    else {
      this.bids.dropBetterThan(bidPx);
      this.bids.set(bidPx, bidSz);
    }
    if (ask === null) this.asks.clear();
    else {
      this.asks.dropBetterThan(askPx);
      this.asks.set(askPx, askSz);
    }
    this.updates++;
    return OK_VOID;
  }

  /** One level change in ticks/lots (size 0 removes). Refused if it would cross or lock. */
  applyChange(side: Side, px: number, sz: number): Result<void, BookRefusal> {
    if (!Number.isSafeInteger(px) || px <= 0) return this.refuse(badLevel(side, 0, "px", String(px)));
    if (!Number.isSafeInteger(sz) || sz < 0) return this.refuse(badLevel(side, 0, "sz", String(sz)));
    if (sz > 0) {
      const cross =
        side === "bid"
          ? this.asks.count > 0
            ? crossing(px, this.asks.bestPx())
            : null
          : this.bids.count > 0
            ? crossing(this.bids.bestPx(), px)
            : null;
      if (cross !== null) return this.refuse(cross);
    }
    this.side(side).set(px, sz);
    this.updates++;
    return OK_VOID;
  }

  /**
   * Applies a batch of level changes given as decimal strings (Polymarket price_change, Kalshi
   * deltas) atomically: every value is checked first, and if the result would be crossed or
   * locked the batch is undone.
   */
  applyDelta(changes: readonly { side: Side; px: string; sz: string }[]): Result<void, BookRefusal> {
    const parsed: LevelChange[] = [];
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i] as { side: Side; px: string; sz: string };
      const px = scaled(c.px, this.scale.pxDecimals);
      if (!(px > 0)) return this.refuse(badLevel(c.side, i, "px", String(c.px)));
      const sz = scaled(c.sz, this.scale.szDecimals);
      if (!(sz >= 0)) return this.refuse(badLevel(c.side, i, "sz", String(c.sz)));
      parsed.push({ side: c.side, px, sz });
    }
    const undo: LevelChange[] = [];
    for (const c of parsed) {
      const s = this.side(c.side);
      undo.push({ side: c.side, px: c.px, sz: s.sizeAt(c.px) });
      s.set(c.px, c.sz);
    }
    if (this.hasBothSides()) {
      const cross = crossing(this.bids.bestPx(), this.asks.bestPx());
      if (cross !== null) {
        for (let i = undo.length - 1; i >= 0; i--) {
          const u = undo[i] as LevelChange;
          this.side(u.side).set(u.px, u.sz);
        }
        return this.refuse(cross);
      }
    }
    this.updates++;
    return OK_VOID;
  }

  private refuse<T>(r: BookRefusal): Result<T, BookRefusal> {
    this.refused[r.kind]++;
    return err(r);
  }
}

/** Appends the book's levels that are worse than the snapshot's last level on that side. */
function appendDeeper(current: BookSide, parsed: SnapshotSideParser): void {
  if (parsed.count === 0) return;
  const last = parsed.px[parsed.count - 1] as number;
  for (let i = 0; i < current.count; i++) {
    const px = current.pxAt(i);
    if (current.better(last, px)) parsed.append(px, current.szAt(i));
  }
}

function badLevel(side: Side, index: number, field: "px" | "sz", value: string): BookRefusal {
  return { kind: "bad-level", side, index, field, value };
}

function crossing(bidPx: number, askPx: number): BookRefusal | null {
  if (bidPx > askPx) return { kind: "crossed", bidPx, askPx };
  if (bidPx === askPx) return { kind: "locked", px: bidPx };
  return null;
}
