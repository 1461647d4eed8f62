/**
 * The default paper-trading identity. The keys are the first development accounts every
 * Hardhat and Anvil node prints on start (publicly documented, never funded anywhere real), so
 * the bot's local signer and the simulator agree on them without any secret: the account is the
 * master wallet, the agent an API wallet already approved for it.
 * Its volume is set to the $1,000,000 the venue requires before scheduleCancel may be used, so
 * the dead man's switch can be armed in paper mode (start with --cum-vlm 0 to see the refusal).
 */
import { privateKeyToAccount } from "viem/accounts";
import type { AccountConfig } from "./accounts";

export const PAPER_ACCOUNT_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80" as const;
export const PAPER_AGENT_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" as const;

export const PAPER_ACCOUNT = privateKeyToAccount(PAPER_ACCOUNT_KEY).address.toLowerCase();
export const PAPER_AGENT = privateKeyToAccount(PAPER_AGENT_KEY).address.toLowerCase();

export function paperAccount(overrides: Partial<AccountConfig> = {}): AccountConfig {
  return { address: PAPER_ACCOUNT, agents: [PAPER_AGENT], perpUsdc: "100000", spotUsdc: "100000", cumVlm: "1000000", ...overrides };
}
