/**
 * Differential test against @nktkas/hyperliquid (a dev dependency, used only here and in the
 * benchmark): random valid actions of every kind the bot sends, with and without vault and
 * expiresAfter, on mainnet and testnet, are hashed and signed by this project (reference and
 * fast WebAssembly path) and by the SDK. The SDK gets the action with every object's keys
 * reversed and restores its own schema order (its `canonicalize`), so key order is compared too.
 */
import {
  ApproveAgentTypes,
  BatchModifyRequest,
  CancelByCloidRequest,
  CancelRequest,
  ModifyRequest,
  NoopRequest,
  OrderRequest,
  ScheduleCancelRequest,
  UpdateLeverageRequest,
  UsdSendTypes,
  Withdraw3Types,
} from "@nktkas/hyperliquid/api/exchange";
import { canonicalize, createL1ActionHash, signL1Action as nkSignL1Action, signUserSignedAction as nkSignUserSigned } from "@nktkas/hyperliquid/signing";
import fc from "fast-check";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { nodeSecp256k1 } from "../../../test/node/hl-wasm";
import { parseL1Action, type L1Action } from "./action-schemas";
import { l1ActionArb, userSignedArb } from "./test-arbitraries";
import { createFastL1Signer } from "./fast-signer";
import { l1ActionHash, signL1Action } from "./signing";
import { signUserSignedAction, type UserSignedAction } from "./user-signed";

const KEY = "0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff" as const;
const wallet = privateKeyToAccount(KEY);
const fast = createFastL1Signer({ privateKey: KEY, secp256k1: nodeSecp256k1() });

const NK_SCHEMAS = {
  order: OrderRequest,
  cancel: CancelRequest,
  cancelByCloid: CancelByCloidRequest,
  modify: ModifyRequest,
  batchModify: BatchModifyRequest,
  scheduleCancel: ScheduleCancelRequest,
  updateLeverage: UpdateLeverageRequest,
  noop: NoopRequest,
} as const;

/** Deep copy with every object's keys in reverse order. */
function reversedKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reversedKeys);
  if (typeof x === "object" && x !== null) {
    return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversedKeys(v)]));
  }
  return x;
}

function nkAction(action: L1Action): Record<string, unknown> {
  const schema = NK_SCHEMAS[action.type].entries.action;
  return canonicalize(schema as never, reversedKeys(action) as never) as Record<string, unknown>;
}

describe("this project and @nktkas/hyperliquid hash and sign identically", () => {
  it("1,000 random L1 actions of every kind (vault, expiresAfter, network varied)", async () => {
    expect(fast.ok).toBe(true);
    if (!fast.ok) return;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(l1ActionArb, async ({ action, nonce, vaultAddress, expiresAfter, isMainnet }) => {
        seen.set(action.type, (seen.get(action.type) ?? 0) + 1);
        expect(parseL1Action(action)).toEqual({ ok: true, value: action });
        const theirs = nkAction(action);
        const ours = l1ActionHash(action, nonce, vaultAddress, expiresAfter);
        expect(createL1ActionHash({ action: theirs, nonce, vaultAddress, expiresAfter })).toBe(ours);
        const expected = await nkSignL1Action({ wallet, action: theirs, nonce, isTestnet: !isMainnet, vaultAddress, expiresAfter });
        expect(fast.value.signL1Action({ action, nonce, vaultAddress, expiresAfter, isMainnet })).toEqual(expected);
        expect(await signL1Action({ privateKey: KEY, action, nonce, vaultAddress, expiresAfter, isMainnet })).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    expect([...seen.keys()].sort()).toEqual(Object.keys(NK_SCHEMAS).sort());
  });

  it("200 random user-signed actions (approveAgent, usdSend, withdraw)", async () => {
    const types = { approveAgent: ApproveAgentTypes, usdSend: UsdSendTypes, withdraw3: Withdraw3Types };
    await fc.assert(
      fc.asyncProperty(userSignedArb, async (action: UserSignedAction) => {
        // The SDK signs agentName "" for the unnamed agent, as the Python SDK does.
        const theirs = action.type === "approveAgent" ? { agentName: "", ...action } : action;
        const expected = await nkSignUserSigned({ wallet, action: theirs as never, types: types[action.type] });
        expect(await signUserSignedAction({ privateKey: KEY, action })).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
