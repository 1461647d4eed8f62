/**
 * The RiskDO's equity/PnL history and the day's opening equity, in tables of their own
 * (`pnl_samples`, `pnl_day`). Sampling, the day boundary and retention are the pure rules of
 * shared/runtime/account/pnl-history.ts; this file only reads and writes. Samples are written
 * from the alarm (never on the submit path: a write shuts the output gate), the day open when
 * the UTC day rolls, so a restart keeps both.
 */
import type { AccountView } from "../../shared/engine/types";
import { pnlToday, retentionStart, rollDayOpen, shouldSample, thin, PNL_POLICY, type DayOpen, type PnlPoint } from "../../shared/runtime/account/pnl-history";

const SWEEP_EVERY_MS = 3_600_000;

export interface PnlStatus {
  /** Equity now minus the equity at 00:00 UTC, USD; null before the account has an equity. */
  pnlTodayUsd: number | null;
  dayOpen: DayOpen | null;
  samples: number;
}

export class PnlLog {
  private last: PnlPoint | null = null;
  private open: DayOpen | null = null;
  private rows = 0;
  private sweptAt = 0;

  constructor(private readonly sql: SqlStorage) {}

  /** Constructor time (inside blockConcurrencyWhile): tables, the last sample, the day open. */
  restore(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS pnl_samples (ts INTEGER PRIMARY KEY, equity REAL NOT NULL, pnl REAL NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS pnl_day (day INTEGER PRIMARY KEY, equity REAL NOT NULL, source TEXT NOT NULL)");
    const last = this.sql.exec<{ ts: number; equity: number; pnl: number }>("SELECT ts, equity, pnl FROM pnl_samples ORDER BY ts DESC LIMIT 1").toArray()[0];
    this.last = last === undefined ? null : { ts: last.ts, equityUsd: last.equity, pnlUsd: last.pnl };
    const day = this.sql.exec<{ day: number; equity: number; source: string }>("SELECT day, equity, source FROM pnl_day ORDER BY day DESC LIMIT 1").toArray()[0];
    this.open = day === undefined ? null : { dayStartMs: day.day, equityUsd: day.equity, source: day.source === "sample" ? "sample" : "first" };
    this.rows = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM pnl_samples").one().n;
  }

  /** From the alarm: rolls the day (persisted) and keeps a sample when one is due. */
  observe(view: AccountView | null, nowMs: number): void {
    if (view === null || !Number.isFinite(view.equityUsd)) return;
    const rolled = rollDayOpen(this.open, this.last, nowMs, view.equityUsd);
    if (rolled !== this.open) {
      this.open = rolled;
      this.sql.exec("INSERT OR REPLACE INTO pnl_day (day, equity, source) VALUES (?, ?, ?)", rolled.dayStartMs, rolled.equityUsd, rolled.source);
    }
    if (nowMs - this.sweptAt >= SWEEP_EVERY_MS) {
      this.sweptAt = nowMs;
      this.sweep(nowMs);
    }
    const point: PnlPoint = { ts: nowMs, equityUsd: view.equityUsd, pnlUsd: view.pnl.totalUsd };
    if (!shouldSample(this.last, point)) return;
    this.sql.exec("INSERT OR REPLACE INTO pnl_samples (ts, equity, pnl) VALUES (?, ?, ?)", point.ts, point.equityUsd, point.pnlUsd);
    this.last = point;
    this.rows++;
  }

  /** Drops samples past retention and beyond the row limit, and day opens older than the samples. */
  sweep(nowMs: number): void {
    const start = retentionStart(nowMs);
    this.sql.exec("DELETE FROM pnl_samples WHERE ts < ?", start);
    this.sql.exec("DELETE FROM pnl_samples WHERE ts NOT IN (SELECT ts FROM pnl_samples ORDER BY ts DESC LIMIT ?)", PNL_POLICY.maxRows);
    this.sql.exec("DELETE FROM pnl_day WHERE day < ?", start);
    this.rows = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM pnl_samples").one().n;
  }

  /** Cheap (no SQL): for status() at 4 Hz. A day that rolled since the last alarm is rolled in memory. */
  status(view: AccountView | null, nowMs: number): PnlStatus {
    const equity = view === null || !Number.isFinite(view.equityUsd) ? null : view.equityUsd;
    const open = equity === null ? this.open : rollDayOpen(this.open, this.last, nowMs, equity);
    return { pnlTodayUsd: pnlToday(open, nowMs, equity), dayOpen: open, samples: this.rows };
  }

  /** Samples at or after `sinceMs`, oldest first, thinned to at most 2 000 points. */
  series(sinceMs: number): PnlPoint[] {
    const rows = this.sql.exec<{ ts: number; equity: number; pnl: number }>("SELECT ts, equity, pnl FROM pnl_samples WHERE ts >= ? ORDER BY ts", sinceMs).toArray();
    return thin(rows.map((r) => ({ ts: r.ts, equityUsd: r.equity, pnlUsd: r.pnl })));
  }
}
