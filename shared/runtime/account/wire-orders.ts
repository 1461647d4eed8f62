/**
 * From the AccountEngine's orders and cancels (instrument markets, integer ticks and lots) to
 * what the venue takes: asset ids from the venue's own metadata, exact wire strings checked
 * against the tick and lot rules. An order that cannot be expressed on the wire is `denied`
 * here, before anything is signed or sent (it never reaches the venue).
 */
import { formatScaled } from "../../core/decimal";
import { err, ok, type Result } from "../../core/result";
import type { Instrument, OrderIntent } from "../../execution/types";
import { isValidPrice, isValidSize, type TickSpec } from "../../venues/hyperliquid/price-rules";
import { resolveAsset, type AssetUniverse } from "../../venues/hyperliquid/universe";
import type { WireOrder } from "./signer-protocol";

/** Where an instrument lives on the venue (plain data, persisted so cancels need no I/O after a restart). */
export interface AssetRef {
  coin: string;
  assetId: number;
  tick: TickSpec;
}

/** By instrument market ("hl:#150", "hl:BTC"). */
export type AssetTable = Record<string, AssetRef>;

/** The wire coin of a Hyperliquid instrument market ("hl:BTC" -> "BTC"); null for other venues. */
export function hlCoin(market: string): string | null {
  return market.startsWith("hl:") && market.length > 3 ? market.slice(3) : null;
}

/** Looks every Hyperliquid instrument up in the venue's universe; the misses are named. */
export function assetTable(u: AssetUniverse, instruments: readonly Instrument[]): { table: AssetTable; missing: string[] } {
  const table: AssetTable = {};
  const missing: string[] = [];
  for (const inst of instruments) {
    const coin = hlCoin(inst.market);
    if (inst.venue !== "hl" || coin === null) continue;
    const a = resolveAsset(u, coin);
    if (!a.ok) {
      missing.push(inst.market);
      continue;
    }
    table[inst.market] = { coin: a.value.coin, assetId: a.value.assetId, tick: a.value.tick };
  }
  return { table, missing };
}

export type WireError = { kind: "unknown_asset"; market: string } | { kind: "unknown_instrument"; market: string } | { kind: "off_grid"; field: "price" | "size"; value: string };

export function wireErrorText(e: WireError): string {
  return e.kind === "off_grid" ? `${e.field} ${e.value} is not valid on the venue's grid` : `${e.kind.replace("_", " ")} ${e.market}`;
}

/** One intent as the venue takes it; `sz` is the size risk approved (lots). */
export function wireOrder(intent: OrderIntent, inst: Instrument | undefined, asset: AssetRef | undefined): Result<WireOrder, WireError> {
  if (inst === undefined) return err({ kind: "unknown_instrument", market: intent.market });
  if (asset === undefined) return err({ kind: "unknown_asset", market: intent.market });
  if (!Number.isSafeInteger(intent.px) || intent.px <= 0) return err({ kind: "off_grid", field: "price", value: String(intent.px) });
  if (!Number.isSafeInteger(intent.sz) || intent.sz <= 0) return err({ kind: "off_grid", field: "size", value: String(intent.sz) });
  const price = formatScaled(intent.px, inst.pxDecimals);
  const size = formatScaled(intent.sz, inst.szDecimals);
  if (!isValidPrice(price, asset.tick)) return err({ kind: "off_grid", field: "price", value: price });
  if (!isValidSize(size, asset.tick)) return err({ kind: "off_grid", field: "size", value: size });
  return ok({
    asset: asset.assetId,
    isBuy: intent.side === "buy",
    price,
    size,
    tif: intent.tif,
    // HIP-4 takes no reduce-only flag; the engine only sets it where the venue accepts it.
    reduceOnly: intent.reduceOnly && asset.tick.kind !== "outcome",
    cloid: intent.cloid,
    pxDecimals: inst.pxDecimals,
    szDecimals: inst.szDecimals,
  });
}

export interface WireBatch<T> {
  /** What goes into the one signed action, with the cloid each entry answers for. */
  send: { cloid: string; wire: T }[];
  /** Never sent: the reason goes back to the engine as `denied`. */
  denied: { cloid: string; reason: string }[];
}

export function orderBatch(intents: readonly OrderIntent[], instruments: Readonly<Record<string, Instrument>>, assets: AssetTable): WireBatch<WireOrder> {
  const out: WireBatch<WireOrder> = { send: [], denied: [] };
  for (const intent of intents) {
    const w = wireOrder(intent, instruments[intent.market], assets[intent.market]);
    if (w.ok) out.send.push({ cloid: intent.cloid, wire: w.value });
    else out.denied.push({ cloid: intent.cloid, reason: wireErrorText(w.error) });
  }
  return out;
}

/** Cancels by cloid; one without an asset id cannot be expressed and is reported. */
export function cancelBatch(cancels: readonly { cloid: string; market: string }[], assets: AssetTable): WireBatch<{ asset: number; cloid: string }> {
  const out: WireBatch<{ asset: number; cloid: string }> = { send: [], denied: [] };
  for (const c of cancels) {
    const a = assets[c.market];
    if (a === undefined) out.denied.push({ cloid: c.cloid, reason: `unknown asset ${c.market}` });
    else out.send.push({ cloid: c.cloid, wire: { asset: a.assetId, cloid: c.cloid } });
  }
  return out;
}

/** Cancels by oid (orders we hold no cloid for). */
export function cancelByOidBatch(cancels: readonly { oid: number; market: string }[], assets: AssetTable): { send: { asset: number; oid: number }[]; missing: string[] } {
  const send: { asset: number; oid: number }[] = [];
  const missing: string[] = [];
  for (const c of cancels) {
    const a = assets[c.market];
    if (a === undefined) missing.push(c.market);
    else send.push({ asset: a.assetId, oid: c.oid });
  }
  return { send, missing };
}
