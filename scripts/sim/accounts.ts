/**
 * Simulated accounts: who may sign for whom, balances, positions, fills and budgets.
 * Money is micro-USDC; perp positions are lots of their coin; outcome holdings are whole
 * shares keyed by their balance token ("+150"). Addresses are kept lowercase (the venue treats
 * them case-insensitively; docs signing.md recommends lowercasing).
 */
import type { TaskHandle } from "./clock";
import type { Position } from "./ledger";
import type { AddressState } from "./rate-limits";

export interface AccountConfig {
  address: string;
  /** API wallets already approved for the account (addresses). */
  agents?: string[];
  /** Starting balances in USDC (decimal strings): perp margin account and spot account. */
  perpUsdc?: string;
  spotUsdc?: string;
  /** Cumulative traded volume in USDC: sets the address request budget and scheduleCancel eligibility. */
  cumVlm?: string;
}

/** A fill as userFills and the user channels print it. */
export interface FillWire {
  coin: string;
  px: string;
  sz: string;
  side: "A" | "B";
  time: number;
  startPosition: string;
  dir: string;
  closedPnl: string;
  hash: string;
  oid: number;
  crossed: boolean;
  fee: string;
  tid: number;
  feeToken: string;
  cloid?: string;
}

export class Account {
  readonly address: string;
  /** Agent address -> name ("" for the unnamed one). */
  readonly agents = new Map<string, string>();
  perpUsdc: number;
  spotUsdc: number;
  cumVlm: number;
  readonly positions = new Map<string, Position>();
  readonly leverage = new Map<string, { value: number; isCross: boolean }>();
  /** Outcome balance token ("+150") -> shares and cost basis. */
  readonly holdings = new Map<string, Position>();
  readonly fills: FillWire[] = [];
  readonly budget: AddressState = { used: 0, lastExhaustedAt: null };
  deadMan: { at: number; task: TaskHandle } | null = null;
  deadManFired = { day: -1, count: 0 };

  constructor(c: AccountConfig) {
    this.address = c.address.toLowerCase();
    for (const a of c.agents ?? []) this.agents.set(a.toLowerCase(), "");
    this.perpUsdc = micros(c.perpUsdc ?? "0");
    this.spotUsdc = micros(c.spotUsdc ?? "0");
    this.cumVlm = micros(c.cumVlm ?? "0");
  }

  position(coin: string): Position {
    return this.positions.get(coin) ?? { szi: 0, entryNtl: 0 };
  }

  holding(token: string): Position {
    return this.holdings.get(token) ?? { szi: 0, entryNtl: 0 };
  }

  /** Keeps at most the 10 000 most recent fills (userFills serves the last 2 000). */
  recordFill(f: FillWire): void {
    this.fills.push(f);
    if (this.fills.length > 10_000) this.fills.splice(0, this.fills.length - 10_000);
  }
}

/** USDC decimal text -> micro-USDC; throws on text that is not a plain decimal with <= 6 places. */
export function micros(usdc: string): number {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(usdc);
  if (m === null) throw new RangeError(`not a USDC amount: ${usdc}`);
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? "").padEnd(6, "0"));
}

export class Accounts {
  private readonly byAddress = new Map<string, Account>();
  /** Agent address -> the account it signs for. */
  private readonly agentOwner = new Map<string, Account>();
  /** What each account was added with, for a reset. */
  private readonly configs = new Map<string, AccountConfig>();

  add(c: AccountConfig): Account {
    const a = new Account(c);
    this.configs.set(a.address, c);
    this.byAddress.set(a.address, a);
    for (const agent of a.agents.keys()) this.agentOwner.set(agent, a);
    return a;
  }

  get(address: string): Account | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  /** Every account back to the balances, agents and volume it was added with. */
  reset(): void {
    const configs = [...this.configs.values()];
    this.byAddress.clear();
    this.agentOwner.clear();
    this.configs.clear();
    for (const c of configs) this.add(c);
  }

  all(): Account[] {
    return [...this.byAddress.values()];
  }

  /** The account a recovered signer acts for: itself, or the master that approved it as agent. */
  actingFor(signer: string): Account | undefined {
    const s = signer.toLowerCase();
    return this.byAddress.get(s) ?? this.agentOwner.get(s);
  }

  /**
   * approveAgent: registering an unnamed agent replaces the previous unnamed one, and a named
   * agent replaces the one of the same name [docs nonces-and-api-wallets, API wallet pruning].
   */
  approveAgent(account: Account, agent: string, name: string): void {
    const a = agent.toLowerCase();
    for (const [old, oldName] of account.agents) {
      if (oldName === name) {
        account.agents.delete(old);
        this.agentOwner.delete(old);
      }
    }
    account.agents.set(a, name);
    this.agentOwner.set(a, account);
  }
}
