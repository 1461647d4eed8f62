/**
 * Reads every Hyperliquid vector file in test/fixtures/vectors/hyperliquid and hands each suite
 * the vectors of its format, recognised by content (not by file name), so a new file in a known
 * format is tested without code changes. A file no collector recognises fails the coverage test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const VECTOR_DIR = resolve(import.meta.dirname, "..", "fixtures", "vectors", "hyperliquid");

// Vector files are heterogeneous JSON documents; suites narrow what they read.
export type Json = any;

export interface VectorFile {
  file: string;
  json: Json;
}

/** Integers beyond 2^53 (12312312312300000000 in float_to_int_for_hashing) are read exactly, as BigInt. */
function exactIntegers(_key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source !== undefined && /^-?\d+$/.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}

export function vectorFiles(): VectorFile[] {
  return readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(VECTOR_DIR, file), "utf8"), exactIntegers as never) as Json }));
}

export interface Tagged<T = Json> {
  /** "<file> #<index> <description>" for test names. */
  name: string;
  file: string;
  v: T;
  /** File-level fields a vector inherits (private_key, signer_address). */
  fileLevel: Json;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function label(v: Json, i: number): string {
  return String(v.test ?? v.description ?? v.case ?? v.what ?? v.primary_type ?? v.fn ?? v.slug ?? v.name ?? i);
}

function fromVectors(pred: (v: Json) => boolean): Tagged[] {
  const out: Tagged[] = [];
  for (const { file, json } of vectorFiles()) {
    const list: unknown[] = Array.isArray(json.vectors) ? json.vectors : [];
    list.forEach((v, i) => {
      if (isObj(v) && pred(v)) out.push({ name: `${file} #${i} ${label(v, i)}`, file, v, fileLevel: json });
    });
  }
  return out;
}

/** L1 action vectors: an action, a nonce, and expected connection id and/or signatures. */
export const l1Vectors = (): Tagged[] => fromVectors((v) => "action" in v && "nonce" in v && !("multiSigUser" in v));

/** User-signed vectors (in `vectors` or as a top-level block such as approveAgent_user_signed). */
export function userSignedVectors(): Tagged[] {
  const out = fromVectors((v) => "primary_type" in v && "message" in v);
  for (const { file, json } of vectorFiles()) {
    for (const [key, v] of Object.entries(json)) {
      if (isObj(v) && "primary_type" in v && "message" in v) out.push({ name: `${file} ${key}`, file, v, fileLevel: json });
    }
  }
  return out;
}

export const multisigVectors = (): Tagged[] => fromVectors((v) => "multiSigUser" in v && "payload_action" in v);

/** Files holding a given top-level block (float_to_wire cases, tick examples, frames, ...). */
export function filesWith(key: string): VectorFile[] {
  return vectorFiles().filter(({ json }) => key in json);
}

/** Case lists (`cases` arrays) whose items all carry the given key. */
export function casesWith(itemKey: string): Tagged[] {
  const out: Tagged[] = [];
  for (const { file, json } of vectorFiles()) {
    const cases: unknown[] = Array.isArray(json.cases) ? json.cases : [];
    if (cases.length === 0 || !cases.every((c) => isObj(c) && itemKey in c)) continue;
    cases.forEach((c, i) => out.push({ name: `${file} #${i} ${label(c, i)}`, file, v: c, fileLevel: json }));
  }
  return out;
}

/** Which suite reads each recognised format; a file must match at least one of these. */
export const FORMATS: Record<string, (f: VectorFile) => boolean> = {
  l1: (f) => l1Vectors().some((t) => t.file === f.file),
  userSigned: (f) => userSignedVectors().some((t) => t.file === f.file),
  multisig: (f) => multisigVectors().some((t) => t.file === f.file),
  floatToWire: (f) => "rust_test_cases" in f.json,
  floatToInt: (f) => "float_to_int_for_hashing" in f.json,
  priceSize: (f) => "docs_examples" in f.json || "nktkas_test_cases" in f.json,
  assetIds: (f) => casesWith("asset_id").some((t) => t.file === f.file),
  orderWire: (f) => casesWith("sdk_input").some((t) => t.file === f.file),
  cloid: (f) => casesWith("wire").some((t) => t.file === f.file) && "invalid" in f.json,
  eip712: (f) => isObj(f.json.l1) && "typehash" in f.json.l1,
  wsMessages: (f) => "frames" in f.json,
  exchangeResponses: (f) => "examples" in f.json && "error_strings" in f.json,
};
