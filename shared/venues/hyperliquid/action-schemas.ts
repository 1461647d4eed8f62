/**
 * zod schemas of the L1 actions the bot signs and of the /exchange request envelope, for anyone
 * who must read them back (the local venue simulator verifies incoming requests with these).
 *
 * The signature commits to the msgpack bytes of the action, so the key order of every object
 * is part of the protocol [reference/hyperliquid.md §3.2]; schema key order here IS that order,
 * and parseL1Action also checks the raw input had it. Optional flags that must be omitted
 * rather than false (cancel `f`, modify `a`) only accept `true`. Decimal strings must be
 * canonical (no trailing zeros), since the venue re-hashes its canonical form.
 */
import * as z from "zod";
import { err, ok, type Result } from "../../core/result";

/** A positive canonical decimal: "100", "0.0147", "1670.1"; never "2000.0", "01", "0". */
export const WirePositive = z.string().regex(/^(?:0\.\d*[1-9]|[1-9]\d*(?:\.\d*[1-9])?)$/);
const LowerAddress = z.string().regex(/^0x[0-9a-f]{40}$/);
const LowerCloid = z.string().regex(/^0x[0-9a-f]{32}$/);
const AssetId = z.number().int().nonnegative().safe();
const Oid = z.number().int().nonnegative().safe();
const Ms = z.number().int().positive().safe();

export const Tif = z.enum(["Alo", "Ioc", "Gtc", "FrontendMarket"]);
export type Tif = z.infer<typeof Tif>;

export const OrderTypeWire = z.union([
  z.strictObject({ limit: z.strictObject({ tif: Tif }) }),
  // isMarket comes before triggerPx on the wire even though the SDKs take triggerPx first.
  z.strictObject({ trigger: z.strictObject({ isMarket: z.boolean(), triggerPx: WirePositive, tpsl: z.enum(["tp", "sl"]) }) }),
]);
export type OrderTypeWire = z.infer<typeof OrderTypeWire>;

export const OrderWire = z.strictObject({
  a: AssetId,
  b: z.boolean(),
  p: WirePositive,
  s: WirePositive,
  r: z.boolean(),
  t: OrderTypeWire,
  c: LowerCloid.optional(),
});
export type OrderWire = z.infer<typeof OrderWire>;

/** Priority-fee grouping {p}: rate p/1e8, at most 1e8 [docs priority-fees]. */
export const Grouping = z.union([
  z.enum(["na", "normalTpsl", "positionTpsl"]),
  z.strictObject({ p: z.number().int().min(0).max(100_000_000) }),
]);
export type Grouping = z.infer<typeof Grouping>;

/** Builder fee f in tenths of a basis point; 1% (1000) is the spot maximum, 0.1% on perps. */
export const BuilderWire = z.strictObject({ b: LowerAddress, f: z.number().int().min(0).max(1000) });

export const OrderAction = z.strictObject({
  type: z.literal("order"),
  orders: z.array(OrderWire).min(1),
  grouping: Grouping,
  builder: BuilderWire.optional(),
});
export const CancelAction = z.strictObject({
  type: z.literal("cancel"),
  cancels: z.array(z.strictObject({ a: AssetId, o: Oid })).min(1),
  f: z.literal(true).optional(),
});
export const CancelByCloidAction = z.strictObject({
  type: z.literal("cancelByCloid"),
  cancels: z.array(z.strictObject({ asset: AssetId, cloid: LowerCloid })).min(1),
  f: z.literal(true).optional(),
});
const OidOrCloid = z.union([Oid, LowerCloid]);
export const ModifyAction = z.strictObject({
  type: z.literal("modify"),
  oid: OidOrCloid,
  order: OrderWire,
  a: z.literal(true).optional(),
});
export const BatchModifyAction = z.strictObject({
  type: z.literal("batchModify"),
  modifies: z.array(z.strictObject({ oid: OidOrCloid, order: OrderWire })).min(1),
  a: z.literal(true).optional(),
});
export const ScheduleCancelAction = z.strictObject({ type: z.literal("scheduleCancel"), time: Ms.optional() });
export const UpdateLeverageAction = z.strictObject({
  type: z.literal("updateLeverage"),
  asset: AssetId,
  isCross: z.boolean(),
  leverage: z.number().int().min(1),
});
export const NoopAction = z.strictObject({ type: z.literal("noop") });

export const L1Action = z.discriminatedUnion("type", [
  OrderAction,
  CancelAction,
  CancelByCloidAction,
  ModifyAction,
  BatchModifyAction,
  ScheduleCancelAction,
  UpdateLeverageAction,
  NoopAction,
]);
export type L1Action = z.infer<typeof L1Action>;
export type OrderAction = z.infer<typeof OrderAction>;
export type CancelAction = z.infer<typeof CancelAction>;
export type CancelByCloidAction = z.infer<typeof CancelByCloidAction>;
export type ModifyAction = z.infer<typeof ModifyAction>;
export type BatchModifyAction = z.infer<typeof BatchModifyAction>;
export type ScheduleCancelAction = z.infer<typeof ScheduleCancelAction>;
export type UpdateLeverageAction = z.infer<typeof UpdateLeverageAction>;
export type NoopAction = z.infer<typeof NoopAction>;

/** r and s as the SDKs print them: 32-byte padded (TS, Rust) or without leading zeros (Python). */
export const SignatureWire = z.strictObject({
  r: z.string().regex(/^0x[0-9a-fA-F]{1,64}$/),
  s: z.string().regex(/^0x[0-9a-fA-F]{1,64}$/),
  v: z.union([z.literal(27), z.literal(28)]),
});
export type SignatureWire = z.infer<typeof SignatureWire>;

/** The POST /exchange body of an L1 action; the action stays raw here (see parseL1Action). */
export const ExchangeRequest = z.strictObject({
  action: z.looseObject({ type: z.string() }),
  nonce: Ms,
  signature: SignatureWire,
  vaultAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/).nullable().optional(),
  expiresAfter: Ms.nullable().optional(),
});
export type ExchangeRequest = z.infer<typeof ExchangeRequest>;

export type ActionParseError =
  | { kind: "badJson"; detail: string }
  | { kind: "badShape"; detail: string }
  | { kind: "keyOrder"; path: string; expected: string[]; got: string[] };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** First place where the raw input's keys are not in the canonical (schema) order. */
export function firstKeyOrderMismatch(raw: unknown, canonical: unknown, path = "$"): ActionParseError | null {
  if (Array.isArray(raw) && Array.isArray(canonical)) {
    for (let i = 0; i < raw.length; i++) {
      const m = firstKeyOrderMismatch(raw[i], canonical[i], `${path}[${i}]`);
      if (m !== null) return m;
    }
    return null;
  }
  if (!isPlainObject(raw) || !isPlainObject(canonical)) return null;
  const got = Object.keys(raw);
  const expected = Object.keys(canonical);
  if (got.join("\u0000") !== expected.join("\u0000")) return { kind: "keyOrder", path, expected, got };
  for (const k of expected) {
    const m = firstKeyOrderMismatch(raw[k], canonical[k], `${path}.${k}`);
    if (m !== null) return m;
  }
  return null;
}

/** Parses one L1 action and insists on the wire key order; the result re-encodes byte-identically. */
export function parseL1Action(raw: unknown): Result<L1Action, ActionParseError> {
  const r = L1Action.safeParse(raw);
  if (!r.success) return err({ kind: "badShape", detail: z.prettifyError(r.error).slice(0, 500) });
  const mismatch = firstKeyOrderMismatch(raw, r.data);
  return mismatch === null ? ok(r.data) : err(mismatch);
}

/** Parses a whole /exchange request body (text or decoded JSON) and its L1 action. */
export function parseExchangeRequest(body: unknown): Result<ExchangeRequest & { action: L1Action }, ActionParseError> {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return err({ kind: "badJson", detail: body.slice(0, 200) });
    }
  }
  const env = ExchangeRequest.safeParse(value);
  if (!env.success) return err({ kind: "badShape", detail: z.prettifyError(env.error).slice(0, 500) });
  const action = parseL1Action((value as { action: unknown }).action);
  if (!action.ok) return action;
  return ok({ ...env.data, action: action.value });
}
