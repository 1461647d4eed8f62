/**
 * Node-side loading of the WebAssembly the Hyperliquid signer uses: compile the bytes shipped in
 * node_modules (allowed in Node; a Worker imports the .wasm file instead).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createKeccak } from "hash-wasm";
import type { Keccak256 } from "../../shared/venues/hyperliquid/keccak";
import { createSecp256k1, type Secp256k1 } from "../../shared/venues/hyperliquid/secp256k1-wasm";

const require = createRequire(import.meta.url);

/** Path of tiny-secp256k1's libsecp256k1 build (the package exports only its JS entry). */
export function secp256k1WasmPath(): string {
  return join(dirname(require.resolve("tiny-secp256k1")), "..", "secp256k1.wasm");
}

export function compileSecp256k1Module(): WebAssembly.Module {
  return new WebAssembly.Module(readFileSync(secp256k1WasmPath()));
}

export function nodeSecp256k1(): Secp256k1 {
  return createSecp256k1(compileSecp256k1Module(), () => randomBytes(4).readInt32BE(0));
}

/** hash-wasm's keccak (WebAssembly compiled at run time: fine in Node, refused by workerd). */
export async function hashWasmKeccak256(): Promise<Keccak256> {
  const hasher = await createKeccak(256);
  return (data) => hasher.init().update(data).digest("binary");
}
