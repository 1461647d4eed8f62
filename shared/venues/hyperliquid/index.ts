/**
 * The Hyperliquid wire layer: everything that turns venue bytes into typed values and typed
 * intents into signed venue bytes. Pure (no I/O, clock or randomness of its own); see README.md
 * in this folder for who calls what.
 */
export * from "./action-schemas";
export * from "./actions";
export * from "./assets";
export * from "./cloid";
export * from "./eip712";
export * from "./exchange-responses";
export * from "./fast-signer";
export * from "./hex";
export * from "./hot-frames";
export * from "./info";
export * from "./info-schemas";
export * from "./keccak";
export * from "./l1-hash";
export * from "./nonce";
export * from "./outcome-ticker";
export * from "./price-rules";
export * from "./schema-common";
export * from "./secp256k1-wasm";
export * from "./signing";
export * from "./universe";
export * from "./user-signed";
export * from "./wire-decimal";
export * from "./ws-client";
export * from "./ws-frames";
export * from "./ws-schemas";
