/**
 * Cost of one signed Hyperliquid order action (msgpack + keccak + EIP-712 + secp256k1), this
 * project against the two TypeScript peers on the same action, and against the bare WebAssembly
 * secp256k1 sign of a 32-byte digest (the floor). `npm run bench -- signing`.
 */
import { signL1Action as nkSignL1Action } from "@nktkas/hyperliquid/signing";
import ccxt from "ccxt";
import * as tinySecp from "tiny-secp256k1";
import { privateKeyToAccount } from "viem/accounts";
import { orderAction } from "../shared/venues/hyperliquid/actions";
import { createFastL1Signer } from "../shared/venues/hyperliquid/fast-signer";
import { hexToBytes } from "../shared/venues/hyperliquid/hex";
import { nobleKeccak256 } from "../shared/venues/hyperliquid/keccak";
import { pad32, signL1Action } from "../shared/venues/hyperliquid/signing";
import { hashWasmKeccak256, nodeSecp256k1 } from "../test/node/hl-wasm";
import { measure, measureAsync, printTable, type BenchContext, type Sample } from "./harness";

const KEY = "0x0123456789012345678901234567890123456789012345678901234567890123" as const;
const ADDRESS = privateKeyToAccount(KEY).address;
const NONCE0 = 1_700_000_000_000;

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A typical quote: one ALO BTC order with a cloid. */
const ACTION = must(
  orderAction({
    orders: [{ asset: 0, isBuy: true, price: "97123", size: "0.0125", type: { limit: { tif: "Alo" } }, cloid: "0x1e60610f0b3d420597c88c1fed2ad5ee" }],
  }),
);

export default async function bench(ctx: BenchContext): Promise<void> {
  const secp = nodeSecp256k1();
  const fastJs = must(createFastL1Signer({ privateKey: KEY, secp256k1: secp, keccak256: nobleKeccak256 }));
  const fastWasm = must(createFastL1Signer({ privateKey: KEY, secp256k1: secp, keccak256: await hashWasmKeccak256() }));
  const wallet = privateKeyToAccount(KEY);
  const exchange = new ccxt.hyperliquid({ privateKey: KEY, walletAddress: ADDRESS });
  const key = hexToBytes(KEY) ?? new Uint8Array(32);
  const digest = new Uint8Array(32);

  // Same action, same nonce: every implementation must produce the same signature.
  const ref = await signL1Action({ privateKey: KEY, action: ACTION, nonce: NONCE0, isMainnet: true });
  const peers = [
    fastJs.signL1Action({ action: ACTION, nonce: NONCE0, isMainnet: true }),
    fastWasm.signL1Action({ action: ACTION, nonce: NONCE0, isMainnet: true }),
    await nkSignL1Action({ wallet, action: ACTION, nonce: NONCE0 }),
    exchange.signL1Action(ACTION, NONCE0) as { r: string; s: string; v: number },
  ];
  for (const p of peers) {
    if (pad32(p.r) !== ref.r || pad32(p.s) !== ref.s || p.v !== ref.v) throw new Error(`signatures differ: ${JSON.stringify(p)} vs ${JSON.stringify(ref)}`);
  }
  console.log("\nsigning: all five implementations produce the identical signature for the benchmarked action");

  const opts = { samples: 300, batch: 4 };
  const rows: Sample[] = [
    measure("bare wasm secp256k1 sign (tiny-secp256k1)", (i) => {
      digest[0] = i & 0xff;
      digest[1] = (i >> 8) & 0xff;
      return tinySecp.signRecoverable(digest, key);
    }, opts),
    measure("hl-edge fast: wasm secp + noble keccak (workerd)", (i) => fastJs.signL1Action({ action: ACTION, nonce: NONCE0 + i, isMainnet: true }), opts),
    measure("hl-edge fast: wasm secp + wasm keccak (Node)", (i) => fastWasm.signL1Action({ action: ACTION, nonce: NONCE0 + i, isMainnet: true }), opts),
    await measureAsync("hl-edge reference: viem", (i) => signL1Action({ privateKey: KEY, action: ACTION, nonce: NONCE0 + i, isMainnet: true }), opts),
    await measureAsync("@nktkas/hyperliquid signL1Action", (i) => nkSignL1Action({ wallet, action: ACTION, nonce: NONCE0 + i }), opts),
    measure("ccxt hyperliquid.signL1Action", (i) => exchange.signL1Action(ACTION, NONCE0 + i), opts),
  ];
  printTable("signed order action, median per call (ratio to the bare wasm sign)", rows, rows[0]?.name);

  const byName = (prefix: string): number => rows.find((r) => r.name.startsWith(prefix))?.medianUs ?? Number.NaN;
  const bare = byName("bare");
  const fasterPeer = Math.min(byName("@nktkas"), byName("ccxt"));
  const extra: Record<string, number> = {};
  for (const [label, name] of [["workerd", "hl-edge fast: wasm secp + noble"], ["node", "hl-edge fast: wasm secp + wasm"]] as const) {
    const us = byName(name);
    extra[`${label}SpeedupVsFasterPeer`] = fasterPeer / us;
    extra[`${label}OverBarePrimitive`] = us / bare;
    console.log(
      `${name}: ${(fasterPeer / us).toFixed(2)}x faster than the faster peer (goal >= 3), ${(us / bare).toFixed(3)}x the bare primitive (goal <= 1.25)`,
    );
  }
  ctx.record("signing", rows, extra);
}
