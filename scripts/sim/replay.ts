/**
 * Plays a recording on the sim clock: pass k maps recorded time r to
 * simTime = passStart_k + (r − recordedStart) / speed, with passStart_k = simStart + k × span / speed
 * and span the recording's length up to its last outcome's expiry (so pass k+1 begins at pass k's
 * settlement). Events go out with their time moved onto the sim clock; a looping replay renames
 * each pass's outcome coins to the pass's new outcome (#150 -> #160 -> ...), as the venue's
 * recurring universe rolls. Without loop the replay stops after its last event (and settlement).
 */
import type { MarketEvent } from "../../shared/events";
import { outcomeCoin, parseOutcomeCoin } from "../../shared/venues/hyperliquid/assets";
import { outcomeExpiryMs } from "../../shared/runtime/market/setup";
import { type Scheduler, Timeline } from "./clock";
import { type OutcomeDef, outcomeForPass } from "./outcomes";
import type { Recording } from "./recordings";
import { parseOutcomeDescription } from "../../shared/venues/hyperliquid/outcome-ticker";

export interface ReplayHooks {
  event(ev: MarketEvent): void;
  /** Events of one scheduler step are done (a good moment to push derived frames). */
  flushed(lastTs: number): void;
  outcomeListed(o: OutcomeDef): void;
  outcomeExpired(o: OutcomeDef): void;
  log(line: string): void;
}

export interface ReplayOptions {
  speed: number;
  loop: boolean;
  quoteToken: string;
}

export class Replay {
  private pass = 0;
  private index = 0;
  private timeline: Timeline;
  private stopped = false;
  readonly span: number;
  played = 0;

  constructor(
    readonly rec: Recording,
    private readonly simStart: number,
    private readonly opts: ReplayOptions,
    private readonly scheduler: Scheduler,
    private readonly hooks: ReplayHooks,
  ) {
    this.span = recordingSpan(rec);
    this.timeline = new Timeline(simStart, rec.start, opts.speed);
  }

  start(): void {
    this.beginPass();
  }

  stop(): void {
    this.stopped = true;
  }

  position(): { pass: number; index: number; events: number; recordedTs: number | null } {
    return { pass: this.pass, index: this.index, events: this.rec.events.length, recordedTs: this.rec.events[this.index]?.ts ?? null };
  }

  private beginPass(): void {
    const passStart = this.simStart + (this.pass * this.span) / this.opts.speed;
    this.timeline = new Timeline(passStart, this.rec.start, this.opts.speed);
    this.index = 0;
    for (const o of this.rec.outcomes) {
      const def = outcomeForPass(o, this.pass, (r) => this.timeline.toSim(r), this.rec.marks, this.opts.quoteToken);
      if (!def.ok) {
        this.hooks.log(`replay ${this.rec.name}: ${def.error}`);
        continue;
      }
      this.hooks.outcomeListed(def.value);
      this.scheduler.at(def.value.expiryMs, () => this.hooks.outcomeExpired(def.value));
    }
    this.step();
  }

  private step(): void {
    if (this.stopped) return;
    const events = this.rec.events;
    const now = this.scheduler.clock.now();
    let last = -1;
    while (this.index < events.length) {
      const ev = events[this.index] as MarketEvent;
      const at = this.timeline.toSim(ev.ts);
      if (at > now) break;
      this.index++;
      this.played++;
      last = at;
      this.hooks.event({ ...ev, ts: Math.floor(at), coin: this.coinForPass(ev.coin) });
    }
    if (last >= 0) this.hooks.flushed(Math.floor(last));
    const next = events[this.index];
    if (next !== undefined) {
      this.scheduler.at(this.timeline.toSim(next.ts), () => this.step());
      return;
    }
    if (!this.opts.loop) return;
    this.pass++;
    this.scheduler.at(this.simStart + (this.pass * this.span) / this.opts.speed, () => this.beginPass());
  }

  private coinForPass(coin: string): string {
    if (this.pass === 0) return coin;
    const o = parseOutcomeCoin(coin);
    return o === null ? coin : outcomeCoin({ outcome: o.outcome + this.pass, side: o.side });
  }
}

/** From the first event to the last event or the last outcome expiry, whichever is later. */
export function recordingSpan(rec: Recording): number {
  let end = rec.end;
  for (const o of rec.outcomes) {
    const e = parseOutcomeDescription(o.description)?.expiry;
    const ms = e === undefined ? null : outcomeExpiryMs(e);
    if (ms !== null && ms > end) end = ms;
  }
  return Math.max(1, end - rec.start);
}

/** Recorded time of the first outcome expiry, if the recording has one. */
export function firstExpiry(rec: Recording): number | null {
  for (const o of rec.outcomes) {
    const e = parseOutcomeDescription(o.description)?.expiry;
    const ms = e === undefined ? null : outcomeExpiryMs(e);
    if (ms !== null) return ms;
  }
  return null;
}
