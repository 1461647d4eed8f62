import type { BookSide } from "./book-side";
import type { LevelChange } from "./types";

/**
 * The level changes that turn `current` into the side given by a snapshot (`px`/`sz`, best
 * first, `count` levels). Hyperliquid's l2Book only ever sends whole snapshots of the top
 * levels; consumers that think in level changes (queue models, audit logs) get them from here.
 * Both inputs are sorted best first, so one merge walk finds every removed, added and resized
 * level in O(levels on both sides).
 */
export function diffSide(
  current: BookSide,
  px: ArrayLike<number>,
  sz: ArrayLike<number>,
  count: number,
  out: LevelChange[],
): number {
  const side = current.side;
  let i = 0;
  let j = 0;
  const start = out.length;
  while (i < current.count || j < count) {
    if (j >= count) {
      out.push({ side, px: current.pxAt(i), sz: 0 });
      i++;
    } else if (i >= current.count) {
      out.push({ side, px: px[j] as number, sz: sz[j] as number });
      j++;
    } else {
      const oldPx = current.pxAt(i);
      const newPx = px[j] as number;
      if (oldPx === newPx) {
        if (current.szAt(i) !== sz[j]) out.push({ side, px: newPx, sz: sz[j] as number });
        i++;
        j++;
      } else if (current.better(oldPx, newPx)) {
        out.push({ side, px: oldPx, sz: 0 });
        i++;
      } else {
        out.push({ side, px: newPx, sz: sz[j] as number });
        j++;
      }
    }
  }
  return out.length - start;
}
