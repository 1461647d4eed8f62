/**
 * The bytes an L1 action signature commits to [Python SDK signing.action_hash; docs signing]:
 *   msgpack(action) || nonce (8 bytes big-endian)
 *   || 0x00 (no vault) | 0x01 || 20 address bytes
 *   || nothing (no expiresAfter) | 0x00 || expiresAfter (8 bytes big-endian)   <- marker 0x00, not 0x01
 * connectionId = keccak256(those bytes). msgpack keeps the action's key order and encodes
 * integers compactly (fixint .. uint64, int8 .. int64), strings as str, absent keys omitted.
 */
import { Encoder } from "@msgpack/msgpack";
import { hexToBytes } from "./hex";
import type { Keccak256 } from "./keccak";

// ignoreUndefined: an optional key set to undefined is absent (as @nktkas/hyperliquid drops it).
const encoder = new Encoder({ ignoreUndefined: true });

export interface L1HashInput {
  action: unknown;
  nonce: number;
  vaultAddress?: string | null | undefined;
  expiresAfter?: number | null | undefined;
}

function checkU64(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`${what} must be a non-negative safe integer, got ${n}`);
}

function writeU64(out: Uint8Array, at: number, n: number): void {
  // Split into 32-bit halves: n < 2^53, so the high half is exact.
  const hi = Math.floor(n / 0x1_0000_0000);
  const lo = n >>> 0;
  out[at] = hi >>> 24;
  out[at + 1] = (hi >>> 16) & 0xff;
  out[at + 2] = (hi >>> 8) & 0xff;
  out[at + 3] = hi & 0xff;
  out[at + 4] = lo >>> 24;
  out[at + 5] = (lo >>> 16) & 0xff;
  out[at + 6] = (lo >>> 8) & 0xff;
  out[at + 7] = lo & 0xff;
}

/** msgpack of the action alone (what the vectors call msgpack_hex). */
export function encodeAction(action: unknown): Uint8Array {
  return encoder.encode(action);
}

/**
 * The full preimage of the connection id. Throws TypeError on a malformed nonce, vault address
 * or expiresAfter: these are programming errors, never venue input.
 */
export function l1ActionBytes(input: L1HashInput): Uint8Array {
  checkU64(input.nonce, "nonce");
  let vault: Uint8Array | null = null;
  if (input.vaultAddress !== undefined && input.vaultAddress !== null) {
    vault = hexToBytes(input.vaultAddress);
    if (vault === null || vault.length !== 20 || !input.vaultAddress.startsWith("0x")) {
      throw new TypeError(`vaultAddress must be 0x + 40 hex digits, got ${input.vaultAddress}`);
    }
  }
  const expires = input.expiresAfter ?? null;
  if (expires !== null) checkU64(expires, "expiresAfter");
  // encodeSharedRef returns a view of the encoder's buffer; it is copied into `out` at once.
  const packed = encoder.encodeSharedRef(input.action);
  const len = packed.length + 8 + (vault === null ? 1 : 21) + (expires === null ? 0 : 9);
  const out = new Uint8Array(len);
  out.set(packed, 0);
  let at = packed.length;
  writeU64(out, at, input.nonce);
  at += 8;
  if (vault === null) {
    out[at++] = 0;
  } else {
    out[at++] = 1;
    out.set(vault, at);
    at += 20;
  }
  if (expires !== null) {
    out[at++] = 0;
    writeU64(out, at, expires);
  }
  return out;
}

/** keccak256 of l1ActionBytes: the phantom agent's connectionId. */
export function l1ConnectionId(keccak256: Keccak256, input: L1HashInput): Uint8Array {
  return keccak256(l1ActionBytes(input));
}
