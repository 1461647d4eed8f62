/**
 * Reads from the venue's public /info endpoint (no key needed, so the RiskDO asks directly):
 * every answer parsed by the wire layer's schemas, never thrown past; `user` is always the
 * account (master) address, never the agent's [docs info-endpoint].
 */
import { err, ok, type Result } from "../../shared/core/result";
import { parseInfoResponse, type InfoRequest, type InfoResponse, type InfoType } from "../../shared/venues/hyperliquid/info";

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
    let text: string;
    let status: number;
    try {
      const res = await fetch(`${this.apiUrl.replace(/\/+$/, "")}/info`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(INFO_TIMEOUT_MS),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      return err(`info ${type}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (status !== 200) return err(`info ${type}: HTTP ${status}`);
    const r = parseInfoResponse(type, text);
    if (!r.ok) return err(`info ${type}: ${r.error.kind} ${r.error.detail}`);
    return ok({ value: r.value, sentMs, answeredMs: Date.now() });
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
