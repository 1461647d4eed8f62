/**
 * The MarketDO's path to the RiskDO (SPEC §1: risk never blocks a market's receive path): at
 * most one submit in flight per market; a decision made while one is in flight waits, and a newer
 * one replaces it (latest wins: it already reflects everything the waiting one did).
 */
export class SubmitQueue<T> {
  private inFlight = false;
  private waiting: T | null = null;
  superseded = 0;

  get busy(): boolean {
    return this.inFlight;
  }

  /** A new decision: returns it if it should be sent now, or null if it waits. */
  offer(d: T): T | null {
    if (!this.inFlight) {
      this.inFlight = true;
      return d;
    }
    if (this.waiting !== null) this.superseded++;
    this.waiting = d;
    return null;
  }

  /** The in-flight submit finished (answered or failed): the next to send, or null. */
  done(): T | null {
    const next = this.waiting;
    this.waiting = null;
    this.inFlight = next !== null;
    return next;
  }

  /** Forgets what waits (the market was disabled or rebuilt); a submit in flight still finishes. */
  clear(): void {
    if (this.waiting !== null) this.superseded++;
    this.waiting = null;
  }
}
