/**
 * zod schemas of the info-endpoint responses the bot reads [reference/hyperliquid.md §2].
 * Shapes follow the official docs and @nktkas/hyperliquid's live-validated types; fields the
 * recorded real responses lack (the 2023 meta has no marginTables, trimmed samples print
 * `isDelisted: null`) are optional so real data always parses. Unknown keys are dropped.
 */
import * as z from "zod";
import {
  Address,
  BasicOrder,
  DecimalStr,
  Fill,
  FrontendOrder,
  Hex,
  Int,
  LevelMaybeN,
  UDecimalStr,
  UInt,
} from "./schema-common";

export const PerpAssetMeta = z.object({
  name: z.string(),
  szDecimals: UInt,
  maxLeverage: UInt,
  onlyIsolated: z.boolean().nullable().optional(),
  isDelisted: z.boolean().nullable().optional(),
  marginMode: z.string().nullable().optional(),
  marginTableId: UInt.optional(),
  growthMode: z.string().optional(),
});

const MarginTable = z.object({
  description: z.string(),
  marginTiers: z.array(z.object({ lowerBound: DecimalStr, maxLeverage: UInt })),
});

export const MetaResponse = z.object({
  universe: z.array(PerpAssetMeta),
  marginTables: z.array(z.tuple([UInt, MarginTable])).optional(),
  collateralToken: UInt.optional(),
});
export type MetaResponse = z.infer<typeof MetaResponse>;

export const SpotToken = z.object({
  name: z.string(),
  szDecimals: UInt,
  weiDecimals: UInt,
  index: UInt,
  tokenId: Hex,
  isCanonical: z.boolean(),
  evmContract: z.object({ address: Address, evm_extra_wei_decimals: Int }).nullable().optional(),
  fullName: z.string().nullable().optional(),
});

export const SpotMetaResponse = z.object({
  tokens: z.array(SpotToken),
  universe: z.array(z.object({ name: z.string(), tokens: z.tuple([UInt, UInt]), index: UInt, isCanonical: z.boolean() })),
});
export type SpotMetaResponse = z.infer<typeof SpotMetaResponse>;

export const OutcomeSpec = z.object({
  outcome: UInt,
  name: z.string(),
  description: z.string(),
  sideSpecs: z.array(z.object({ name: z.string(), token: UInt.optional() })).length(2),
  quoteToken: z.string().optional(),
  deployer: Address.optional(),
});
export type OutcomeSpec = z.infer<typeof OutcomeSpec>;

export const OutcomeMetaResponse = z.object({
  outcomes: z.array(OutcomeSpec),
  questions: z
    .array(
      z.object({
        question: UInt,
        name: z.string(),
        description: z.string(),
        fallbackOutcome: UInt.nullable(),
        namedOutcomes: z.array(UInt),
        settledNamedOutcomes: z.array(UInt),
      }),
    )
    .optional(),
});
export type OutcomeMetaResponse = z.infer<typeof OutcomeMetaResponse>;

/** Index = perp dex index; entry 0 (the first dex) is null. */
export const PerpDexsResponse = z.array(
  z.object({ name: z.string(), fullName: z.string().optional(), deployer: Address.optional() }).nullable(),
);
export type PerpDexsResponse = z.infer<typeof PerpDexsResponse>;

export const OpenOrdersResponse = z.array(BasicOrder.extend({ origSz: UDecimalStr.optional() }));
export type OpenOrdersResponse = z.infer<typeof OpenOrdersResponse>;

export const FrontendOpenOrdersResponse = z.array(FrontendOrder);

const MarginSummary = z.object({
  accountValue: DecimalStr,
  totalNtlPos: DecimalStr,
  totalRawUsd: DecimalStr,
  totalMarginUsed: DecimalStr,
});

export const ClearinghouseStateResponse = z.object({
  marginSummary: MarginSummary,
  crossMarginSummary: MarginSummary,
  crossMaintenanceMarginUsed: DecimalStr,
  withdrawable: DecimalStr,
  assetPositions: z.array(
    z.object({
      type: z.string(),
      position: z.object({
        coin: z.string(),
        szi: DecimalStr,
        leverage: z.object({ type: z.enum(["cross", "isolated"]), value: UInt, rawUsd: DecimalStr.optional() }),
        entryPx: UDecimalStr,
        positionValue: DecimalStr,
        unrealizedPnl: DecimalStr,
        returnOnEquity: DecimalStr,
        liquidationPx: DecimalStr.nullable(),
        marginUsed: DecimalStr,
        maxLeverage: UInt,
        cumFunding: z.object({ allTime: DecimalStr, sinceOpen: DecimalStr, sinceChange: DecimalStr }),
      }),
    }),
  ),
  time: UInt,
});
export type ClearinghouseStateResponse = z.infer<typeof ClearinghouseStateResponse>;

/** Outcome holdings appear as "+<encoding>" coins without a token index. */
export const SpotClearinghouseStateResponse = z.object({
  balances: z.array(
    z.object({ coin: z.string(), token: UInt.optional(), total: DecimalStr, hold: DecimalStr, entryNtl: DecimalStr }),
  ),
});
export type SpotClearinghouseStateResponse = z.infer<typeof SpotClearinghouseStateResponse>;

export const UserFillsResponse = z.array(Fill);

export const OrderStatusResponse = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("order"),
    order: z.object({ order: FrontendOrder, status: z.string(), statusTimestamp: UInt }),
  }),
  z.object({ status: z.literal("unknownOid") }),
]);
export type OrderStatusResponse = z.infer<typeof OrderStatusResponse>;

export const UserRateLimitResponse = z.object({
  cumVlm: DecimalStr,
  nRequestsUsed: UInt,
  nRequestsCap: UInt,
  nRequestsSurplus: UInt,
});
export type UserRateLimitResponse = z.infer<typeof UserRateLimitResponse>;

export const L2BookResponse = z.object({
  coin: z.string(),
  time: UInt,
  levels: z.tuple([z.array(LevelMaybeN), z.array(LevelMaybeN)]),
});
export type L2BookResponse = z.infer<typeof L2BookResponse>;

export const AllMidsResponse = z.record(z.string(), UDecimalStr);

export const CandleSnapshotResponse = z.array(
  z.object({
    t: UInt,
    T: UInt,
    s: z.string(),
    i: z.string(),
    o: UDecimalStr,
    c: UDecimalStr,
    h: UDecimalStr,
    l: UDecimalStr,
    v: UDecimalStr,
    n: UInt,
  }),
);

export const FundingHistoryResponse = z.array(
  z.object({ coin: z.string(), fundingRate: DecimalStr, premium: DecimalStr, time: UInt }),
);
