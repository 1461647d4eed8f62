/**
 * POST /exchange (and `post` action requests on the WebSocket): authenticate, check nonce,
 * expiry and address budget, then run the action on the venue.
 *
 * Authentication is the venue's: the signer is recovered from the EIP-712 Agent signature over
 * the action's connectionId (L1 actions) or from the HyperliquidSignTransaction signature
 * (approveAgent), with viem, through the project's signing module. The action is hashed in its
 * canonical form (schema key order, canonical decimals), as the venue re-serialises what it
 * parsed; a signature over anything else recovers a stranger, who "does not exist".
 * Refusals of the whole request: `{"status":"err","response":"<text>"}` with HTTP 200; a body
 * that does not deserialise: HTTP 422 with the venue's text.
 */
import * as z from "zod";
import { ExchangeRequest, L1Action, type OrderWire } from "../../shared/venues/hyperliquid/action-schemas";
import type { OrderStatus } from "../../shared/venues/hyperliquid/exchange-responses";
import { recoverL1Signer } from "../../shared/venues/hyperliquid/signing";
import { type ApproveAgentAction, recoverUserSignedSigner } from "../../shared/venues/hyperliquid/user-signed";
import type { Accounts } from "./accounts";
import type { Scheduler } from "./clock";
import { scheduleCancel } from "./lifecycle";
import { type NonceBook, windowError } from "./nonces";
import { chargeAddress } from "./rate-limits";
import { withAsset } from "./order-checks";
import { NEVER_PLACED, type Venue, type VenueListener } from "./venue";

export const DESERIALIZE_ERROR = "Failed to deserialize the JSON body into the target type";

export interface ExchangeDeps {
  venue: Venue;
  accounts: Accounts;
  nonces: NonceBook;
  scheduler: Scheduler;
  listener: Pick<VenueListener, "nonUserCancel">;
  isMainnet: boolean;
  now(): number;
  wallNow(): number;
}

export interface ExchangeOutcome {
  http: number;
  body: unknown;
  /** What the request log keeps about it. */
  type: string;
  user: string | null;
  signer: string | null;
  nonce: number | null;
  cloids: string[];
}

const ok = (response: unknown): unknown => ({ status: "ok", response });
const refuse = (text: string): unknown => ({ status: "err", response: text });

const ApproveAgent = z.strictObject({
  type: z.literal("approveAgent"),
  signatureChainId: z.string().regex(/^0x[0-9a-fA-F]+$/),
  hyperliquidChain: z.enum(["Mainnet", "Testnet"]),
  agentAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  agentName: z.string().optional(),
  nonce: z.number().int().positive().safe(),
});

export async function handleExchange(d: ExchangeDeps, raw: unknown): Promise<ExchangeOutcome> {
  const base = { type: actionType(raw), user: null, signer: null, nonce: null, cloids: cloidsOf(raw) };
  const env = ExchangeRequest.safeParse(raw);
  if (!env.success) return { ...base, http: 422, body: DESERIALIZE_ERROR };
  if (base.type === "approveAgent") return approveAgent(d, env.data, base);
  const action = L1Action.safeParse(env.data.action);
  if (!action.success) return { ...base, http: 422, body: DESERIALIZE_ERROR };
  const a = action.data;
  const req = env.data;
  const stale = windowError(req.nonce, d.now());
  if (stale !== null) return { ...base, nonce: req.nonce, http: 200, body: refuse(stale) };
  const signer = await recoverL1Signer({
    action: a,
    nonce: req.nonce,
    vaultAddress: req.vaultAddress ?? null,
    expiresAfter: req.expiresAfter ?? null,
    isMainnet: d.isMainnet,
    signature: req.signature,
  });
  const seen = { ...base, signer, nonce: req.nonce };
  const actor = d.accounts.actingFor(signer);
  const account = req.vaultAddress === null || req.vaultAddress === undefined ? actor : d.accounts.get(req.vaultAddress);
  if (actor === undefined || account === undefined || (account !== actor && !account.agents.has(signer))) {
    return { ...seen, http: 200, body: refuse(`User or API Wallet ${signer} does not exist.`) };
  }
  const withUser = { ...seen, user: account.address };
  const now = d.now();
  const nonceError = d.nonces.check(signer, req.nonce, now);
  if (nonceError !== null) return { ...withUser, http: 200, body: refuse(nonceError) };
  const batch = a.type === "order" ? a.orders.length : a.type === "cancel" || a.type === "cancelByCloid" ? a.cancels.length : a.type === "batchModify" ? a.modifies.length : 1;
  if (req.expiresAfter !== null && req.expiresAfter !== undefined && req.expiresAfter < now) {
    // A stale expiresAfter still costs the address budget, five times over [docs exchange-endpoint].
    account.budget.used += 5 * batch;
    return { ...withUser, http: 200, body: refuse("Action already expired") };
  }
  const budgetError = chargeAddress(account.budget, batch, a.type === "cancel" || a.type === "cancelByCloid", account.cumVlm, d.wallNow());
  if (budgetError !== null) return { ...withUser, http: 200, body: refuse(budgetError) };
  d.nonces.use(signer, req.nonce);
  return { ...withUser, http: 200, body: run(d, account.address, a, now) };
}

function run(d: ExchangeDeps, user: string, a: L1Action, now: number): unknown {
  const account = d.accounts.get(user);
  if (account === undefined) return refuse(`User or API Wallet ${user} does not exist.`);
  const v = d.venue;
  switch (a.type) {
    case "order":
      return ok({ type: "order", data: { statuses: a.orders.map((o) => v.place(account, o, now)) } });
    case "cancel":
      return ok({
        type: "cancel",
        data: { statuses: a.cancels.map((c) => cancelStatus(v.cancel(account, c.a, v.orders.get(c.o), now))) },
      });
    case "cancelByCloid":
      return ok({
        type: "cancel",
        data: { statuses: a.cancels.map((c) => cancelStatus(v.cancel(account, c.asset, v.orders.byClientId(user, c.cloid), now))) },
      });
    case "modify": {
      const s = modifyOne(d, user, a.oid, a.order, now);
      return typeof s === "object" && "error" in s ? refuse(s.error) : ok({ type: "default" });
    }
    case "batchModify":
      return ok({ type: "order", data: { statuses: a.modifies.map((m) => modifyOne(d, user, m.oid, m.order, now)) } });
    case "scheduleCancel": {
      const e = scheduleCancel(v, d.scheduler, d.listener, account, a.time, now);
      return e === null ? ok({ type: "default" }) : refuse(e);
    }
    case "updateLeverage": {
      const m = v.markets.market(a.asset);
      if (m === undefined || m.asset.kind === "outcome" || a.leverage > m.maxLeverage) return refuse("Invalid leverage value");
      account.leverage.set(m.asset.coin, { value: a.leverage, isCross: a.isCross });
      return ok({ type: "default" });
    }
    case "noop":
      return ok({ type: "default" });
  }
}

function cancelStatus(error: string | null): unknown {
  return error === null ? "success" : { error };
}

/** Modify = cancel the open order, place the new one under a new oid (the venue's cancel-replace). */
function modifyOne(d: ExchangeDeps, user: string, target: number | string, order: OrderWire, now: number): OrderStatus {
  const account = d.accounts.get(user);
  const rec = typeof target === "number" ? d.venue.orders.get(target) : d.venue.orders.byClientId(user, target);
  if (account === undefined || rec === undefined || rec.user !== user || rec.status !== "open") {
    return { error: rec === undefined || rec.user !== user ? withAsset(NEVER_PLACED, order.a) : "Cannot modify canceled or filled order" };
  }
  d.venue.cancelOrder(rec, "canceled", now);
  return d.venue.place(account, order, now);
}

async function approveAgent(
  d: ExchangeDeps,
  req: z.infer<typeof ExchangeRequest>,
  base: Omit<ExchangeOutcome, "http" | "body">,
): Promise<ExchangeOutcome> {
  const parsed = ApproveAgent.safeParse(req.action);
  if (!parsed.success) return { ...base, http: 422, body: DESERIALIZE_ERROR };
  const action: ApproveAgentAction = parsed.data;
  const stale = windowError(req.nonce, d.now());
  if (stale !== null) return { ...base, nonce: req.nonce, http: 200, body: refuse(stale) };
  const signer = await recoverUserSignedSigner({ action, signature: req.signature });
  const seen = { ...base, signer, nonce: req.nonce };
  const account = d.accounts.get(signer);
  if (account === undefined) return { ...seen, http: 200, body: refuse(`Must deposit before performing actions. User: ${signer}`) };
  if ((action.hyperliquidChain === "Mainnet") !== d.isMainnet) {
    return { ...seen, user: signer, http: 200, body: refuse("Mainnet and testnet require different signature.") };
  }
  if (action.nonce !== req.nonce) return { ...seen, user: signer, http: 200, body: refuse("Nonce mismatch.") };
  const nonceError = d.nonces.check(signer, req.nonce, d.now());
  if (nonceError !== null) return { ...seen, user: signer, http: 200, body: refuse(nonceError) };
  d.nonces.use(signer, req.nonce);
  // "<name> valid_until <ms>" names an expiring agent; the simulator keeps the name part.
  const name = (action.agentName ?? "").replace(/ valid_until \d+$/, "");
  d.accounts.approveAgent(account, action.agentAddress, name);
  return { ...seen, user: signer, http: 200, body: ok({ type: "default" }) };
}

function actionType(raw: unknown): string {
  const a = (raw as { action?: { type?: unknown } } | null)?.action;
  return typeof a?.type === "string" ? a.type : "?";
}

/** Every cloid a request names (orders, cancels by cloid, modifies), for the request log. */
export function cloidsOf(raw: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key: string): void => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, k);
    else if (typeof v === "string" && (key === "c" || key === "cloid" || key === "oid") && /^0x[0-9a-fA-F]{32}$/.test(v)) out.push(v.toLowerCase());
  };
  visit((raw as { action?: unknown } | null)?.action, "");
  return out;
}
