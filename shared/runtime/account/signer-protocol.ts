/**
 * What the RiskDO and the signer Worker exchange over the service binding (WorkerEntrypoint
 * RPC). Plain structured-clonable data: the RiskDO sends venue-ready orders (asset id and
 * exact wire strings, already checked against the venue's price and size rules) with the nonce
 * it allocated and persisted; the signer builds the one action, signs it, posts it once and
 * answers one result per order or cancel, in request order (SendResult / CancelResult of
 * shared/engine). The signer never retries and never posts after it answered.
 */
import type { CancelResult, SendResult } from "../../engine/types";
import type { Tif } from "../../execution/types";

/** One order as the venue takes it, plus the grid to read the venue's fill answer back in ticks and lots. */
export interface WireOrder {
  asset: number;
  isBuy: boolean;
  /** Canonical decimal strings on the venue's tick and lot. */
  price: string;
  size: string;
  tif: Tif;
  reduceOnly: boolean;
  cloid: string;
  pxDecimals: number;
  szDecimals: number;
}

/** Fields every signed call carries. */
export interface SignedCall {
  /** Allocated by the RiskDO from its persisted per-signer NonceSource. */
  nonce: number;
  /** Venue ms after which the venue drops the action, so a late request can never act. */
  expiresAfter?: number;
  /** Abort the post after this long and answer `unknown` (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

export interface PlaceRequest extends SignedCall {
  orders: WireOrder[];
}

export interface CancelByCloidRequest extends SignedCall {
  cancels: { asset: number; cloid: string }[];
}

export interface CancelByOidRequest extends SignedCall {
  cancels: { asset: number; oid: number }[];
}

export interface ScheduleCancelRequest extends SignedCall {
  /** Venue ms at which every open order is cancelled (at least 5 s ahead); null unsets the switch. */
  time: number | null;
}

/** Answer to an action without per-item statuses (scheduleCancel, noop). */
export type ActionResult = CancelResult;

/** Stage times taken by the signer (its own clock; workerd's clock only moves across I/O). */
export interface SignerTiming {
  receivedMs: number;
  signedMs: number;
  answeredMs: number;
}

export interface SignerReply<R> {
  /** One per order / cancel in request order; one for scheduleCancel and noop. */
  results: R[];
  /** The agent address that signed (the nonce owner); null when no key is configured. */
  signer: string | null;
  nonce: number;
  /** HTTP status of the venue's answer; null when none came back (timeout, network, never posted). */
  http: number | null;
  /** Why the whole call failed, when it did (for the audit log). */
  note: string | null;
  timing: SignerTiming;
}

export type PlaceReply = SignerReply<SendResult>;
export type CancelReply = SignerReply<CancelResult>;
export type ActionReply = SignerReply<ActionResult>;

/** Hyperliquid answers /exchange after the block commits (~0.4-1 s); past this the outcome is unknown. */
export const DEFAULT_TIMEOUT_MS = 5_000;
