import { describe, expect, it } from "vitest";
import { l1Vectors, type Json } from "../../../../test/node/hl-fixtures";
import { nodeSecp256k1 } from "../../../../test/node/hl-wasm";
import { createFastL1Signer } from "../fast-signer";
import { bytesToHex } from "../hex";
import { encodeAction } from "../l1-hash";
import { l1ActionHash, l1SigningDigest, pad32, recoverL1Signer, signL1Action } from "../signing";

const vectors = l1Vectors();
const secp = nodeSecp256k1();

/** Published r/s may lack leading zeros (Python SDK): compare as 256-bit integers via padding. */
const norm = (sig: Json) => ({ r: pad32(sig.r), s: pad32(sig.s), v: sig.v });

describe("L1 action vectors (msgpack, connection id, EIP-712 digest, signature)", () => {
  it("finds the vector files", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(22);
  });

  for (const { name, v, fileLevel } of vectors) {
    const vault = v.vault_address ?? null;
    const expires = v.expires_after ?? null;
    const key = v.private_key ?? fileLevel.private_key;
    const signer = v.signer_address ?? fileLevel.signer_address;

    describe(name, () => {
      if (v.derived?.msgpack_hex !== undefined) {
        it("msgpack bytes", () => {
          expect(bytesToHex(encodeAction(v.action))).toBe(v.derived.msgpack_hex);
        });
      }
      const connectionId = v.expected_published?.connection_id ?? v.derived?.connection_id;
      if (connectionId !== undefined) {
        it("connection id", () => {
          expect(l1ActionHash(v.action, v.nonce, vault, expires)).toBe(connectionId);
        });
      }
      for (const net of ["mainnet", "testnet"] as const) {
        const expected = v.expected_published?.[net] ?? v.derived?.[net];
        if (expected === undefined || key === undefined) continue;
        const input = { action: v.action, nonce: v.nonce, vaultAddress: vault, expiresAfter: expires, isMainnet: net === "mainnet" };
        if (v.derived?.[net]?.eip712_digest !== undefined) {
          it(`${net} EIP-712 digest`, () => {
            expect(l1SigningDigest(input)).toBe(v.derived[net].eip712_digest);
          });
        }
        it(`${net} signature: reference (viem) path`, async () => {
          expect(await signL1Action({ privateKey: key, ...input })).toEqual(norm(expected));
        });
        it(`${net} signature: WebAssembly fast path`, () => {
          const s = createFastL1Signer({ privateKey: key, secp256k1: secp });
          expect(s.ok && s.value.signL1Action(input)).toEqual(norm(expected));
        });
        if (signer !== undefined) {
          it(`${net} recovers the signer`, async () => {
            expect(await recoverL1Signer({ ...input, signature: expected })).toBe(signer.toLowerCase());
          });
        }
      }
    });
  }
});
