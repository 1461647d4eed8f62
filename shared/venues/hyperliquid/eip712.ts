/**
 * EIP-712 constants of the two signing schemes [docs signing; eip712_constants.json]:
 * - L1 actions: domain {name "Exchange", version "1", chainId 1337, verifyingContract 0x0},
 *   primary type Agent(string source,bytes32 connectionId), source "a" mainnet / "b" testnet;
 * - user-signed actions: domain {name "HyperliquidSignTransaction", version "1",
 *   chainId = signatureChainId, verifyingContract 0x0}, primary type
 *   "HyperliquidTransaction:<Name>" with the field list of each action (order matters).
 * The hashes the hot path needs are computed once here with viem, at module load.
 */
import { domainSeparator, keccak256, toBytes, type TypedDataDomain } from "viem";
import { hexToBytes } from "./hex";

export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000" as const;

export const L1_DOMAIN = { name: "Exchange", version: "1", chainId: 1337, verifyingContract: ZERO_ADDRESS } as const;

export const AGENT_TYPES = {
  Agent: [
    { name: "source", type: "string" },
    { name: "connectionId", type: "bytes32" },
  ],
} as const;

function bytes32(hex: `0x${string}`): Uint8Array {
  const b = hexToBytes(hex);
  if (b === null || b.length !== 32) throw new Error(`not 32 bytes: ${hex}`);
  return b;
}

export const L1_DOMAIN_SEPARATOR = domainSeparator({ domain: L1_DOMAIN });
export const AGENT_TYPEHASH = keccak256(toBytes("Agent(string source,bytes32 connectionId)"));

/** Precomputed pieces of the Agent struct hash: keccak(typeHash || keccak(source) || connectionId). */
export const L1_CACHE = {
  domainSeparator: bytes32(L1_DOMAIN_SEPARATOR),
  agentTypeHash: bytes32(AGENT_TYPEHASH),
  sourceHash: { mainnet: bytes32(keccak256(toBytes("a"))), testnet: bytes32(keccak256(toBytes("b"))) },
} as const;

export function userSignedDomain(signatureChainId: string): TypedDataDomain {
  return { name: "HyperliquidSignTransaction", version: "1", chainId: Number.parseInt(signatureChainId, 16), verifyingContract: ZERO_ADDRESS };
}

export interface TypedField {
  name: string;
  type: string;
}

/** Field lists of the user-signed actions, as in the official SDKs (order is part of the type hash). */
export const USER_SIGNED_TYPES = {
  usdSend: {
    primaryType: "HyperliquidTransaction:UsdSend",
    fields: [
      { name: "hyperliquidChain", type: "string" },
      { name: "destination", type: "string" },
      { name: "amount", type: "string" },
      { name: "time", type: "uint64" },
    ],
  },
  withdraw3: {
    primaryType: "HyperliquidTransaction:Withdraw",
    fields: [
      { name: "hyperliquidChain", type: "string" },
      { name: "destination", type: "string" },
      { name: "amount", type: "string" },
      { name: "time", type: "uint64" },
    ],
  },
  approveAgent: {
    primaryType: "HyperliquidTransaction:ApproveAgent",
    fields: [
      { name: "hyperliquidChain", type: "string" },
      { name: "agentAddress", type: "address" },
      { name: "agentName", type: "string" },
      { name: "nonce", type: "uint64" },
    ],
  },
  approveBuilderFee: {
    primaryType: "HyperliquidTransaction:ApproveBuilderFee",
    fields: [
      { name: "hyperliquidChain", type: "string" },
      { name: "maxFeeRate", type: "string" },
      { name: "builder", type: "address" },
      { name: "nonce", type: "uint64" },
    ],
  },
} as const satisfies Record<string, { primaryType: string; fields: readonly TypedField[] }>;

export type UserSignedKind = keyof typeof USER_SIGNED_TYPES;
