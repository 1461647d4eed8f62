/**
 * The AccountEngine state in the RiskDO's SQLite, written in proportion to what changed
 * (shared/engine/state-journal.ts): the head (risk state, ledger, churn, feedback, counters) in
 * one row, the order book's orders one row per cloid, the seen trade ids one row each. A submit
 * then writes the head and the orders it touched, not the finished orders and the trade-id
 * window. All writes are synchronous SQL, so what one turn writes commits together and the
 * output gate holds the signer call that follows until it is durable.
 *
 * Older storage kept the whole state as one JSON document under kv "engine": it is read when no
 * head exists, and replaced by the parts on the first write.
 */
import type { ManagedOrder } from "../../shared/execution/order-manager";
import { joinState, StateJournal, type StateHead } from "../../shared/engine/state-journal";
import type { AccountEngineState } from "../../shared/engine/types";
import type { RiskStore } from "./store";

const LEGACY_KEY = "engine";

export class EngineStateStore {
  /** null until the store's content is known to match an engine state (then only changes are written). */
  private journal: StateJournal | null = null;
  /** The last load found the parts (not nothing, not the older single document). */
  private loadedParts = false;

  constructor(
    private readonly sql: SqlStorage,
    private readonly kv: RiskStore,
  ) {}

  migrate(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS engine_head (id INTEGER PRIMARY KEY CHECK (id = 1), v TEXT NOT NULL)");
    // Rows keep their rowid when updated in place: reading by rowid gives the book's own order.
    this.sql.exec("CREATE TABLE IF NOT EXISTS engine_orders (cloid TEXT PRIMARY KEY, v TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS engine_tids (seq INTEGER PRIMARY KEY AUTOINCREMENT, tid TEXT NOT NULL)");
  }

  /** The stored state (from its parts, or the single document of older storage), or undefined for none. */
  load(): AccountEngineState | undefined {
    const head = this.sql.exec<{ v: string }>("SELECT v FROM engine_head WHERE id = 1").toArray()[0];
    this.loadedParts = head !== undefined;
    if (head === undefined) return this.kv.get<AccountEngineState>(LEGACY_KEY);
    const orders = this.sql
      .exec<{ cloid: string; v: string }>("SELECT cloid, v FROM engine_orders ORDER BY rowid")
      .toArray()
      .map((r) => [r.cloid, JSON.parse(r.v) as ManagedOrder] as const);
    const tids = this.sql
      .exec<{ tid: string }>("SELECT tid FROM engine_tids ORDER BY seq")
      .toArray()
      .map((r) => r.tid);
    return joinState(JSON.parse(head.v) as StateHead, orders, tids);
  }

  /**
   * An engine was just restored from what `load` returned: if that came from the parts, the
   * store holds `s` and from now on only changes are written (else the first write is whole).
   */
  adopt(s: Readonly<AccountEngineState>): void {
    this.journal = this.loadedParts ? new StateJournal(s) : null;
  }

  write(s: Readonly<AccountEngineState>): void {
    const sql = this.sql;
    if (this.journal === null) {
      // Nothing known about what is stored: start the parts afresh and retire the old document.
      sql.exec("DELETE FROM engine_orders");
      sql.exec("DELETE FROM engine_tids");
      this.kv.delete(LEGACY_KEY);
      this.journal = new StateJournal();
    }
    const w = this.journal.changes(s);
    sql.exec("INSERT INTO engine_head (id, v) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET v = excluded.v", JSON.stringify(w.head));
    for (const [cloid, o] of w.orders) {
      sql.exec("INSERT INTO engine_orders (cloid, v) VALUES (?, ?) ON CONFLICT (cloid) DO UPDATE SET v = excluded.v", cloid, JSON.stringify(o));
    }
    for (const cloid of w.removed) sql.exec("DELETE FROM engine_orders WHERE cloid = ?", cloid);
    if (w.tids.length > 0) {
      for (const tid of w.tids) sql.exec("INSERT INTO engine_tids (tid) VALUES (?)", tid);
      sql.exec("DELETE FROM engine_tids WHERE seq <= (SELECT MAX(seq) FROM engine_tids) - ?", w.keepTids);
    }
  }
}
