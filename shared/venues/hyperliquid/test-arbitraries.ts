/**
 * fast-check generators of valid Hyperliquid actions, built through the project's own builders
 * (so every generated action is one the bot could send). Used by the differential test against
 * @nktkas/hyperliquid and by property tests; a simulator's tests can reuse them.
 */
import fc from "fast-check";
import type { L1Action } from "./action-schemas";
import {
  batchModifyAction,
  cancelAction,
  cancelByCloidAction,
  modifyAction,
  noopAction,
  orderAction,
  scheduleCancelAction,
  updateLeverageAction,
  type OrderKind,
  type OrderSpec,
} from "./actions";
import { bytesToHex } from "./hex";
import { approveAgentAction, usdSendAction, withdrawAction, type UserSignedAction } from "./user-signed";
import { formatDecimal } from "./wire-decimal";

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(`generator built an invalid action: ${JSON.stringify(r.error)}`);
  return r.value;
}

export const hexBytes = (n: number): fc.Arbitrary<`0x${string}`> => fc.uint8Array({ minLength: n, maxLength: n }).map((b): `0x${string}` => `0x${bytesToHex(b)}`);
export const addressArb = hexBytes(20);
export const cloidArb = hexBytes(16);

/** A positive decimal with up to `maxScale` decimals, canonical or padded with zeros. */
export const decimalArb = (maxScale: number, maxInt = 10_000_000): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxInt }), fc.integer({ min: 0, max: maxScale }), fc.integer({ min: 0, max: 2 }))
    .map(([int, scale, pad]) => {
      const s = formatDecimal({ neg: false, int: BigInt(int), scale });
      return pad > 0 && s.includes(".") ? s + "0".repeat(pad) : s;
    });

const perpAsset = fc.integer({ min: 0, max: 300 });
const spotAsset = fc.integer({ min: 10_000, max: 10_400 });
const hip3Asset = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 50 })).map(([d, i]) => 100_000 + d * 10_000 + i);
const outcomeAsset = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(0, 1)).map(([o, s]) => 100_000_000 + 10 * o + s);
const nonOutcomeAsset = fc.oneof(perpAsset, spotAsset, hip3Asset);

const limitKind = fc.constantFrom<OrderKind>({ limit: { tif: "Alo" } }, { limit: { tif: "Ioc" } }, { limit: { tif: "Gtc" } });
const triggerKind: fc.Arbitrary<OrderKind> = fc
  .record({ triggerPx: decimalArb(4), isMarket: fc.boolean(), tpsl: fc.constantFrom<"tp" | "sl">("tp", "sl") })
  .map((trigger) => ({ trigger }));

/** Any order the bot could send: outcome orders are limit, not reduce-only, priced in (0, 1). */
export const orderSpecArb: fc.Arbitrary<OrderSpec> = fc.oneof(
  fc.record(
    { asset: nonOutcomeAsset, isBuy: fc.boolean(), price: decimalArb(5), size: decimalArb(5), reduceOnly: fc.boolean(), type: fc.oneof(limitKind, triggerKind), cloid: cloidArb },
    { requiredKeys: ["asset", "isBuy", "price", "size", "type"] },
  ),
  fc.record(
    { asset: outcomeAsset, isBuy: fc.boolean(), price: fc.integer({ min: 1, max: 99_999 }).map((n) => formatDecimal({ neg: false, int: BigInt(n), scale: 5 })), size: fc.integer({ min: 1, max: 100_000 }).map(String), type: limitKind, cloid: cloidArb },
    { requiredKeys: ["asset", "isBuy", "price", "size", "type"] },
  ),
);

const groupingArb = fc.constantFrom("na", "normalTpsl", "positionTpsl") as fc.Arbitrary<"na" | "normalTpsl" | "positionTpsl">;
const builderArb = fc.record({ address: addressArb, feeTenthsBps: fc.integer({ min: 0, max: 100 }) });

const orderActionArb = fc.oneof(
  fc.record({ orders: fc.array(orderSpecArb, { minLength: 1, maxLength: 4 }), grouping: groupingArb, builder: builderArb }, { requiredKeys: ["orders"] }),
  // Priority fees: all IOC on non-outcome assets.
  fc.record({
    orders: fc.array(fc.record({ asset: nonOutcomeAsset, isBuy: fc.boolean(), price: decimalArb(3), size: decimalArb(3), type: fc.constant<OrderKind>({ limit: { tif: "Ioc" } }) }), { minLength: 1, maxLength: 3 }),
    grouping: fc.integer({ min: 0, max: 100_000_000 }).map((p) => ({ p })),
  }),
).map((spec) => must(orderAction(spec)));

const oidArb = fc.integer({ min: 0, max: 2 ** 40 });
const oidOrCloid = fc.oneof(oidArb, cloidArb);

export const l1ActionOnlyArb: fc.Arbitrary<L1Action> = fc.oneof(
  orderActionArb,
  fc.tuple(fc.array(fc.record({ asset: fc.oneof(nonOutcomeAsset, outcomeAsset), oid: oidArb }), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([c, f]) => must(cancelAction(c, f))),
  fc.tuple(fc.array(fc.record({ asset: fc.oneof(nonOutcomeAsset, outcomeAsset), cloid: cloidArb }), { minLength: 1, maxLength: 5 }), fc.boolean()).map(([c, f]) => must(cancelByCloidAction(c, f))),
  fc.record({ oid: oidOrCloid, order: orderSpecArb, alwaysPlace: fc.boolean() }).map((m) => must(modifyAction(m))),
  fc.tuple(fc.array(fc.record({ oid: oidOrCloid, order: orderSpecArb }), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([m, a]) => must(batchModifyAction(m, a))),
  fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), { nil: undefined }).map((t) => must(scheduleCancelAction(t))),
  fc.record({ asset: nonOutcomeAsset, isCross: fc.boolean(), leverage: fc.integer({ min: 1, max: 50 }) }).map((u) => must(updateLeverageAction(u))),
  fc.constant(null).map(() => noopAction()),
);

export interface SignableL1 {
  action: L1Action;
  nonce: number;
  vaultAddress: `0x${string}` | undefined;
  expiresAfter: number | undefined;
  isMainnet: boolean;
}

export const l1ActionArb: fc.Arbitrary<SignableL1> = fc.record({
  action: l1ActionOnlyArb,
  nonce: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
  vaultAddress: fc.option(addressArb, { nil: undefined }),
  expiresAfter: fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), { nil: undefined }),
  isMainnet: fc.boolean(),
});

const chainIdArb = fc.constantFrom("0x66eee", "0xa4b1", "0x1");
const common = fc.record({ isMainnet: fc.boolean(), signatureChainId: chainIdArb });

export const userSignedArb: fc.Arbitrary<UserSignedAction> = fc.oneof(
  fc.tuple(common, addressArb, decimalArb(6), fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 })).map(([c, destination, amount, timeMs]) => must(usdSendAction({ ...c, destination, amount, timeMs }))),
  fc.tuple(common, addressArb, decimalArb(6), fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 })).map(([c, destination, amount, timeMs]) => must(withdrawAction({ ...c, destination, amount, timeMs }))),
  fc
    .tuple(common, addressArb, fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,16}$/), { nil: undefined }), fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }))
    .map(([c, agentAddress, agentName, nonce]) => must(approveAgentAction(agentName === undefined ? { ...c, agentAddress, nonce } : { ...c, agentAddress, agentName, nonce }))),
);
