/**
 * The signer's side of a call: the one L1 action a request becomes (the wire layer's builders,
 * so key order and canonical strings are exactly what the venue hashes). One `order` action per
 * batch of new orders (grouping "na": plain orders, no TP/SL, no priority fee), one
 * `cancelByCloid` per batch of cancels, `cancel` by oid for orders we hold no cloid for,
 * `scheduleCancel`, `noop`.
 */
import type { Result } from "../../core/result";
import {
  cancelAction,
  cancelByCloidAction,
  noopAction,
  orderAction,
  scheduleCancelAction,
  type ActionError,
} from "../../venues/hyperliquid/actions";
import type { CancelAction, CancelByCloidAction, NoopAction, OrderAction, ScheduleCancelAction } from "../../venues/hyperliquid/action-schemas";
import type { WireOrder } from "./signer-protocol";

export function placeAction(orders: readonly WireOrder[]): Result<OrderAction, ActionError> {
  return orderAction({
    orders: orders.map((o) => ({
      asset: o.asset,
      isBuy: o.isBuy,
      price: o.price,
      size: o.size,
      reduceOnly: o.reduceOnly,
      type: { limit: { tif: o.tif } },
      cloid: o.cloid,
    })),
    grouping: "na",
  });
}

export function cancelCloidAction(cancels: readonly { asset: number; cloid: string }[]): Result<CancelByCloidAction, ActionError> {
  return cancelByCloidAction([...cancels]);
}

export function cancelOidAction(cancels: readonly { asset: number; oid: number }[]): Result<CancelAction, ActionError> {
  return cancelAction([...cancels]);
}

export function deadManAction(time: number | null): Result<ScheduleCancelAction, ActionError> {
  return scheduleCancelAction(time ?? undefined);
}

export function burnNonceAction(): NoopAction {
  return noopAction();
}
