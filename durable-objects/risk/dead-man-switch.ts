/**
 * The dead man's switch as the RiskDO runs it (policy in shared/runtime/account/dead-man.ts):
 * one scheduleCancel call at a time, its answer persisted and recorded, and an arm before an
 * order batch when the switch is wanted but not armed.
 */
import type { AccountOutput } from "../../shared/engine/types";
import { deadManAnswered, deadManDeadline, deadManStep } from "../../shared/runtime/account/dead-man";
import { venueNow } from "../../shared/runtime/account/venue-clock";
import type { AccountDesk } from "./desk";
import type { RiskSetup } from "./setup";
import type { SignerLink } from "./signer-link";
import type { RiskStore } from "./store";

export class DeadManSwitch {
  private working: Promise<AccountOutput[]> | null = null;

  constructor(
    private readonly store: RiskStore,
    private readonly setup: RiskSetup,
    private readonly desk: AccountDesk,
    private readonly link: SignerLink,
    /** Wanted while the account trades: ready, with markets registered. */
    readonly wanted: () => boolean,
  ) {}

  /** Local ms of the next step, for the alarm. */
  deadline(now: number): number | null {
    return deadManDeadline(this.setup.deadMan, this.wanted(), now, venueNow(this.setup.clock, now));
  }

  /** Arms, refreshes or disarms when due; returns the latency observation of the call to execute. */
  work(): Promise<AccountOutput[]> {
    this.working ??= this.step().finally(() => {
      this.working = null;
    });
    return this.working;
  }

  /** Before an order batch: arm first if wanted and not armed (orders should never rest without it). */
  async beforeOrders(): Promise<void> {
    const dm = this.setup.deadMan;
    if (!this.wanted() || dm.armedUntil !== null || (dm.retryAtMs !== null && Date.now() < dm.retryAtMs)) return;
    await this.work();
  }

  private async step(): Promise<AccountOutput[]> {
    const s = this.setup;
    const now = Date.now();
    const step = deadManStep(s.deadMan, this.wanted(), now, venueNow(s.clock, now));
    if (step.kind === "none") return [];
    const reply = await this.link.scheduleCancel(step.kind === "arm" ? step.time : null);
    const result = reply.results[0] ?? { kind: "unknown" as const };
    s.deadMan = deadManAnswered(s.deadMan, step, result, Date.now());
    s.save("deadman");
    this.store.audit([{ ts: Date.now(), kind: "dead_man", market: null, engine: null, cloid: null, body: { step, result, http: reply.http, note: reply.note, nonce: reply.nonce } }]);
    return this.desk.observe(reply);
  }
}
