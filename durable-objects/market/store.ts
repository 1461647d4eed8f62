/**
 * The MarketDO's SQLite storage (SPEC §12): the market's setup (request, engine config, enabled),
 * the engine state that must survive an eviction, and the stage times of recent decisions.
 * Migrations run from the constructor inside blockConcurrencyWhile (no I/O there); the applied
 * version is kept in `schema_migrations`.
 */
import type { MarketEngineConfig, MarketEngineState } from "../../shared/engine/types";
import type { DecisionTiming, MarketRequest } from "../../shared/runtime/market/types";

export interface StoredSetup {
  request: MarketRequest;
  engine: MarketEngineConfig;
  enabled: boolean;
  updatedAt: number;
}

const TIMINGS_KEPT = 5_000;

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE setup (id INTEGER PRIMARY KEY CHECK (id = 1), request TEXT NOT NULL, engine TEXT NOT NULL, enabled INTEGER NOT NULL, updated_at INTEGER NOT NULL);
   CREATE TABLE engine_state (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, saved_at INTEGER NOT NULL);
   CREATE TABLE timings (seq INTEGER PRIMARY KEY, coin TEXT, frame_ts INTEGER, frame_at INTEGER NOT NULL, decided_at INTEGER NOT NULL,
     submitted_at INTEGER, answered_at INTEGER, quotes INTEGER NOT NULL, orders INTEGER NOT NULL);`,
];

export class MarketStore {
  constructor(private readonly sql: SqlStorage) {}

  /** Durable Object SQLite refuses `PRAGMA user_version` (SQLITE_AUTH): the version lives in a table. */
  migrate(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL)");
    const version = this.sql.exec<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations").one().v ?? 0;
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.sql.exec(MIGRATIONS[v] as string);
      this.sql.exec("INSERT INTO schema_migrations (version) VALUES (?)", v + 1);
    }
  }

  loadSetup(): StoredSetup | null {
    const row = this.sql.exec<{ request: string; engine: string; enabled: number; updated_at: number }>("SELECT request, engine, enabled, updated_at FROM setup").toArray()[0];
    if (row === undefined) return null;
    return { request: JSON.parse(row.request) as MarketRequest, engine: JSON.parse(row.engine) as MarketEngineConfig, enabled: row.enabled === 1, updatedAt: row.updated_at };
  }

  saveSetup(s: StoredSetup): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO setup (id, request, engine, enabled, updated_at) VALUES (1, ?, ?, ?, ?)",
      JSON.stringify(s.request),
      JSON.stringify(s.engine),
      s.enabled ? 1 : 0,
      s.updatedAt,
    );
  }

  /** The saved engine state (checked by MarketEngine.create, which refuses a malformed one). */
  loadState(): unknown {
    const row = this.sql.exec<{ state: string }>("SELECT state FROM engine_state").toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.state) as unknown);
  }

  saveState(state: MarketEngineState, now: number): void {
    this.sql.exec("INSERT OR REPLACE INTO engine_state (id, state, saved_at) VALUES (1, ?, ?)", JSON.stringify(state), now);
  }

  clearState(): void {
    this.sql.exec("DELETE FROM engine_state");
  }

  recordTiming(t: DecisionTiming): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO timings (seq, coin, frame_ts, frame_at, decided_at, submitted_at, answered_at, quotes, orders) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      t.seq,
      t.coin,
      t.frameTs,
      t.frameAt,
      t.decidedAt,
      t.submittedAt,
      t.answeredAt,
      t.quotes,
      t.orders,
    );
  }

  timings(sinceSeq: number, limit: number): DecisionTiming[] {
    return this.sql
      .exec<Record<string, number | string | null>>(
        "SELECT seq, coin, frame_ts, frame_at, decided_at, submitted_at, answered_at, quotes, orders FROM timings WHERE seq > ? ORDER BY seq LIMIT ?",
        sinceSeq,
        limit,
      )
      .toArray()
      .map((r) => ({
        seq: r["seq"] as number,
        coin: r["coin"] as string | null,
        frameTs: r["frame_ts"] as number | null,
        frameAt: r["frame_at"] as number,
        decidedAt: r["decided_at"] as number,
        submittedAt: r["submitted_at"] as number | null,
        answeredAt: r["answered_at"] as number | null,
        quotes: r["quotes"] as number,
        orders: r["orders"] as number,
      }));
  }

  /** Keeps the most recent decisions only. */
  pruneTimings(): void {
    this.sql.exec("DELETE FROM timings WHERE seq <= (SELECT MAX(seq) FROM timings) - ?", TIMINGS_KEPT);
  }
}
