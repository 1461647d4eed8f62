/**
 * The MarketDO's side of settlement and the roll (README "Settlement and roll"): the outcome
 * instance it trades is kept in SQLite (outcomeMeta drops it once settled, so its description is
 * kept from setup time); from the expiry on, each alarm reads outcomeMeta and the account and
 * lets `settlementStep` (shared/runtime/market/outcome-roll.ts) decide: keep waiting, stop (a
 * market without roll is disabled and says `settled`, naming the successor) or roll (the setup is
 * rebuilt for the successor under the same engine id, keeping what the engine learned that
 * still applies).
 */
import type { BotConfig } from "../../shared/config";
import type { Result } from "../../shared/core/result";
import type { MarketEngine } from "../../shared/engine";
import { carryEngineState, settlementStep, trackOf, type OutcomeTrack } from "../../shared/runtime/market/outcome-roll";
import type { RiskForMarkets } from "../../shared/runtime/market/risk-port";
import { buildMarketSetup } from "../../shared/runtime/market/setup";
import type { MarketStatus, SetupIssue } from "../../shared/runtime/market/types";
import type { OutcomeSpec as VenueOutcome } from "../../shared/venues/hyperliquid/info-schemas";
import type { StoredSetup } from "./store";
import { fetchVenueMetadata, postInfo } from "./venue-info";

export interface RollerHost {
  readonly id: string;
  readonly apiUrl: string;
  setup(): StoredSetup | null;
  engine(): MarketEngine | null;
  risk(): RiskForMarkets;
  install(next: StoredSetup, state?: unknown): Promise<Result<MarketStatus, SetupIssue[]>>;
}

export class OutcomeRoller {
  private track: OutcomeTrack | null;
  private busy = false;

  constructor(
    private readonly sql: SqlStorage,
    private readonly host: RollerHost,
  ) {
    sql.exec("CREATE TABLE IF NOT EXISTS outcome_track (id INTEGER PRIMARY KEY CHECK (id = 1), track TEXT NOT NULL)");
    const row = sql.exec<{ track: string }>("SELECT track FROM outcome_track").toArray()[0];
    this.track = row === undefined ? null : (JSON.parse(row.track) as OutcomeTrack);
  }

  status(): OutcomeTrack | null {
    return this.track;
  }

  /** A (re)configured market: track the outcome it now trades (none for a perp). */
  configured(outcome: VenueOutcome | undefined): void {
    const t = outcome === undefined ? null : trackOf(outcome);
    // Configuring the same instance again keeps its roll history.
    this.save(t === null ? null : { ...t, rolls: this.track?.rolls ?? [] });
  }

  /** From the alarm: past the expiry, settle, roll or stop as the venue's state says. */
  async check(nowMs: number): Promise<void> {
    const t = this.track;
    const s = this.host.setup();
    const e = this.host.engine();
    if (t === null || t.state === "settled" || s === null || e === null || this.busy) return;
    const venueNow = e.venueClock.now(nowMs);
    if (venueNow < t.expiryMs) return;
    this.busy = true;
    try {
      const meta = await postInfo(this.host.apiUrl, "outcomeMeta", { type: "outcomeMeta" });
      const legsFlat = await this.legsFlat(t);
      const step = settlementStep({ track: t, roll: s.request.roll === true, venueNowMs: venueNow, meta: meta.ok ? meta.value : null, legsFlat });
      switch (step.kind) {
        case "trading":
          return;
        case "waiting":
          if (t.note !== step.why) this.save({ ...t, note: step.why });
          return;
        case "stop":
          this.save(step.track);
          await this.host.install({ ...s, enabled: false, updatedAt: nowMs });
          return;
        case "roll":
          await this.roll(s, e, step.track, nowMs);
          return;
      }
    } finally {
      this.busy = false;
    }
  }

  private async roll(s: StoredSetup, e: MarketEngine, next: OutcomeTrack, nowMs: number): Promise<void> {
    const request = { ...s.request, market: `hl:${next.coin}`, origin: s.request.origin ?? s.request.market };
    let config: BotConfig;
    try {
      config = await this.host.risk().getConfig();
    } catch (x) {
      return this.note(`roll to ${next.coin}: RiskDO unreachable: ${x instanceof Error ? x.message : String(x)}`);
    }
    const venue = await fetchVenueMetadata(this.host.apiUrl, request);
    const built = venue.ok ? buildMarketSetup(request, venue.value, config) : venue;
    if (!built.ok) return this.note(`roll to ${next.coin}: ${built.error.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    const state = carryEngineState(e.exportState(), built.value.engine);
    const installed = await this.host.install({ request, engine: built.value.engine, enabled: s.enabled, updatedAt: nowMs }, state);
    if (!installed.ok) return this.note(`roll to ${next.coin}: ${installed.error.map((i) => i.message).join("; ")}`);
    this.save(next);
  }

  /** Both legs of the settled outcome are flat in the account: its settlement fills were applied. */
  private async legsFlat(t: OutcomeTrack): Promise<boolean> {
    try {
      const slice = await this.host.risk().slice([this.host.id]);
      return [`hl:#${10 * t.outcome}`, `hl:#${10 * t.outcome + 1}`].every((m) => (slice.holdings[m]?.posLots ?? 0) === 0);
    } catch {
      return false;
    }
  }

  private note(why: string): void {
    if (this.track !== null) this.save({ ...this.track, note: why });
  }

  private save(t: OutcomeTrack | null): void {
    this.track = t;
    if (t === null) this.sql.exec("DELETE FROM outcome_track");
    else this.sql.exec("INSERT OR REPLACE INTO outcome_track (id, track) VALUES (1, ?)", JSON.stringify(t));
  }
}
