/**
 * Reads from the venue's public /info endpoint (no key needed, so the RiskDO asks directly):
 * every answer parsed by the wire layer's schemas, never thrown past; `user` is always the
 * account (master) address, never the agent's [docs info-endpoint].
 */
import { err, ok, type Result } from "../../shared/core/result";
import { parseInfoResponse, type InfoRequest, type InfoResponse, type InfoType } from "../../shared/venues/hyperliquid/info";
import type { L2BookResponse } from "../../shared/venues/hyperliquid/info-schemas";

export interface Timed<T> {
  value: T;
  sentMs: number;
  answeredMs: number;
}

const INFO_TIMEOUT_MS = 10_000;

export class VenueInfo {
  constructor(
    private readonly apiUrl: string,
    readonly user: string,
  ) {}

  async ask<T extends InfoType>(type: T, body: InfoRequest & { type: T }): Promise<Result<Timed<InfoResponse<T>>, string>> {
    const sentMs = Date.now();
    const text = await this.post(type, body);
    if (!text.ok) return text;
    const r = parseInfoResponse(type, text.value);
    if (!r.ok) return err(`info ${type}: ${r.error.kind} ${r.error.detail}`);
    return ok({ value: r.value, sentMs, answeredMs: Date.now() });
  }

  private async post(type: string, body: unknown): Promise<Result<string, string>> {
    try {
      const res = await fetch(`${this.apiUrl.replace(/\/+$/, "")}/info`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(INFO_TIMEOUT_MS),
      });
      const text = await res.text();
      return res.status === 200 ? ok(text) : err(`info ${type}: HTTP ${res.status}`);
    } catch (e) {
      return err(`info ${type}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The l2Book of a coin; null when the venue has no book for it (it answers `null`, e.g. a settled outcome). */
  async book(coin: string): Promise<Result<L2BookResponse | null, string>> {
    const text = await this.post("l2Book", { type: "l2Book", coin });
    if (!text.ok) return text;
    if (text.value.trim() === "null") return ok(null);
    const r = parseInfoResponse("l2Book", text.value);
    return r.ok ? ok(r.value) : err(`info l2Book: ${r.error.kind} ${r.error.detail}`);
  }

  clearinghouse(dex?: string) {
    return this.ask("clearinghouseState", { type: "clearinghouseState", user: this.user, ...(dex ? { dex } : {}) });
  }
  spot() {
    return this.ask("spotClearinghouseState", { type: "spotClearinghouseState", user: this.user });
  }
  openOrders(dex?: string) {
    return this.ask("frontendOpenOrders", { type: "frontendOpenOrders", user: this.user, ...(dex ? { dex } : {}) });
  }
  fills() {
    return this.ask("userFills", { type: "userFills", user: this.user });
  }
  orderStatus(id: string | number) {
    return this.ask("orderStatus", { type: "orderStatus", user: this.user, oid: id });
  }
  mids(dex?: string) {
    return this.ask("allMids", { type: "allMids", ...(dex ? { dex } : {}) });
  }
  meta(dex?: string) {
    return this.ask("meta", { type: "meta", ...(dex ? { dex } : {}) });
  }
  spotMeta() {
    return this.ask("spotMeta", { type: "spotMeta" });
  }
  outcomeMeta() {
    return this.ask("outcomeMeta", { type: "outcomeMeta" });
  }
  perpDexs() {
    return this.ask("perpDexs", { type: "perpDexs" });
  }
}
