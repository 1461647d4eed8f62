/**
 * Validation plumbing for every config section (SPEC §16): defaults are merged under the input
 * before validation, so a partial document is filled in, an unknown key is refused (a typo must
 * not be silently ignored), and every problem comes back as `{path, message}` naming the field.
 * Schemas carry no zod defaults: that keeps per-market override schemas (`.partial()`) from
 * filling in defaults over values set at the top level.
 */
import type { z } from "zod";
import { err, ok, type Result } from "../core/result";

export interface ConfigIssue {
  /** Dotted path of the offending field, e.g. "strategies.mm.gamma". */
  path: string;
  message: string;
}

export type ConfigResult<T> = Result<T, ConfigIssue[]>;

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** `over` on top of `base`, recursing into plain objects (arrays and values replace). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

export function issuesOf(e: z.ZodError, prefix = ""): ConfigIssue[] {
  return e.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== "").join("."),
    message: i.message,
  }));
}

/** Validates `input` merged over `defaults`; issues are prefixed with `prefix`. */
export function parseSection<S extends z.ZodType>(schema: S, defaults: unknown, input: unknown, prefix = ""): ConfigResult<z.infer<S>> {
  const r = schema.safeParse(input === undefined ? defaults : deepMerge(defaults, input));
  return r.success ? ok(r.data) : err(issuesOf(r.error, prefix));
}
