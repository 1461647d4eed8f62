import fc from "fast-check";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { hashWasmKeccak256, nodeSecp256k1 } from "../../../test/node/hl-wasm";
import { createFastL1Signer } from "./fast-signer";
import { bytesToHex } from "./hex";
import { nobleKeccak256 } from "./keccak";
import { isPrivateKey } from "./secp256k1-wasm";
import { signL1Action } from "./signing";
import { l1ActionArb } from "./test-arbitraries";

const secp = nodeSecp256k1();

describe("fast WebAssembly signer", () => {
  it("derives the same address as viem for random keys", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }).filter(isPrivateKey), (key) => {
        const hex = `0x${bytesToHex(key)}` as const;
        const s = createFastL1Signer({ privateKey: hex, secp256k1: secp });
        expect(s.ok && s.value.address).toBe(privateKeyToAccount(hex).address.toLowerCase());
      }),
      { numRuns: 50 },
    );
  });

  it("signs exactly like the viem reference path with either keccak (noble JS or hash-wasm)", async () => {
    const wasmKeccak = await hashWasmKeccak256();
    const key = "0x0123456789012345678901234567890123456789012345678901234567890123";
    const js = createFastL1Signer({ privateKey: key, secp256k1: secp, keccak256: nobleKeccak256 });
    const wasm = createFastL1Signer({ privateKey: key, secp256k1: secp, keccak256: wasmKeccak });
    if (!js.ok || !wasm.ok) throw new Error("signer");
    await fc.assert(
      fc.asyncProperty(l1ActionArb, async (input) => {
        const expected = await signL1Action({ privateKey: key, ...input });
        expect(js.value.signL1Action(input)).toEqual(expected);
        expect(wasm.value.signL1Action(input)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses keys outside [1, n-1] as an error value", () => {
    const n = "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    for (const privateKey of ["0x00", `0x${"00".repeat(32)}`, n, "0xzz", new Uint8Array(31)]) {
      expect(createFastL1Signer({ privateKey, secp256k1: secp })).toEqual({ ok: false, error: { kind: "badPrivateKey" } });
    }
    expect(createFastL1Signer({ privateKey: n.replace(/41$/, "40"), secp256k1: secp }).ok).toBe(true);
  });
});
