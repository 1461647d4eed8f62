/**
 * Client order ids: "0x" + 32 lowercase hex digits (16 bytes) [docs exchange-endpoint; Python SDK
 * Cloid]. A cloid makes a submit idempotent: the venue refuses a second order with the same one,
 * so a retry can never double an order. Randomness is passed in (the core reads no clock or RNG).
 */
import { err, ok, type Result } from "../../core/result";
import { bytesToHex } from "./hex";

export type Cloid = `0x${string}`;

export type CloidError = { kind: "badCloid"; input: string; why: string };

/** A fresh cloid from 16 random bytes supplied by the caller (crypto.getRandomValues in a Worker). */
export function newCloid(random16: Uint8Array): Result<Cloid, CloidError> {
  if (random16.length !== 16) return err({ kind: "badCloid", input: `${random16.length} bytes`, why: "needs exactly 16 random bytes" });
  return ok(`0x${bytesToHex(random16)}` as Cloid);
}

const CLOID = /^0x[0-9a-fA-F]{32}$/;

/** Validates and lowercases a cloid (the venue parses it as bytes, so case does not matter to it). */
export function parseCloid(input: string): Result<Cloid, CloidError> {
  if (!input.startsWith("0x")) return err({ kind: "badCloid", input, why: "missing 0x prefix" });
  if (!CLOID.test(input)) return err({ kind: "badCloid", input, why: "not exactly 32 hex digits after 0x" });
  return ok(input.toLowerCase() as Cloid);
}

/** The Python SDK's Cloid.from_int: the integer as 32 zero-padded hex digits. */
export function cloidFromInt(n: bigint): Result<Cloid, CloidError> {
  if (n < 0n || n >= 1n << 128n) return err({ kind: "badCloid", input: n.toString(), why: "outside 0..2^128-1" });
  return ok(`0x${n.toString(16).padStart(32, "0")}` as Cloid);
}
