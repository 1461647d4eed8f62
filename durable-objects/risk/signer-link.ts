/**
 * The RiskDO's side of the signer service binding: one nonce per signed call from the
 * persisted per-signer NonceSource (strictly increasing across restarts: the state is written
 * before the call leaves, and the output gate holds the RPC until the write is durable), the
 * call itself, and what a failed RPC means. A call that throws may still have been posted by
 * the signer, so orders and cancels in it are `unknown`, never rejected. A requote's cancels and
 * new orders go out together (`cancelAndPlace`): both nonces are taken, cancel first, and
 * persisted before either leaves, then the two calls are in flight at once.
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
    return this.call(this.placeCall(orders, expiresAfter));
  }

  async cancelByCloid(cancels: { asset: number; cloid: string }[]): Promise<CancelReply> {
    return this.call(this.cancelCall(cancels));
  }

  /**
   * A requote in one go: the venue handles cancels (and ALO orders) sent at the same time ahead of GTC and IOC
   * in a block [hyperliquid.md §7], so nothing is gained by waiting for the cancel's answer,
   * and the risk gate already counts the old and the new orders together until it comes.
   */
  async cancelAndPlace(cancels: { asset: number; cloid: string }[], orders: WireOrder[], expiresAfter: number | null): Promise<[CancelReply, PlaceReply]> {
    const c = this.cancelCall(cancels);
    const p = this.placeCall(orders, expiresAfter);
    const down = await this.connected();
    if (down !== null) return [this.refusedReply(c, down, Date.now()), this.refusedReply(p, down, Date.now())];
    const sendCancel = this.take(c);
    const sendPlace = this.take(p);
    // The order leaves first: it is what tick to order waits on, and whoever handles the two
    // (the signer signing, a venue or the one-threaded simulator verifying) starts with it.
    const placed = sendPlace();
    const cancelled = sendCancel();
    return Promise.all([cancelled, placed]);
  }

  async cancelByOid(cancels: { asset: number; oid: number }[]): Promise<CancelReply> {
    return this.call({
      send: (nonce) => this.signer.cancelByOid({ cancels, nonce, timeoutMs: this.timeoutMs() }),
      lost: (): CancelResult[] => cancels.map(() => ({ kind: "unknown" })),
      refused: (message): CancelResult[] => cancels.map(() => ({ kind: "error", message })),
    });
  }

  async scheduleCancel(time: number | null): Promise<ActionReply> {
    return this.call({
      send: (nonce) => this.signer.scheduleCancel({ time, nonce, timeoutMs: this.timeoutMs() }),
      lost: () => [{ kind: "unknown" as const }],
      refused: (message) => [{ kind: "error" as const, message }],
    });
  }

  private placeCall(orders: WireOrder[], expiresAfter: number | null): SignerCall<SendResult> {
    return {
      send: (nonce) => this.signer.placeOrders({ orders, nonce, timeoutMs: this.timeoutMs(), ...(expiresAfter === null ? {} : { expiresAfter }) }),
      lost: (): SendResult[] => orders.map(() => ({ kind: "unknown", cause: "socket_closed" })),
      refused: (reason): SendResult[] => orders.map(() => ({ kind: "denied", reason })),
    };
  }

  private cancelCall(cancels: { asset: number; cloid: string }[]): SignerCall<CancelResult> {
    return {
      send: (nonce) => this.signer.cancelByCloid({ cancels, nonce, timeoutMs: this.timeoutMs() }),
      lost: (): CancelResult[] => cancels.map(() => ({ kind: "unknown" })),
      refused: (message): CancelResult[] => cancels.map(() => ({ kind: "error", message })),
    };
  }

  private async call<R>(c: SignerCall<R>): Promise<SignerReply<R>> {
    const down = await this.connected();
    if (down !== null) return this.refusedReply(c, down, Date.now());
    return this.take(c)();
  }

  /** null once the signer's address and nonce state are known (no I/O after the first time). */
  private async connected(): Promise<string | null> {
    if (this.address !== null) return null;
    try {
      await this.connect();
      return null;
    } catch (e) {
      this.failures++;
      return e instanceof Error ? e.message : String(e);
    }
  }

  /**
   * Takes the call's nonce and writes the nonce state now, in the caller's turn (so calls taken
   * one after another get increasing nonces in that order); the returned function sends it.
   */
  private take<R>(c: SignerCall<R>): () => Promise<SignerReply<R>> {
    const at = Date.now();
    const n = this.nonces!.next(venueNow(this.clock(), at));
    if (!n.ok) {
      const reply = this.reply(c.refused(`no nonce: ${n.error.kind}`), `no nonce: ${n.error.kind}`, 0, at);
      return () => Promise.resolve(reply);
    }
    this.store.put(nonceKey(this.address!), this.nonces!.exportState());
    this.calls++;
    return async () => {
      try {
        return await c.send(n.value);
      } catch (e) {
        this.failures++;
        return this.reply(c.lost(), `signer RPC failed: ${e instanceof Error ? e.message : String(e)}`, n.value, at);
      }
    };
  }

  private refusedReply<R>(c: SignerCall<R>, note: string, at: number): SignerReply<R> {
    return this.reply(c.refused("signer unavailable"), note, 0, at);
  }

  /** A reply for a call the signer never answered. */
  private reply<R>(results: R[], note: string, nonce: number, at: number): SignerReply<R> {
    return { results, signer: this.address, nonce, http: null, note, timing: { receivedMs: at, signedMs: at, answeredMs: Date.now() } };
  }
}

/** One signer RPC: how to send it with a nonce, and its results when it is lost or refused. */
interface SignerCall<R> {
  send(nonce: number): Promise<SignerReply<R>>;
  lost(): R[];
  refused(reason: string): R[];
}
