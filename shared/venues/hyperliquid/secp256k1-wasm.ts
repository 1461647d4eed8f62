/**
 * A thin adapter over tiny-secp256k1's WebAssembly build of libsecp256k1 (lib/secp256k1.wasm),
 * mirroring the imports and memory layout its own JS glue (lib/index.js, lib/wasm_loader.js)
 * uses. libsecp256k1 signs with RFC 6979 nonces and low s, so its signatures equal viem's and
 * the official SDKs' byte for byte.
 *
 * workerd refuses to compile WebAssembly from bytes at run time, so this module never compiles:
 * it takes a WebAssembly.Module the host already has (a Worker imports the .wasm file, which
 * wrangler uploads as a CompiledWasm module; Node compiles the bytes it reads from node_modules)
 * or an instance made from one.
 */

export interface Secp256k1 {
  /** 64-byte compact signature (r || s, low s) and recovery id 0/1 of a 32-byte digest. */
  signRecoverable(digest: Uint8Array, privateKey: Uint8Array): { signature: Uint8Array; recoveryId: number };
  /** 65-byte uncompressed public key (0x04 || x || y). */
  publicKey(privateKey: Uint8Array): Uint8Array;
}

interface SecpExports {
  memory: WebAssembly.Memory;
  HASH_INPUT: WebAssembly.Global;
  PRIVATE_INPUT: WebAssembly.Global;
  PUBLIC_KEY_INPUT: WebAssembly.Global;
  SIGNATURE_INPUT: WebAssembly.Global;
  signRecoverable(withExtraData: number): number;
  pointFromScalar(outputLength: number): number;
}

/** Order n of the secp256k1 group: a private key must lie in [1, n - 1]. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export function isPrivateKey(key: Uint8Array): boolean {
  if (key.length !== 32) return false;
  let v = 0n;
  for (const b of key) v = (v << 8n) | BigInt(b);
  return v > 0n && v < N;
}

/**
 * Instantiates the module. `randomInt32` feeds libsecp256k1's context randomisation (a
 * side-channel blinding that never changes signatures); pass crypto.getRandomValues-backed
 * randomness, called lazily so a Worker never draws random numbers at global scope.
 */
export function createSecp256k1(source: WebAssembly.Module | WebAssembly.Instance, randomInt32: () => number): Secp256k1 {
  const imports = {
    "./rand.js": { generateInt32: () => randomInt32() | 0 },
    "./validate_error.js": {
      throwError: (code: number): never => {
        throw new TypeError(`secp256k1 wasm rejected its input (code ${code})`);
      },
    },
  };
  const instance = source instanceof WebAssembly.Instance ? source : new WebAssembly.Instance(source, imports);
  const wasm = instance.exports as unknown as SecpExports;
  const ptr = (g: WebAssembly.Global): number => g.value as number;
  const HASH = ptr(wasm.HASH_INPUT);
  const KEY = ptr(wasm.PRIVATE_INPUT);
  const PUB = ptr(wasm.PUBLIC_KEY_INPUT);
  const SIG = ptr(wasm.SIGNATURE_INPUT);
  let mem = new Uint8Array(wasm.memory.buffer);
  // A memory.grow detaches the old buffer; re-view it when that happened.
  const view = (): Uint8Array => (mem.byteLength === 0 ? (mem = new Uint8Array(wasm.memory.buffer)) : mem);

  return {
    signRecoverable(digest, privateKey) {
      if (digest.length !== 32) throw new TypeError("digest must be 32 bytes");
      if (!isPrivateKey(privateKey)) throw new TypeError("not a secp256k1 private key");
      const m = view();
      m.set(digest, HASH);
      m.set(privateKey, KEY);
      try {
        const recoveryId = wasm.signRecoverable(0);
        return { signature: m.slice(SIG, SIG + 64), recoveryId };
      } finally {
        // Like the package's own glue: no key material or digest left in linear memory.
        m.fill(0, KEY, KEY + 32);
        m.fill(0, HASH, HASH + 32);
        m.fill(0, SIG, SIG + 64);
      }
    },
    publicKey(privateKey) {
      if (!isPrivateKey(privateKey)) throw new TypeError("not a secp256k1 private key");
      const m = view();
      m.set(privateKey, KEY);
      try {
        if (wasm.pointFromScalar(65) !== 1) throw new TypeError("public key derivation failed");
        return m.slice(PUB, PUB + 65);
      } finally {
        m.fill(0, KEY, KEY + 32);
        m.fill(0, PUB, PUB + 65);
      }
    },
  };
}
