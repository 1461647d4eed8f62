/**
 * What the simulator answered on HTTP `POST /info`, kept as the exact text sent, so a test can
 * hold what a client recorded against what the venue really served (the replay moves on between
 * two requests, so asking again would not give the same answer). `GET /control/info-served`
 * reads it; `POST /control/reset` empties it while `seq` keeps counting.
 */

export interface InfoServed {
  seq: number;
  /** Wall time the request reached the simulator, and when the answer was sent. */
  arrivedWall: number;
  wallTime: number;
  simTime: number;
  request: unknown;
  http: number;
  /** The body exactly as sent. */
  body: string;
}

const KEPT = 2_000;

export class InfoServedLog {
  private entries: InfoServed[] = [];
  private seq = 0;

  add(e: Omit<InfoServed, "seq">): void {
    this.entries.push({ seq: ++this.seq, ...e });
    if (this.entries.length > KEPT) this.entries.splice(0, this.entries.length - KEPT);
  }

  since(seq: number): InfoServed[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  clear(): void {
    this.entries = [];
  }
}
