/**
 * What the backtest writes down while it runs, on the venue's clock: the balance check at every
 * step (each fill and each mark change), the equity peak and drawdown, the inventory extremes at
 * every fill, and once per second the equity, the inventory and what each engine was thinking.
 */
import type { Instrument } from "../execution/types";
import { equityFromPnl, ledgerTotals, type LedgerState } from "../engine/ledger";
import type { DecisionContext } from "../engine/types";

export interface InventoryKey {
  key: string;
  /** Legs summed into the key (an outcome: YES +1, NO −1). */
  legs: { market: string; sign: 1 | -1 }[];
  /** The strategy's bound on |key|, in lots (null: none). */
  bound: number | null;
}

export interface BalanceLog {
  checks: number;
  failures: number;
  firstFailure: { ts: number; equityMicros: number; fromPnlMicros: number } | null;
}

export interface ContextSample {
  ts: number;
  engine: string;
  fair: number | null;
  mid: number | null;
  alpha: number;
  edge: number | null;
}

export class Recorder {
  readonly balance: BalanceLog = { checks: 0, failures: 0, firstFailure: null };
  peakMicros: number;
  maxDrawdownMicros = 0;
  readonly invMin: number[];
  readonly invMax: number[];
  readonly sampleTs: number[] = [];
  readonly equity: number[] = [];
  readonly inventory: number[][];
  readonly contexts: ContextSample[] = [];
  private nextSample = NaN;

  constructor(
    private readonly ledger: LedgerState,
    private readonly inst: Readonly<Record<string, Instrument>>,
    readonly keys: readonly InventoryKey[],
  ) {
    this.peakMicros = ledger.startMicros;
    this.invMin = keys.map(() => 0);
    this.invMax = keys.map(() => 0);
    this.inventory = keys.map(() => []);
  }

  private net(k: InventoryKey): number {
    let n = 0;
    for (const l of k.legs) n += l.sign * (this.ledger.markets[l.market]?.lots ?? 0);
    return n;
  }

  /** The balance identity and the drawdown, after any fill or mark. */
  check(ts: number): void {
    const t = ledgerTotals(this.ledger, this.inst);
    const fromPnl = equityFromPnl(this.ledger, t);
    this.balance.checks++;
    if (t.equityMicros !== fromPnl) {
      this.balance.failures++;
      this.balance.firstFailure ??= { ts, equityMicros: t.equityMicros, fromPnlMicros: fromPnl };
    }
    if (t.equityMicros > this.peakMicros) this.peakMicros = t.equityMicros;
    else if (this.peakMicros - t.equityMicros > this.maxDrawdownMicros) this.maxDrawdownMicros = this.peakMicros - t.equityMicros;
  }

  /** Inventory extremes after a fill (every step, not only on the sampling grid). */
  afterFill(ts: number): void {
    this.keys.forEach((k, i) => {
      const n = this.net(k);
      if (n < this.invMin[i]!) this.invMin[i] = n;
      if (n > this.invMax[i]!) this.invMax[i] = n;
    });
    this.check(ts);
  }

  /** Samples every whole second of venue time up to `ts` (values as they stood before `ts`). */
  sampleUpTo(ts: number, contexts: () => ContextSample[]): void {
    if (Number.isNaN(this.nextSample)) this.nextSample = Math.ceil(ts / 1000) * 1000;
    if (ts < this.nextSample) return;
    const eq = ledgerTotals(this.ledger, this.inst).equityMicros;
    const ctx = contexts();
    while (this.nextSample <= ts) {
      this.sampleTs.push(this.nextSample);
      this.equity.push(eq);
      this.keys.forEach((k, i) => this.inventory[i]!.push(this.net(k)));
      for (const c of ctx) this.contexts.push({ ...c, ts: this.nextSample });
      this.nextSample += 1000;
    }
  }
}

export function contextSample(engine: string, c: DecisionContext | null): ContextSample | null {
  if (c === null) return null;
  const edge = c.inputs["edge"];
  return { ts: 0, engine, fair: c.fair, mid: c.mid, alpha: c.alpha, edge: typeof edge === "number" ? edge : null };
}
