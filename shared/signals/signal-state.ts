/**
 * Latest value and exchange timestamp of every signal (SPEC §4). A signal older than its
 * maximum age counts as absent: readers get `undefined`, never a stale number.
 */

export interface SignalReading {
  name: string;
  value: number;
  ts: number;
  fresh: boolean;
}

interface Slot {
  value: number;
  ts: number;
  maxAgeMs: number;
}

export class SignalState {
  private readonly slots = new Map<string, Slot>();

  /** `maxAgeMs` per signal name; names not listed use `defaultMaxAgeMs`. */
  constructor(
    private readonly maxAgeMs: Readonly<Record<string, number>> = {},
    private readonly defaultMaxAgeMs = 5_000,
  ) {}

  /** Records a value; non-finite values clear the signal (it is absent, not zero). */
  set(name: string, value: number | undefined, ts: number): void {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = { value: NaN, ts: NaN, maxAgeMs: this.maxAgeMs[name] ?? this.defaultMaxAgeMs };
      this.slots.set(name, slot);
    }
    slot.value = value !== undefined && Number.isFinite(value) ? value : NaN;
    slot.ts = ts;
  }

  /** The value if it exists and is fresh at `now`, else undefined. */
  get(name: string, now: number): number | undefined {
    const slot = this.slots.get(name);
    if (slot === undefined || Number.isNaN(slot.value)) return undefined;
    return now - slot.ts <= slot.maxAgeMs ? slot.value : undefined;
  }

  /** Every signal ever set, with its freshness at `now` (for the dashboard and the audit log). */
  readings(now: number): SignalReading[] {
    const out: SignalReading[] = [];
    for (const [name, s] of this.slots) {
      out.push({ name, value: s.value, ts: s.ts, fresh: !Number.isNaN(s.value) && now - s.ts <= s.maxAgeMs });
    }
    return out;
  }

  clear(): void {
    this.slots.clear();
  }
}
