/**
 * Keccak-256 as a plain function so the signer can take whichever implementation its runtime
 * allows. The default is @noble/hashes (audited, pure JS, runs everywhere). A WebAssembly keccak
 * is about 6x faster, but every maintained package found (hash-wasm, @hazae41/morax,
 * @polkadot/wasm-crypto, sha3-wasm, keccak-wasm) embeds its wasm as base64 and compiles it at
 * run time, which workerd refuses ("Wasm code generation disallowed by embedder"); Node code may
 * pass one in (the benchmark does, with hash-wasm).
 */
import { keccak_256 } from "@noble/hashes/sha3.js";

export type Keccak256 = (data: Uint8Array) => Uint8Array;

export const nobleKeccak256: Keccak256 = (data) => keccak_256(data);
