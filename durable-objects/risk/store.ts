/**
 * The RiskDO's SQLite storage: a small key/value table of JSON documents (the nonce per signer,
 * the bot config, the registered markets, the dead man's switch; the AccountEngine state with
 * the kill switch and the equity peak has tables of its own, engine-state.ts) and the audit
 * log. Every method is synchronous
 * (`ctx.storage.sql`), so writes made in one turn without an `await` between them commit
 * together, and the output gate holds the signer call that follows until they are durable.
 */
import { auditSelect, fromRow, retentionBounds, toRow, AUDIT_RETENTION, type AuditEntry, type AuditQuery, type AuditRow, type NewAuditEntry } from "../../shared/runtime/account/audit";

/**
 * Schema versions, applied in order inside blockConcurrencyWhile. Durable Object SQLite refuses
 * `PRAGMA user_version` (SQLITE_AUTH), so the applied version is kept in a table of its own, the
 * pattern Cloudflare's docs give.
 */
const MIGRATIONS: readonly string[][] = [
  [
    "CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
    `CREATE TABLE IF NOT EXISTS audit (
       id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, kind TEXT NOT NULL,
       market TEXT, engine TEXT, cloid TEXT, body TEXT NOT NULL)`,
    "CREATE INDEX IF NOT EXISTS audit_ts ON audit (ts)",
    "CREATE INDEX IF NOT EXISTS audit_kind ON audit (kind, id)",
    "CREATE INDEX IF NOT EXISTS audit_market ON audit (market, id)",
    "CREATE INDEX IF NOT EXISTS audit_cloid ON audit (cloid)",
  ],
];

/** A Durable Object SQL statement takes at most 100 bound parameters [cloudflare.md §3.3]: 16 rows of 6. */
const AUDIT_ROWS_PER_INSERT = 16;

export class RiskStore {
  /** Audit rows by kind, counted once at start and kept up to date (status is read at 4 Hz). */
  readonly counts: Record<string, number> = {};

  constructor(private readonly sql: SqlStorage) {}

  migrate(): number {
    this.sql.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL)");
    const current = this.sql.exec<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations").one().v ?? 0;
    for (let v = current; v < MIGRATIONS.length; v++) {
      for (const stmt of MIGRATIONS[v]!) this.sql.exec(stmt);
      this.sql.exec("INSERT INTO schema_migrations (version) VALUES (?)", v + 1);
    }
    this.recount();
    return MIGRATIONS.length;
  }

  private recount(): void {
    for (const k in this.counts) delete this.counts[k];
    for (const r of this.sql.exec<{ kind: string; n: number }>("SELECT kind, COUNT(*) AS n FROM audit GROUP BY kind")) this.counts[r.kind] = r.n;
  }

  get<T>(key: string): T | undefined {
    const rows = this.sql.exec<{ v: string }>("SELECT v FROM kv WHERE k = ?", key).toArray();
    const row = rows[0];
    return row === undefined ? undefined : (JSON.parse(row.v) as T);
  }

  put(key: string, value: unknown): void {
    this.sql.exec("INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.sql.exec("DELETE FROM kv WHERE k = ?", key);
  }

  /** Keys with a prefix (the nonce rows of every signer). */
  keys(prefix: string): string[] {
    return this.sql
      .exec<{ k: string }>("SELECT k FROM kv WHERE k >= ? AND k < ?", prefix, `${prefix}\uffff`)
      .toArray()
      .map((r) => r.k);
  }

  /** One INSERT per AUDIT_ROWS_PER_INSERT entries (a submit records several before the signer is called). */
  audit(entries: readonly NewAuditEntry[]): void {
    for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_INSERT) {
      const chunk = entries.slice(i, i + AUDIT_ROWS_PER_INSERT);
      const values: SqlStorageValue[] = [];
      for (const e of chunk) {
        const r = toRow(e);
        values.push(r.ts, r.kind, r.market, r.engine, r.cloid, r.body);
        this.counts[r.kind] = (this.counts[r.kind] ?? 0) + 1;
      }
      const rows = chunk.map(() => "(?, ?, ?, ?, ?, ?)").join(", ");
      this.sql.exec(`INSERT INTO audit (ts, kind, market, engine, cloid, body) VALUES ${rows}`, ...values);
    }
  }

  queryAudit(q: AuditQuery): AuditEntry[] {
    const { sql, params } = auditSelect(q);
    const rows = this.sql.exec<AuditRow & Record<string, SqlStorageValue>>(sql, ...params).toArray();
    const entries = rows.map((r) => fromRow(r));
    // The newest first when no `since` was given; callers always get them oldest first.
    return q.since === undefined ? entries.reverse() : entries;
  }

  /** Drops audit rows past retention; returns how many went. */
  sweepAudit(nowMs: number): number {
    const last = this.sql.exec<{ id: number | null }>("SELECT MAX(id) AS id FROM audit").one().id ?? 0;
    const b = retentionBounds(nowMs, last, AUDIT_RETENTION);
    const dropped = this.sql.exec("DELETE FROM audit WHERE ts < ? OR id < ?", b.beforeTs, b.belowId).rowsWritten;
    if (dropped > 0) this.recount();
    return dropped;
  }
}
