/**
 * Multi-sig wrappers (@nktkas/hyperliquid vectors). The bot signs with one key and builds no
 * multi-sig actions, but the format is made of the two schemes this layer implements, so the
 * vectors are checked with its generic primitives: the inner L1 signature signs the array
 * [multiSigUser, outerSigner, action]; the inner user-signed signature adds payloadMultiSigUser
 * and outerSigner after hyperliquidChain; the wrapper (signatures with leading zeros trimmed)
 * is hashed like an L1 action and signed as HyperliquidTransaction:SendMultiSig.
 */
import { describe, expect, it } from "vitest";
import { filesWith, multisigVectors, type Json } from "../../../../test/node/hl-fixtures";
import { bytesToHex } from "../hex";
import { encodeAction } from "../l1-hash";
import { l1ActionHash, pad32, signDigest, signL1Action } from "../signing";
import { userSignedDigest } from "../user-signed";

const vectors = multisigVectors();
const eip712 = filesWith("user_signed")[0]?.json.user_signed.primary_types as Record<string, string>;

/** "hyperliquidChain string, destination string" -> field list. */
function fields(primaryType: string): { name: string; type: string }[] {
  const spec = eip712[primaryType];
  if (spec === undefined) throw new Error(`no EIP-712 type ${primaryType} in the constants vectors`);
  return spec.split(", ").map((f) => {
    const [name = "", type = ""] = f.split(" ");
    return { name, type };
  });
}

/** The inner action's primary type: from its `type`, or (NK's USER_SIGNED_ACTION, a usdSend, has none) UsdSend. */
function innerPrimaryType(payload: Json): string {
  if (payload.type === undefined) return "HyperliquidTransaction:UsdSend";
  const name = payload.type === "withdraw3" ? "Withdraw" : `${payload.type.charAt(0).toUpperCase()}${payload.type.slice(1)}`;
  return `HyperliquidTransaction:${name}`;
}

/**
 * userSetAbstraction: the wrapper payload carries the short code ("i", "u", "p") while the inner
 * EIP-712 message signs the long name (@nktkas/hyperliquid userSetAbstraction.ts,
 * toMultiSigPayloadAction), so the long name is restored for the inner signature.
 */
const ABSTRACTION_NAMES: Record<string, string> = { i: "disabled", u: "unifiedAccount", p: "portfolioMargin" };
function signedForm(payload: Json): Json {
  const long = payload.type === "userSetAbstraction" ? ABSTRACTION_NAMES[payload.abstraction] : undefined;
  return long === undefined ? payload : { ...payload, abstraction: long };
}

const trim = (h: string): string => `0x${h.slice(2).replace(/^0+/, "")}`;

describe("multi-sig vectors", () => {
  it("finds the vectors", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, v, fileLevel } of vectors) {
    const key = fileLevel.private_key;
    const user = v.multiSigUser.toLowerCase();
    const outer = v.outerSigner.toLowerCase();
    const payload = v.payload_action;
    const isL1 = Array.isArray(payload.orders) || payload.hyperliquidChain === undefined;
    const chain: string = payload.hyperliquidChain ?? "Mainnet";

    describe(name, () => {
      it("inner signature", async () => {
        let sig;
        if (isL1) {
          sig = await signL1Action({ privateKey: key, action: [user, outer, payload], nonce: v.nonce, isMainnet: true });
        } else {
          const base = fields(innerPrimaryType(payload));
          const withSigners = [base[0]!, { name: "payloadMultiSigUser", type: "address" }, { name: "outerSigner", type: "address" }, ...base.slice(1)];
          const message = { ...signedForm(payload), payloadMultiSigUser: user, outerSigner: outer };
          sig = await signDigest(userSignedDigest(message, innerPrimaryType(payload), withSigners), key);
        }
        const e = v.expected_published.inner_signature;
        expect(sig).toEqual({ r: pad32(e.r), s: pad32(e.s), v: e.v });
      });

      it("wrapper msgpack, multiSigActionHash, outer signature", async () => {
        const inner = v.expected_published.inner_signature;
        const wrapper = {
          signatureChainId: "0x66eee",
          signatures: [{ r: trim(inner.r), s: trim(inner.s), v: inner.v }],
          payload: { multiSigUser: user, outerSigner: outer, action: payload },
        };
        expect(bytesToHex(encodeAction(wrapper))).toBe(v.derived.wrapper_without_type_msgpack_hex);
        const actionHash = l1ActionHash(wrapper, v.nonce);
        expect(actionHash).toBe(v.derived.multiSigActionHash);
        const message = { signatureChainId: "0x66eee", hyperliquidChain: chain, multiSigActionHash: actionHash, nonce: v.nonce };
        const digest = userSignedDigest(message, "HyperliquidTransaction:SendMultiSig", fields("HyperliquidTransaction:SendMultiSig"));
        expect(digest).toBe(v.derived.outer_eip712_digest);
        const e = v.expected_published.outer_signature;
        expect(await signDigest(digest, key)).toEqual({ r: pad32(e.r), s: pad32(e.s), v: e.v });
      });
    });
  }
});
