import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { userSignedVectors, type Json } from "../../../../test/node/hl-fixtures";
import { pad32, recoverDigestSigner, signDigest } from "../signing";
import {
  approveAgentAction,
  recoverUserSignedSigner,
  signUserSignedAction,
  usdSendAction,
  userSignedDigest,
  withdrawAction,
  type UserSignedAction,
} from "../user-signed";

const vectors = userSignedVectors();
const DEFAULT_DOMAIN = { chainId: 421614 };

/** Expected {r,s,v} from either an object or a 65-byte r||s||v hex. */
function expectedSig(e: Json): { r: string; s: string; v: number } {
  if (e.sig65 !== undefined) {
    const h: string = e.sig65.slice(2);
    return { r: `0x${h.slice(0, 64)}`, s: `0x${h.slice(64, 128)}`, v: Number.parseInt(h.slice(128), 16) };
  }
  return { r: pad32(e.r), s: pad32(e.s), v: e.v };
}

/** Rebuilds the action JSON with the project's builders, from what the vector says was sent. */
function build(sent: Json): UserSignedAction | null {
  const common = { isMainnet: sent.hyperliquidChain === "Mainnet", signatureChainId: sent.signatureChainId };
  const r =
    sent.type === "usdSend"
      ? usdSendAction({ ...common, destination: sent.destination, amount: sent.amount, timeMs: sent.time })
      : sent.type === "withdraw3"
        ? withdrawAction({ ...common, destination: sent.destination, amount: sent.amount, timeMs: sent.time })
        : sent.type === "approveAgent"
          ? approveAgentAction({ ...common, agentAddress: sent.agentAddress, agentName: sent.agentName, nonce: sent.nonce })
          : null;
  return r !== null && r.ok ? r.value : null;
}

describe("user-signed action vectors (HyperliquidSignTransaction domain)", () => {
  it("finds the vectors", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
  });

  for (const { name, v, fileLevel } of vectors) {
    const key = v.private_key ?? fileLevel.private_key;
    const chainId: number = (v.domain ?? DEFAULT_DOMAIN).chainId;
    const fields = v.types ?? [];
    const message = { ...v.message, signatureChainId: `0x${chainId.toString(16)}` };
    const expected = v.expected_published ?? v.derived;

    describe(name, () => {
      it("EIP-712 digest", () => {
        expect(userSignedDigest(message, v.primary_type, fields)).toBe(v.derived.eip712_digest);
      });
      it("signature and recovery", async () => {
        const sig = await signDigest(userSignedDigest(message, v.primary_type, fields), key);
        expect(sig).toEqual(expectedSig(expected));
        expect(await recoverDigestSigner(v.derived.eip712_digest, sig)).toBe(privateKeyToAccount(key).address.toLowerCase());
      });
      const sent = v.action_json_as_sent ?? v.action_json_to_send;
      if (sent !== undefined) {
        it("the builder reproduces the JSON sent and its signature", async () => {
          const action = build(sent);
          expect(action).toEqual(sent);
          if (action === null) return;
          const sig = await signUserSignedAction({ privateKey: key, action });
          expect(sig).toEqual(expectedSig(expected));
          expect(await recoverUserSignedSigner({ action, signature: sig })).toBe(privateKeyToAccount(key).address.toLowerCase());
        });
      }
    });
  }
});
