/**
 * Building blocks shared by the WebSocket and info schemas. Hyperliquid prints every price,
 * size and amount as a decimal string ("69997.0", "-0.0005", "0.00005299"); they stay strings
 * (exact) and are only checked for shape here.
 */
import * as z from "zod";

/** A plain signed decimal as the venue prints it: no exponent, no leading "+". */
export const DecimalStr = z.string().regex(/^-?\d+(\.\d+)?$/);
/** Unsigned decimal (prices and sizes of levels and trades). */
export const UDecimalStr = z.string().regex(/^\d+(\.\d+)?$/);
export const Hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
export const Address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
export const CloidStr = z.string().regex(/^0x[0-9a-fA-F]{32}$/);
/** Exchange times are milliseconds; ids (oid, tid) fit 2^53 (tid is a 50-bit hash). */
export const Int = z.number().int().safe();
export const UInt = Int.nonnegative();

/** "B" = bid/buy side, "A" = ask/sell side (for trades: the aggressor). */
export const SideAB = z.enum(["A", "B"]);

export const Level = z.object({ px: UDecimalStr, sz: UDecimalStr, n: UInt });
/** REST l2Book samples trimmed by some recorders omit `n`; the venue itself always sends it. */
export const LevelMaybeN = z.object({ px: UDecimalStr, sz: UDecimalStr, n: UInt.optional() });

export const Fill = z.object({
  coin: z.string(),
  px: UDecimalStr,
  sz: UDecimalStr,
  side: SideAB,
  time: UInt,
  startPosition: DecimalStr,
  dir: z.string(),
  closedPnl: DecimalStr,
  hash: Hex,
  oid: UInt,
  crossed: z.boolean(),
  fee: DecimalStr,
  tid: UInt,
  feeToken: z.string(),
  builderFee: DecimalStr.optional(),
  cloid: CloidStr.optional(),
  liquidation: z
    .object({ liquidatedUser: Address.optional(), markPx: DecimalStr, method: z.string() })
    .optional(),
  twapId: UInt.nullable().optional(),
});
export type Fill = z.infer<typeof Fill>;

/** The order as orderUpdates and openOrders print it. */
export const BasicOrder = z.object({
  coin: z.string(),
  side: SideAB,
  limitPx: UDecimalStr,
  sz: UDecimalStr,
  oid: UInt,
  timestamp: UInt,
  origSz: UDecimalStr,
  cloid: CloidStr.nullable().optional(),
  reduceOnly: z.boolean().optional(),
});
export type BasicOrder = z.infer<typeof BasicOrder>;

export interface FrontendOrder {
  coin: string;
  side: "A" | "B";
  limitPx: string;
  sz: string;
  oid: number;
  timestamp: number;
  origSz: string;
  triggerCondition: string;
  isTrigger: boolean;
  triggerPx: string;
  children: FrontendOrder[];
  isPositionTpsl: boolean;
  reduceOnly: boolean;
  orderType: string;
  tif: string | null;
  cloid: string | null;
}

export const FrontendOrder: z.ZodType<FrontendOrder> = z.object({
  coin: z.string(),
  side: SideAB,
  limitPx: UDecimalStr,
  sz: UDecimalStr,
  oid: UInt,
  timestamp: UInt,
  origSz: UDecimalStr,
  triggerCondition: z.string(),
  isTrigger: z.boolean(),
  triggerPx: UDecimalStr,
  get children() {
    return z.array(FrontendOrder);
  },
  isPositionTpsl: z.boolean(),
  reduceOnly: z.boolean(),
  orderType: z.string(),
  tif: z.string().nullable(),
  cloid: CloidStr.nullable(),
});

/** Every order status the docs and @nktkas/hyperliquid list; unknown future values still parse. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  "filled",
  "canceled",
  "rejected",
  "marginCanceled",
  "vaultWithdrawalCanceled",
  "openInterestCapCanceled",
  "selfTradeCanceled",
  "reduceOnlyCanceled",
  "siblingFilledCanceled",
  "delistedCanceled",
  "liquidatedCanceled",
  "outcomeSettledCanceled",
  "scheduledCancel",
  "internalCancel",
  "tickRejected",
  "minTradeNtlRejected",
  "perpMarginRejected",
  "reduceOnlyRejected",
  "badAloPxRejected",
  "iocCancelRejected",
  "badTriggerPxRejected",
  "marketOrderNoLiquidityRejected",
  "positionIncreaseAtOpenInterestCapRejected",
  "positionFlipAtOpenInterestCapRejected",
  "tooAggressiveAtOpenInterestCapRejected",
  "openInterestIncreaseRejected",
  "insufficientSpotBalanceRejected",
  "oracleRejected",
  "perpMaxPositionRejected",
  "tooManyOpenOrdersRejected",
]);

export type StatusClass = "open" | "triggered" | "filled" | "canceled" | "rejected" | "unknown";

/** Groups a venue order status for the order manager; "unknown" must be resolved by asking. */
export function statusClass(status: string): StatusClass {
  if (status === "open" || status === "triggered" || status === "filled") return status;
  if (!TERMINAL_STATUSES.has(status)) return "unknown";
  return status.endsWith("Rejected") || status === "rejected" ? "rejected" : "canceled";
}
