/**
 * The agent key becomes a signer once per isolate: libsecp256k1 is instantiated from the
 * CompiledWasm module wrangler uploads (workerd refuses to compile WebAssembly from bytes) and
 * the key is parsed once. Nothing here is per market or per account, so one cached value per
 * isolate is safe; the key itself is never logged or returned.
 */
// A .wasm import is a WebAssembly.Module in workerd (wrangler uploads it as CompiledWasm); the
// Workers types declare no ambient "*.wasm" module.
// @ts-ignore
import secp256k1Module from "../../node_modules/tiny-secp256k1/lib/secp256k1.wasm";
import { createFastL1Signer, type FastL1Signer } from "../../shared/venues/hyperliquid/fast-signer";
import { createSecp256k1 } from "../../shared/venues/hyperliquid/secp256k1-wasm";

let cached: { key: string; signer: FastL1Signer } | null = null;

const randomInt32 = (): number => crypto.getRandomValues(new Int32Array(1))[0] ?? 0;

/** The signer for this key, built on first use; null when the key is missing or malformed. */
export function signerFor(key: string | undefined): FastL1Signer | null {
  if (key === undefined || key.length === 0) return null;
  if (cached !== null && cached.key === key) return cached.signer;
  const r = createFastL1Signer({ privateKey: key, secp256k1: createSecp256k1(secp256k1Module as WebAssembly.Module, randomInt32) });
  if (!r.ok) return null;
  cached = { key, signer: r.value };
  return r.value;
}
