/**
 * Reference signing path, written on viem's EIP-712 encoding (hashTypedData) and signer. It is
 * the yardstick the fast WebAssembly signer (fast-signer.ts) is proven byte-identical against,
 * and what a verifier (the local venue simulator) uses to recover signers.
 *
 * r and s are emitted as 0x + 64 hex digits (zero-padded, like the TS and Rust SDKs); the Python
 * SDK drops leading zeros, so recovery accepts both. v is 27 or 28. Signatures are deterministic
 * (RFC 6979) with low s, identical across the official SDKs.
 */
import { hashTypedData, recoverAddress, type Hex } from "viem";
import { sign } from "viem/accounts";
import { AGENT_TYPES, L1_DOMAIN } from "./eip712";
import { bytesToHex } from "./hex";
import { l1ConnectionId, type L1HashInput } from "./l1-hash";
import { nobleKeccak256 } from "./keccak";

export interface Signature {
  r: `0x${string}`;
  s: `0x${string}`;
  v: 27 | 28;
}

/** connectionId of an L1 action as 0x-hex. Throws TypeError on a malformed nonce or vault. */
export function l1ActionHash(action: unknown, nonce: number, vaultAddress?: string | null, expiresAfter?: number | null): `0x${string}` {
  return `0x${bytesToHex(l1ConnectionId(nobleKeccak256, { action, nonce, vaultAddress, expiresAfter }))}`;
}

/** The EIP-712 digest actually signed for an L1 action (phantom agent source "a" or "b"). */
export function l1SigningDigest(input: L1HashInput & { isMainnet: boolean }): Hex {
  const connectionId = l1ActionHash(input.action, input.nonce, input.vaultAddress, input.expiresAfter);
  return hashTypedData({
    domain: L1_DOMAIN,
    types: AGENT_TYPES,
    primaryType: "Agent",
    message: { source: input.isMainnet ? "a" : "b", connectionId },
  });
}

/** Pads r or s to 32 bytes (the Python SDK prints them without leading zeros). */
export function pad32(h: string): `0x${string}` {
  const body = h.startsWith("0x") ? h.slice(2) : h;
  return `0x${body.toLowerCase().padStart(64, "0")}`;
}

/** Signs a 32-byte digest with viem; r and s padded, v 27/28. */
export async function signDigest(digest: Hex, privateKey: Hex): Promise<Signature> {
  const sig = await sign({ hash: digest, privateKey });
  return { r: pad32(sig.r), s: pad32(sig.s), v: sig.yParity === 1 ? 28 : 27 };
}

export interface SignL1Args {
  privateKey: Hex;
  action: unknown;
  nonce: number;
  vaultAddress?: string | null;
  expiresAfter?: number | null;
  isMainnet: boolean;
}

export async function signL1Action(args: SignL1Args): Promise<Signature> {
  return signDigest(l1SigningDigest(args), args.privateKey);
}

function serialize(sig: { r: string; s: string; v: number }): Hex {
  const v = sig.v === 27 ? "1b" : sig.v === 28 ? "1c" : null;
  if (v === null) throw new TypeError(`v must be 27 or 28, got ${sig.v}`);
  return `${pad32(sig.r)}${pad32(sig.s).slice(2)}${v}`;
}

/** The address (lowercase) whose key produced `signature` over this digest. */
export async function recoverDigestSigner(digest: Hex, signature: { r: string; s: string; v: number }): Promise<`0x${string}`> {
  const addr = await recoverAddress({ hash: digest, signature: serialize(signature) });
  return addr.toLowerCase() as `0x${string}`;
}

/**
 * Recovers who signed an L1 action, as the venue does: a wrong key, a wrong network, a different
 * key order or a non-canonical decimal all recover some other address (docs signing.md).
 */
export async function recoverL1Signer(
  args: Omit<SignL1Args, "privateKey"> & { signature: { r: string; s: string; v: number } },
): Promise<`0x${string}`> {
  return recoverDigestSigner(l1SigningDigest(args), args.signature);
}

/** The POST /exchange body (also the payload of a WebSocket `post` action request). */
export interface ExchangeRequestBody {
  action: unknown;
  nonce: number;
  signature: Signature;
  vaultAddress?: string;
  expiresAfter?: number;
}

/**
 * Wraps a signed action; vaultAddress and expiresAfter must be exactly what was signed (the
 * venue re-hashes them). User-signed actions take neither [docs exchange-endpoint].
 */
export function exchangeRequestBody(args: {
  action: unknown;
  nonce: number;
  signature: Signature;
  vaultAddress?: string | null;
  expiresAfter?: number | null;
}): ExchangeRequestBody {
  const body: ExchangeRequestBody = { action: args.action, nonce: args.nonce, signature: args.signature };
  if (args.vaultAddress !== undefined && args.vaultAddress !== null) body.vaultAddress = args.vaultAddress.toLowerCase();
  if (args.expiresAfter !== undefined && args.expiresAfter !== null) body.expiresAfter = args.expiresAfter;
  return body;
}
