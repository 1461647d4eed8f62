import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/api/env";

/** One per market: the outbound venue WebSocket, the book and the strategy state. */
export class MarketDO extends DurableObject<Env> {
  async status(): Promise<{ market: string | undefined }> {
    return { market: this.ctx.id.name };
  }
}
