/**
 * The signer Worker: holds the agent key (secret HL_AGENT_KEY), builds and signs Hyperliquid L1
 * actions and posts each one once to `${HL_API_URL}/exchange`. Reachable only through the
 * service binding's RPC entrypoint `Signer` (the RiskDO); it has no route and no workers.dev
 * URL, and both of its fetch handlers answer 404. Every answer is classified per order or
 * cancel (shared/runtime/account/exchange-results.ts); ambiguous outcomes are `unknown`.
 */
import { WorkerEntrypoint } from "cloudflare:workers";
import { classifyAction, classifyCancels, classifyOrders, httpNote, type HttpOutcome } from "../../shared/runtime/account/exchange-results";
import { burnNonceAction, cancelCloidAction, cancelOidAction, deadManAction, placeAction } from "../../shared/runtime/account/signer-actions";
import {
  DEFAULT_TIMEOUT_MS,
  type ActionReply,
  type CancelByCloidRequest,
  type CancelByOidRequest,
  type CancelReply,
  type PlaceReply,
  type PlaceRequest,
  type ScheduleCancelRequest,
  type SignedCall,
  type SignerReply,
} from "../../shared/runtime/account/signer-protocol";
import type { Result } from "../../shared/core/result";
import { exchangeRequestBody } from "../../shared/venues/hyperliquid/signing";
import { signerFor } from "./key";
import { postExchange } from "./post";

export interface SignerEnv {
  HL_API_URL: string;
  HL_NETWORK: string;
  HL_AGENT_KEY?: string;
}

const notFound = (): Response => new Response("not found", { status: 404 });

/** What a call needs to go out, or why it cannot (then nothing is sent). */
type Prepared = { ok: true; body: unknown; signer: string } | { ok: false; signer: string | null; reason: string };

export class Signer extends WorkerEntrypoint<SignerEnv> {
  /** No HTTP surface, even through the binding: only the RPC methods below. */
  override async fetch(): Promise<Response> {
    return notFound();
  }

  async health(): Promise<{ network: string; hasKey: boolean }> {
    return { network: this.env.HL_NETWORK, hasKey: Boolean(this.env.HL_AGENT_KEY) };
  }

  /** The agent address that signs (the venue keeps nonces per signer); null without a usable key. */
  async address(): Promise<string | null> {
    return signerFor(this.env.HL_AGENT_KEY)?.address ?? null;
  }

  async placeOrders(req: PlaceRequest): Promise<PlaceReply> {
    return this.call(req, () => placeAction(req.orders), (h) => classifyOrders(h, req.orders), (reason) => req.orders.map(() => ({ kind: "denied" as const, reason })));
  }

  async cancelByCloid(req: CancelByCloidRequest): Promise<CancelReply> {
    return this.call(req, () => cancelCloidAction(req.cancels), (h) => classifyCancels(h, req.cancels.length), (message) => req.cancels.map(() => ({ kind: "error" as const, message })));
  }

  async cancelByOid(req: CancelByOidRequest): Promise<CancelReply> {
    return this.call(req, () => cancelOidAction(req.cancels), (h) => classifyCancels(h, req.cancels.length), (message) => req.cancels.map(() => ({ kind: "error" as const, message })));
  }

  async scheduleCancel(req: ScheduleCancelRequest): Promise<ActionReply> {
    return this.call(req, () => deadManAction(req.time), (h) => [classifyAction(h)], (message) => [{ kind: "error" as const, message }]);
  }

  async noop(req: SignedCall): Promise<ActionReply> {
    return this.call(req, () => ({ ok: true, value: burnNonceAction() }), (h) => [classifyAction(h)], (message) => [{ kind: "error" as const, message }]);
  }

  private async call<R>(
    req: SignedCall,
    build: () => Result<unknown, { field: string; why: string }>,
    classify: (h: HttpOutcome) => R[],
    refuse: (reason: string) => R[],
  ): Promise<SignerReply<R>> {
    const receivedMs = Date.now();
    const p = this.prepare(req, build);
    const signedMs = Date.now();
    if (!p.ok) {
      return { results: refuse(p.reason), signer: p.signer, nonce: req.nonce, http: null, note: p.reason, timing: { receivedMs, signedMs, answeredMs: signedMs } };
    }
    const h = await postExchange(this.env.HL_API_URL, p.body, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return {
      results: classify(h),
      signer: p.signer,
      nonce: req.nonce,
      http: h.kind === "answered" ? h.status : null,
      note: httpNote(h),
      timing: { receivedMs, signedMs, answeredMs: Date.now() },
    };
  }

  private prepare(req: SignedCall, build: () => Result<unknown, { field: string; why: string }>): Prepared {
    const signer = signerFor(this.env.HL_AGENT_KEY);
    if (signer === null) return { ok: false, signer: null, reason: "no usable HL_AGENT_KEY" };
    const network = this.env.HL_NETWORK;
    if (network !== "mainnet" && network !== "testnet") return { ok: false, signer: signer.address, reason: `HL_NETWORK must be mainnet or testnet, not ${network}` };
    const action = build();
    if (!action.ok) return { ok: false, signer: signer.address, reason: `bad action: ${action.error.field} ${action.error.why}` };
    const expiresAfter = req.expiresAfter ?? null;
    try {
      const signature = signer.signL1Action({ action: action.value, nonce: req.nonce, vaultAddress: null, expiresAfter, isMainnet: network === "mainnet" });
      return { ok: true, signer: signer.address, body: exchangeRequestBody({ action: action.value, nonce: req.nonce, signature, expiresAfter }) };
    } catch (e) {
      // The signer throws only on a malformed nonce or expiresAfter.
      return { ok: false, signer: signer.address, reason: `not signed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
}

export default {
  async fetch(): Promise<Response> {
    return notFound();
  },
} satisfies ExportedHandler<SignerEnv>;
