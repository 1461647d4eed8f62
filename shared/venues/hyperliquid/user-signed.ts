/**
 * User-signed actions (EIP-712 domain HyperliquidSignTransaction) [docs signing, exchange-endpoint;
 * reference/hyperliquid.md §4.2]: the action JSON carries signatureChainId (the EIP-712 chain id,
 * any chain; the Python SDK always uses 0x66eee) and hyperliquidChain ("Mainnet" | "Testnet"),
 * which is what prevents replay across networks. Only the typed fields are signed. These are
 * signed by the main wallet (not an agent) and take neither vaultAddress nor expiresAfter; the
 * outer request nonce equals the action's time/nonce.
 */
import { hashTypedData, type Hex } from "viem";
import { err, ok, type Result } from "../../core/result";
import { userSignedDomain, USER_SIGNED_TYPES, type TypedField, type UserSignedKind } from "./eip712";
import { recoverDigestSigner, signDigest, type Signature } from "./signing";
import { canonicalDecimal } from "./wire-decimal";

export const DEFAULT_SIGNATURE_CHAIN_ID = "0x66eee";

type Chain = "Mainnet" | "Testnet";

interface Common {
  isMainnet: boolean;
  signatureChainId?: string;
}

export interface UsdSendAction {
  type: "usdSend";
  signatureChainId: string;
  hyperliquidChain: Chain;
  destination: string;
  amount: string;
  time: number;
}

export interface WithdrawAction {
  type: "withdraw3";
  signatureChainId: string;
  hyperliquidChain: Chain;
  destination: string;
  amount: string;
  time: number;
}

export interface ApproveAgentAction {
  type: "approveAgent";
  signatureChainId: string;
  hyperliquidChain: Chain;
  agentAddress: string;
  /** Absent on the wire for the unnamed agent; signed as "" then (Python SDK). */
  agentName?: string;
  nonce: number;
}

export type UserSignedAction = UsdSendAction | WithdrawAction | ApproveAgentAction;

const chainOf = (c: Common): Chain => (c.isMainnet ? "Mainnet" : "Testnet");
const chainIdOf = (c: Common): string => c.signatureChainId ?? DEFAULT_SIGNATURE_CHAIN_ID;

export type UserSignedError = { kind: "badUserAction"; field: string; why: string };

type Transfer = Common & { destination: string; amount: string; timeMs: number };

/** Destination lowercased (docs recommend it), amount canonical ("1.50" -> "1.5"), as @nktkas/hyperliquid does. */
function transfer(a: Transfer): Result<{ destination: string; amount: string }, UserSignedError> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(a.destination)) return err({ kind: "badUserAction", field: "destination", why: "not an address" });
  const amount = canonicalDecimal(a.amount);
  if (!amount.ok || amount.value === "0" || amount.value.startsWith("-")) return err({ kind: "badUserAction", field: "amount", why: "not a positive decimal" });
  if (!Number.isSafeInteger(a.timeMs) || a.timeMs <= 0) return err({ kind: "badUserAction", field: "time", why: "not a millisecond timestamp" });
  return ok({ destination: a.destination.toLowerCase(), amount: amount.value });
}

export function usdSendAction(a: Transfer): Result<UsdSendAction, UserSignedError> {
  const t = transfer(a);
  if (!t.ok) return t;
  return ok({ type: "usdSend", signatureChainId: chainIdOf(a), hyperliquidChain: chainOf(a), destination: t.value.destination, amount: t.value.amount, time: a.timeMs });
}

export function withdrawAction(a: Transfer): Result<WithdrawAction, UserSignedError> {
  const t = transfer(a);
  if (!t.ok) return t;
  return ok({ type: "withdraw3", signatureChainId: chainIdOf(a), hyperliquidChain: chainOf(a), destination: t.value.destination, amount: t.value.amount, time: a.timeMs });
}

/** `agentName` may end with " valid_until <ms>"; omit it for the unnamed agent. */
export function approveAgentAction(a: Common & { agentAddress: string; agentName?: string; nonce: number }): Result<ApproveAgentAction, UserSignedError> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(a.agentAddress)) return err({ kind: "badUserAction", field: "agentAddress", why: "not an address" });
  if (!Number.isSafeInteger(a.nonce) || a.nonce <= 0) return err({ kind: "badUserAction", field: "nonce", why: "not a millisecond timestamp" });
  const action: ApproveAgentAction = {
    type: "approveAgent",
    signatureChainId: chainIdOf(a),
    hyperliquidChain: chainOf(a),
    agentAddress: a.agentAddress.toLowerCase(),
    nonce: a.nonce,
  };
  if (a.agentName !== undefined && a.agentName !== "") action.agentName = a.agentName;
  return ok(action);
}

const KIND_OF: Record<UserSignedAction["type"], UserSignedKind> = { usdSend: "usdSend", withdraw3: "withdraw3", approveAgent: "approveAgent" };

/** The typed message: exactly the type's fields, agentName defaulting to "". */
function typedMessage(action: Record<string, unknown>, fields: readonly TypedField[]): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  for (const f of fields) message[f.name] = action[f.name] ?? (f.name === "agentName" ? "" : undefined);
  return message;
}

/** EIP-712 digest of any user-signed action given its primary type and field list. */
export function userSignedDigest(action: Record<string, unknown> & { signatureChainId: string }, primaryType: string, fields: readonly TypedField[]): Hex {
  return hashTypedData({
    domain: userSignedDomain(action.signatureChainId),
    types: { [primaryType]: fields },
    primaryType,
    message: typedMessage(action, fields),
  });
}

function digestOf(action: UserSignedAction): Hex {
  const t = USER_SIGNED_TYPES[KIND_OF[action.type]];
  return userSignedDigest({ ...action }, t.primaryType, t.fields);
}

export async function signUserSignedAction(args: { privateKey: Hex; action: UserSignedAction }): Promise<Signature> {
  return signDigest(digestOf(args.action), args.privateKey);
}

export async function recoverUserSignedSigner(args: { action: UserSignedAction; signature: { r: string; s: string; v: number } }): Promise<`0x${string}`> {
  return recoverDigestSigner(digestOf(args.action), args.signature);
}
