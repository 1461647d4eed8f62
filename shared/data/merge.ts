/**
 * One time-ordered stream out of several: a k-way merge by exchange timestamp. Ties are broken
 * by stream order, then by order within a stream, so the merge is stable and a replay is the
 * same every time (both coins' books share block times in the BTC+ETH recording; the book
 * stream is listed before the bbo stream and keeps that precedence).
 */
import type { LoadStats } from "./load-stats";

interface Timed {
  ts: number;
}

/**
 * Sorts one stream by exchange time, stably, when a recorder wrote some rows late (e.g. trades
 * resent after a reconnect); counts every row that came after a later one.
 */
export function inTimeOrder<T extends Timed>(events: T[], stats: LoadStats): T[] {
  let maxTs = -Infinity;
  let late = 0;
  for (const e of events) {
    if (e.ts < maxTs) late++;
    else maxTs = e.ts;
  }
  if (late === 0) return events;
  stats.reordered += late;
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ts - b.e.ts || a.i - b.i)
    .map((x) => x.e);
}

/** Merges streams that are each in time order. */
export function* mergeByTs<T extends Timed>(streams: readonly (readonly T[])[]): Generator<T> {
  // Binary heap of stream indices keyed by (ts of the stream's head, stream index).
  const pos = streams.map(() => 0);
  const heap: number[] = [];
  const key = (s: number): number => (streams[s] as readonly T[])[pos[s] as number]?.ts ?? Infinity;
  const less = (a: number, b: number): boolean => key(a) < key(b) || (key(a) === key(b) && a < b);
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i] as number, heap[p] as number)) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && less(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  streams.forEach((s, i) => {
    if (s.length > 0) {
      heap.push(i);
      up(heap.length - 1);
    }
  });
  while (heap.length > 0) {
    const s = heap[0] as number;
    const stream = streams[s] as readonly T[];
    yield stream[pos[s] as number] as T;
    pos[s] = (pos[s] as number) + 1;
    if ((pos[s] as number) >= stream.length) {
      const last = heap.pop() as number;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
    } else {
      down(0);
    }
  }
}
