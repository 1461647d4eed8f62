/**
 * The Hyperliquid fast signer inside real workerd: libsecp256k1 loaded as a CompiledWasm module
 * (the only way workerd takes WebAssembly), signatures equal to viem's own EIP-712 signer.
 */
import { createKeccak } from "hash-wasm";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
// A .wasm import is a WebAssembly.Module in workerd (wrangler and the workers pool attach it as
// CompiledWasm); no ambient "*.wasm" declaration exists in the Workers types.
// @ts-ignore
import secp256k1Module from "../../node_modules/tiny-secp256k1/lib/secp256k1.wasm";
import { cancelAction, cancelByCloidAction, noopAction, orderAction, scheduleCancelAction } from "../../shared/venues/hyperliquid/actions";
import { AGENT_TYPES, L1_DOMAIN } from "../../shared/venues/hyperliquid/eip712";
import { createFastL1Signer } from "../../shared/venues/hyperliquid/fast-signer";
import { createSecp256k1 } from "../../shared/venues/hyperliquid/secp256k1-wasm";
import { l1ActionHash, signL1Action } from "../../shared/venues/hyperliquid/signing";

const KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
const randomInt32 = (): number => crypto.getRandomValues(new Int32Array(1))[0] ?? 0;

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const actions = [
  must(
    orderAction({
      orders: [
        { asset: 0, isBuy: true, price: "60000", size: "0.001", type: { limit: { tif: "Alo" } }, cloid: "0x0000000000000000000000000000abcd" },
        { asset: 100002200, isBuy: false, price: "0.29128", size: "35", type: { limit: { tif: "Ioc" } } },
      ],
    }),
  ),
  must(cancelAction([{ asset: 1, oid: 82382 }], true)),
  must(cancelByCloidAction([{ asset: 1, cloid: "0x00000000000000000000000000000001" }])),
  must(scheduleCancelAction(1_700_000_060_000)),
  noopAction(),
];

describe("Hyperliquid signing in workerd", () => {
  it("workerd refuses to compile WebAssembly from bytes (why the signer takes a Module)", async () => {
    // The Workers types declare Module abstract for this very reason; call the runtime anyway.
    const compileBytes = WebAssembly.instantiate as unknown as (bytes: Uint8Array) => Promise<unknown>;
    await expect(compileBytes(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).rejects.toThrow(/disallowed/);
    await expect(createKeccak(256)).rejects.toThrow(/disallowed/);
  });

  it("instantiates libsecp256k1 from the imported CompiledWasm module", () => {
    expect(secp256k1Module).toBeInstanceOf(WebAssembly.Module);
    const signer = must(createFastL1Signer({ privateKey: KEY, secp256k1: createSecp256k1(secp256k1Module, randomInt32) }));
    expect(signer.address).toBe(privateKeyToAccount(KEY).address.toLowerCase());
  });

  it("signs like viem's EIP-712 signer, mainnet and testnet, with vault and expiresAfter", async () => {
    const signer = must(createFastL1Signer({ privateKey: KEY, secp256k1: createSecp256k1(secp256k1Module, randomInt32) }));
    const account = privateKeyToAccount(KEY);
    let compared = 0;
    for (const action of actions) {
      for (const isMainnet of [true, false]) {
        for (const vaultAddress of [null, "0x1719884eb866cb12b2287399b15f7db5e7d775ea"]) {
          for (const expiresAfter of [null, 1_700_000_010_000]) {
            const nonce = 1_700_000_000_000 + compared;
            const fast = signer.signL1Action({ action, nonce, vaultAddress, expiresAfter, isMainnet });
            const viemSig = await account.signTypedData({
              domain: L1_DOMAIN,
              types: AGENT_TYPES,
              primaryType: "Agent",
              message: { source: isMainnet ? "a" : "b", connectionId: l1ActionHash(action, nonce, vaultAddress, expiresAfter) },
            });
            expect(`${fast.r}${fast.s.slice(2)}${fast.v === 27 ? "1b" : "1c"}`).toBe(viemSig);
            expect(await signL1Action({ privateKey: KEY, action, nonce, vaultAddress, expiresAfter, isMainnet })).toEqual(fast);
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(actions.length * 8);
  });
});
