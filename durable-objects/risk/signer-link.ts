/**
 * The RiskDO's side of the signer service binding: one nonce per signed call from the
 * persisted per-signer NonceSource (strictly increasing across restarts: the state is written
 * before the call leaves, and the output gate holds the RPC until the write is durable), the
 * call itself, and what a failed RPC means. A call that throws may still have been posted by
 * the signer, so orders and cancels in it are `unknown`, never rejected.
 */
import type { CancelResult, SendResult } from "../../shared/engine/types";
import type { ActionReply, CancelReply, PlaceReply, SignerReply, WireOrder } from "../../shared/runtime/account/signer-protocol";
import { venueNow, type VenueClock } from "../../shared/runtime/account/venue-clock";
import { NonceSource, type NonceState } from "../../shared/venues/hyperliquid/nonce";
import type { Signer } from "../../workers/signer/index";
import type { RiskStore } from "./store";

const nonceKey = (signer: string): string => `nonce:${signer}`;

export class SignerLink {
  private nonces: NonceSource | null = null;
  address: string | null = null;
  calls = 0;
  failures = 0;

  constructor(
    private readonly signer: Service<Signer>,
    private readonly store: RiskStore,
    private readonly clock: () => VenueClock,
    private readonly timeoutMs: () => number,
  ) {}

  /** Learns which key signs (nonces are kept per signer) and loads its nonce state. */
  async connect(): Promise<string> {
    if (this.address !== null) return this.address;
    const a = await this.signer.address();
    if (a === null) throw new Error("the signer Worker has no usable HL_AGENT_KEY");
    this.nonces = new NonceSource(this.store.get<NonceState>(nonceKey(a)));
    this.address = a;
    return a;
  }

  lastNonce(): number | null {
    return this.nonces?.exportState().last ?? null;
  }

  async place(orders: WireOrder[], expiresAfter: number | null): Promise<PlaceReply> {
    return this.call(
      (nonce) => this.signer.placeOrders({ orders, nonce, timeoutMs: this.timeoutMs(), ...(expiresAfter === null ? {} : { expiresAfter }) }),
      (): SendResult[] => orders.map(() => ({ kind: "unknown", cause: "socket_closed" })),
      (reason): SendResult[] => orders.map(() => ({ kind: "denied", reason })),
    );
  }

  async cancelByCloid(cancels: { asset: number; cloid: string }[]): Promise<CancelReply> {
    return this.call(
      (nonce) => this.signer.cancelByCloid({ cancels, nonce, timeoutMs: this.timeoutMs() }),
      (): CancelResult[] => cancels.map(() => ({ kind: "unknown" })),
      (message): CancelResult[] => cancels.map(() => ({ kind: "error", message })),
    );
  }

  async cancelByOid(cancels: { asset: number; oid: number }[]): Promise<CancelReply> {
    return this.call(
      (nonce) => this.signer.cancelByOid({ cancels, nonce, timeoutMs: this.timeoutMs() }),
      (): CancelResult[] => cancels.map(() => ({ kind: "unknown" })),
      (message): CancelResult[] => cancels.map(() => ({ kind: "error", message })),
    );
  }

  async scheduleCancel(time: number | null): Promise<ActionReply> {
    return this.call(
      (nonce) => this.signer.scheduleCancel({ time, nonce, timeoutMs: this.timeoutMs() }),
      () => [{ kind: "unknown" as const }],
      (message) => [{ kind: "error" as const, message }],
    );
  }

  private async call<R>(send: (nonce: number) => Promise<SignerReply<R>>, lost: () => R[], refused: (reason: string) => R[]): Promise<SignerReply<R>> {
    const at = Date.now();
    const none = (note: string, results: R[], nonce: number): SignerReply<R> => ({
      results,
      signer: this.address,
      nonce,
      http: null,
      note,
      timing: { receivedMs: at, signedMs: at, answeredMs: Date.now() },
    });
    try {
      await this.connect();
    } catch (e) {
      this.failures++;
      return none(e instanceof Error ? e.message : String(e), refused("signer unavailable"), 0);
    }
    const n = this.nonces!.next(venueNow(this.clock(), Date.now()));
    if (!n.ok) return none(`no nonce: ${n.error.kind}`, refused(`no nonce: ${n.error.kind}`), 0);
    this.store.put(nonceKey(this.address!), this.nonces!.exportState());
    this.calls++;
    try {
      return await send(n.value);
    } catch (e) {
      this.failures++;
      return none(`signer RPC failed: ${e instanceof Error ? e.message : String(e)}`, lost(), n.value);
    }
  }
}
