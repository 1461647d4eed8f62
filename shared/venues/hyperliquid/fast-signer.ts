/**
 * The hot signing path: msgpack + keccak (connection id) + keccak (Agent struct) + keccak
 * (EIP-712 digest) + libsecp256k1 in WebAssembly. The EIP-712 domain separator, the Agent type
 * hash and keccak("a"/"b") are constants computed once with viem (eip712.ts), so nothing of
 * viem's general typed-data encoder runs per order. Outputs are byte-identical to signing.ts
 * (proven in fast-signer.node.test.ts, the vector suites and the workerd test).
 */
import { err, ok, type Result } from "../../core/result";
import { L1_CACHE } from "./eip712";
import { bytesToHex, hexToBytes } from "./hex";
import { nobleKeccak256, type Keccak256 } from "./keccak";
import { l1ActionBytes, type L1HashInput } from "./l1-hash";
import { isPrivateKey, type Secp256k1 } from "./secp256k1-wasm";
import type { Signature } from "./signing";

export interface FastL1Signer {
  /** Lowercase address of the signing key (the agent address when an API wallet signs). */
  readonly address: `0x${string}`;
  /** Synchronous: there is no I/O on this path. Throws TypeError on a malformed nonce/vault. */
  signL1Action(input: L1HashInput & { isMainnet: boolean }): Signature;
}

export type SignerError = { kind: "badPrivateKey" };

export interface FastSignerOptions {
  privateKey: string | Uint8Array;
  secp256k1: Secp256k1;
  /** Defaults to @noble/hashes; Node hosts may pass a WebAssembly keccak. */
  keccak256?: Keccak256;
}

export function createFastL1Signer(opts: FastSignerOptions): Result<FastL1Signer, SignerError> {
  const key = typeof opts.privateKey === "string" ? hexToBytes(opts.privateKey) : opts.privateKey.slice();
  if (key === null || !isPrivateKey(key)) return err({ kind: "badPrivateKey" });
  const keccak = opts.keccak256 ?? nobleKeccak256;
  const secp = opts.secp256k1;

  const pub = secp.publicKey(key);
  const address = `0x${bytesToHex(keccak(pub.subarray(1)).subarray(12))}` as const;

  // keccak(typeHash || keccak(source) || connectionId): the first 64 bytes are fixed per network.
  const structMainnet = new Uint8Array(96);
  structMainnet.set(L1_CACHE.agentTypeHash, 0);
  structMainnet.set(L1_CACHE.sourceHash.mainnet, 32);
  const structTestnet = new Uint8Array(96);
  structTestnet.set(L1_CACHE.agentTypeHash, 0);
  structTestnet.set(L1_CACHE.sourceHash.testnet, 32);
  // keccak(0x19 0x01 || domainSeparator || structHash).
  const digestBuf = new Uint8Array(66);
  digestBuf[0] = 0x19;
  digestBuf[1] = 0x01;
  digestBuf.set(L1_CACHE.domainSeparator, 2);

  return ok({
    address,
    signL1Action(input) {
      const connectionId = keccak(l1ActionBytes(input));
      const struct = input.isMainnet ? structMainnet : structTestnet;
      struct.set(connectionId, 64);
      digestBuf.set(keccak(struct), 34);
      const { signature, recoveryId } = secp.signRecoverable(keccak(digestBuf), key);
      return {
        r: `0x${bytesToHex(signature.subarray(0, 32))}`,
        s: `0x${bytesToHex(signature.subarray(32, 64))}`,
        v: recoveryId === 1 ? 28 : 27,
      };
    },
  });
}
