/**
 * Builders of the L1 actions the bot signs. Each object literal below is written in the exact
 * key order the signature commits to [reference/hyperliquid.md §3.2; order_wire.json]:
 * order wire a,b,p,s,r,t then c only when a cloid is set; trigger isMarket,triggerPx,tpsl;
 * action type,orders,grouping then builder only when set; cancel `f` and modify `a` omitted
 * unless true (the venue rejects actions hashed with f:false). Inputs are validated and
 * canonicalised here (decimal strings stripped of trailing zeros, hex lowercased), so whatever
 * a builder returns is accepted by parseL1Action and hashes like the official SDKs.
 */
import { err, ok, type Result } from "../../core/result";
import type {
  BatchModifyAction,
  CancelAction,
  CancelByCloidAction,
  Grouping,
  ModifyAction,
  NoopAction,
  OrderAction,
  OrderTypeWire,
  OrderWire,
  ScheduleCancelAction,
  Tif,
  UpdateLeverageAction,
} from "./action-schemas";
import { outcomeOfAssetId } from "./assets";
import { isValidPrice, isValidSize, type TickSpec } from "./price-rules";
import { parseDecimal, formatDecimal } from "./wire-decimal";

export type ActionError = { kind: "badAction"; field: string; why: string };

const bad = (field: string, why: string): { ok: false; error: ActionError } => err({ kind: "badAction", field, why });

export type OrderKind =
  | { limit: { tif: Exclude<Tif, "FrontendMarket"> } }
  | { trigger: { triggerPx: string; isMarket: boolean; tpsl: "tp" | "sl" } };

export interface OrderSpec {
  asset: number;
  isBuy: boolean;
  /** Exact decimal strings, already on the tick/lot (see roundPrice/roundSize). */
  price: string;
  size: string;
  reduceOnly?: boolean;
  type: OrderKind;
  cloid?: string;
  /** When given, price and size must be valid for it (tick, lot, outcome rules). */
  tick?: TickSpec;
}

function positiveWire(s: string, field: string): Result<string, ActionError> {
  const d = parseDecimal(s);
  if (d === null || d.neg || d.int === 0n) return bad(field, `not a positive decimal: ${JSON.stringify(s)}`);
  return ok(formatDecimal(d));
}

const CLOID = /^0x[0-9a-fA-F]{32}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const isId = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

export function orderWire(o: OrderSpec, field = "order"): Result<OrderWire, ActionError> {
  if (!isId(o.asset)) return bad(`${field}.asset`, "not an asset id");
  const p = positiveWire(o.price, `${field}.price`);
  if (!p.ok) return p;
  const s = positiveWire(o.size, `${field}.size`);
  if (!s.ok) return s;
  if (o.tick !== undefined && !isValidPrice(p.value, o.tick)) return bad(`${field}.price`, `${p.value} is off the tick`);
  if (o.tick !== undefined && !isValidSize(s.value, o.tick)) return bad(`${field}.size`, `${s.value} is off the lot`);
  const isOutcome = outcomeOfAssetId(o.asset) !== null;
  let t: OrderTypeWire;
  if ("limit" in o.type) {
    t = { limit: { tif: o.type.limit.tif } };
  } else {
    // HIP-4 outcomes take neither trigger nor reduce-only orders [reference/hyperliquid.md §5].
    if (isOutcome) return bad(`${field}.type`, "outcome markets take no trigger orders");
    const px = positiveWire(o.type.trigger.triggerPx, `${field}.triggerPx`);
    if (!px.ok) return px;
    t = { trigger: { isMarket: o.type.trigger.isMarket, triggerPx: px.value, tpsl: o.type.trigger.tpsl } };
  }
  const r = o.reduceOnly === true;
  if (r && isOutcome) return bad(`${field}.reduceOnly`, "outcome markets take no reduce-only orders");
  const wire: OrderWire = { a: o.asset, b: o.isBuy, p: p.value, s: s.value, r, t };
  if (o.cloid !== undefined) {
    if (!CLOID.test(o.cloid)) return bad(`${field}.cloid`, "not 0x + 32 hex digits");
    wire.c = o.cloid.toLowerCase();
  }
  return ok(wire);
}

export interface OrderActionSpec {
  orders: OrderSpec[];
  grouping?: Grouping;
  builder?: { address: string; feeTenthsBps: number };
}

export function orderAction(spec: OrderActionSpec): Result<OrderAction, ActionError> {
  if (spec.orders.length === 0) return bad("orders", "empty batch");
  const orders: OrderWire[] = [];
  for (const [i, o] of spec.orders.entries()) {
    const w = orderWire(o, `orders[${i}]`);
    if (!w.ok) return w;
    orders.push(w.value);
  }
  const grouping = spec.grouping ?? "na";
  if (typeof grouping === "object") {
    // Priority fees: never on outcomes; all IOC, or all ALO without reduce-only [docs priority-fees].
    if (!Number.isSafeInteger(grouping.p) || grouping.p < 0 || grouping.p > 100_000_000) return bad("grouping.p", "0..1e8");
    if (orders.some((w) => outcomeOfAssetId(w.a) !== null)) return bad("grouping", "no priority fee on outcome orders");
    const tif = (w: OrderWire): string | undefined => ("limit" in w.t ? w.t.limit.tif : undefined);
    const allIoc = orders.every((w) => tif(w) === "Ioc");
    const allAlo = orders.every((w) => tif(w) === "Alo" && !w.r);
    if (!allIoc && !allAlo) return bad("grouping", "priority fee needs all IOC or all non-reduce-only ALO");
  }
  const action: OrderAction = { type: "order", orders, grouping: typeof grouping === "object" ? { p: grouping.p } : grouping };
  if (spec.builder !== undefined) {
    const { address, feeTenthsBps } = spec.builder;
    if (!ADDRESS.test(address)) return bad("builder.address", "not an address");
    if (!Number.isSafeInteger(feeTenthsBps) || feeTenthsBps < 0 || feeTenthsBps > 1000) return bad("builder.fee", "0..1000 tenths of a bp");
    action.builder = { b: address.toLowerCase(), f: feeTenthsBps };
  }
  return ok(action);
}

export function cancelAction(cancels: { asset: number; oid: number }[], fast = false): Result<CancelAction, ActionError> {
  if (cancels.length === 0) return bad("cancels", "empty batch");
  if (cancels.some((c) => !isId(c.asset) || !isId(c.oid))) return bad("cancels", "asset and oid must be non-negative integers");
  const action: CancelAction = { type: "cancel", cancels: cancels.map((c) => ({ a: c.asset, o: c.oid })) };
  if (fast) action.f = true;
  return ok(action);
}

export function cancelByCloidAction(cancels: { asset: number; cloid: string }[], fast = false): Result<CancelByCloidAction, ActionError> {
  if (cancels.length === 0) return bad("cancels", "empty batch");
  if (cancels.some((c) => !isId(c.asset) || !CLOID.test(c.cloid))) return bad("cancels", "asset id and 0x + 32 hex cloid");
  const action: CancelByCloidAction = {
    type: "cancelByCloid",
    cancels: cancels.map((c) => ({ asset: c.asset, cloid: c.cloid.toLowerCase() })),
  };
  if (fast) action.f = true;
  return ok(action);
}

function modifyTarget(oid: number | string): Result<number | string, ActionError> {
  if (typeof oid === "number") return isId(oid) ? ok(oid) : bad("oid", "not an order id");
  return CLOID.test(oid) ? ok(oid.toLowerCase()) : bad("oid", "not an order id or cloid");
}

/** `alwaysPlace` (wire `a`) places the new order even if cancelling the old one failed. */
export function modifyAction(m: { oid: number | string; order: OrderSpec; alwaysPlace?: boolean }): Result<ModifyAction, ActionError> {
  const oid = modifyTarget(m.oid);
  if (!oid.ok) return oid;
  const order = orderWire(m.order);
  if (!order.ok) return order;
  const action: ModifyAction = { type: "modify", oid: oid.value, order: order.value };
  if (m.alwaysPlace === true) action.a = true;
  return ok(action);
}

export function batchModifyAction(
  modifies: { oid: number | string; order: OrderSpec }[],
  alwaysPlace = false,
): Result<BatchModifyAction, ActionError> {
  if (modifies.length === 0) return bad("modifies", "empty batch");
  const out: BatchModifyAction["modifies"] = [];
  for (const [i, m] of modifies.entries()) {
    const oid = modifyTarget(m.oid);
    if (!oid.ok) return oid;
    const order = orderWire(m.order, `modifies[${i}].order`);
    if (!order.ok) return order;
    out.push({ oid: oid.value, order: order.value });
  }
  const action: BatchModifyAction = { type: "batchModify", modifies: out };
  if (alwaysPlace) action.a = true;
  return ok(action);
}

/** Dead man's switch: cancel everything at `timeMs` (>= 5 s ahead); no time unsets it. */
export function scheduleCancelAction(timeMs?: number): Result<ScheduleCancelAction, ActionError> {
  if (timeMs === undefined) return ok({ type: "scheduleCancel" });
  if (!Number.isSafeInteger(timeMs) || timeMs <= 0) return bad("time", "not a millisecond timestamp");
  return ok({ type: "scheduleCancel", time: timeMs });
}

export function updateLeverageAction(u: { asset: number; isCross: boolean; leverage: number }): Result<UpdateLeverageAction, ActionError> {
  if (!isId(u.asset)) return bad("asset", "not an asset id");
  if (!Number.isSafeInteger(u.leverage) || u.leverage < 1) return bad("leverage", "integer >= 1");
  return ok({ type: "updateLeverage", asset: u.asset, isCross: u.isCross, leverage: u.leverage });
}

/** Burns a nonce: the cheap way to kill an in-flight action [docs exchange-endpoint]. */
export function noopAction(): NoopAction {
  return { type: "noop" };
}
