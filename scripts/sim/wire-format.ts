/**
 * Numbers as the venue prints them in JSON: decimal strings that keep at least one decimal
 * ("0.0", "29792.0", "14.625485"), the way its responses show integral values (docs examples:
 * openOrders `"limitPx":"29792.0"`, spotClearinghouseState `"hold":"0.0"`; recorded l2Book
 * frames `"px":"42727.0"`).
 */
import { formatScaled } from "../../shared/core/decimal";

export function hlDecimal(n: number, decimals: number): string {
  const s = formatScaled(n, decimals);
  return s.includes(".") ? s : `${s}.0`;
}

/** micro-USDC as a USDC amount. */
export function usdc(microsAmount: number): string {
  return hlDecimal(microsAmount, 6);
}
