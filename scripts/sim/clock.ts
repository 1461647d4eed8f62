/**
 * The simulator's clock. Sim time runs at the wall clock's rate from a chosen start, and a
 * control call can jump it forward (tests use that instead of sleeping through a 5 s
 * scheduleCancel); everything timed — replay steps, dead man's switches, settlement, book
 * cadence — is a task on one scheduler keyed by sim time, so a jump runs what fell due in order.
 */

export interface WallClock {
  now(): number;
}

export const systemClock: WallClock = { now: () => Date.now() };

export class SimClock {
  private offset: number;

  constructor(
    private readonly wall: WallClock,
    simStart: number,
  ) {
    this.offset = simStart - wall.now();
  }

  /** Whole milliseconds, as the venue stamps everything. */
  now(): number {
    return Math.floor(this.wall.now() + this.offset);
  }

  /** Moves sim time forward by `ms` (never backward). */
  jump(ms: number): void {
    if (ms > 0) this.offset += ms;
  }

  wallNow(): number {
    return this.wall.now();
  }
}

interface Task {
  at: number;
  seq: number;
  fn: () => void;
}

export interface TaskHandle {
  readonly seq: number;
}

/** One timer for every task, always armed for the earliest. */
export class Scheduler {
  private tasks: Task[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private closed = false;

  constructor(readonly clock: SimClock) {}

  /** Runs `fn` once sim time reaches `at`. */
  at(at: number, fn: () => void): TaskHandle {
    const t: Task = { at, seq: this.seq++, fn };
    let i = this.tasks.length;
    while (i > 0 && (this.tasks[i - 1]?.at ?? 0) > at) i--;
    this.tasks.splice(i, 0, t);
    if (!this.running) this.arm();
    return t;
  }

  cancel(h: TaskHandle | null | undefined): void {
    if (h === null || h === undefined) return;
    const i = this.tasks.findIndex((t) => t.seq === h.seq);
    if (i >= 0) this.tasks.splice(i, 1);
  }

  /** Jumps sim time forward and runs what fell due. */
  advance(ms: number): void {
    this.clock.jump(ms);
    this.run();
  }

  run(): void {
    if (this.running || this.closed) return;
    this.running = true;
    try {
      for (;;) {
        const next = this.tasks[0];
        if (next === undefined || next.at > this.clock.now()) break;
        this.tasks.shift();
        next.fn();
      }
    } finally {
      this.running = false;
      this.arm();
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.tasks = [];
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const next = this.tasks[0];
    if (next === undefined || this.closed) return;
    const delay = Math.max(0, next.at - this.clock.now());
    // Timers beyond ~24.8 days overflow Node's 32-bit delay; re-arming then is harmless.
    this.timer = setTimeout(() => this.run(), Math.min(delay, 2 ** 31 - 1));
  }
}

/** Recorded exchange time <-> sim time for one pass over a recording. */
export class Timeline {
  constructor(
    readonly simStart: number,
    readonly recordedStart: number,
    readonly speed: number,
  ) {}

  toSim(recorded: number): number {
    return this.simStart + (recorded - this.recordedStart) / this.speed;
  }

  toRecorded(sim: number): number {
    return this.recordedStart + (sim - this.simStart) * this.speed;
  }
}
