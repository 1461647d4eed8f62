/**
 * The master account the bot trades for (`HL_ACCOUNT`). The agent key signs for whichever account
 * approved it, but the RiskDO reads positions, orders and fills of `HL_ACCOUNT` only: a wrong or
 * placeholder address would leave it blind to what its own orders do, so it refuses to start.
 */
import { err, ok, type Result } from "../../core/result";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ZERO = /^0x0{40}$/;

export function checkAccountAddress(value: string | undefined): Result<`0x${string}`, string> {
  if (value === undefined || value === "") return err("HL_ACCOUNT is not set: it must be the trading account's address");
  if (!ADDRESS.test(value)) return err(`HL_ACCOUNT must be 0x followed by 40 hex digits, got ${JSON.stringify(value)}`);
  if (ZERO.test(value)) return err("HL_ACCOUNT is the zero address (the wrangler.toml placeholder): set the trading account's address");
  return ok(value.toLowerCase() as `0x${string}`);
}
