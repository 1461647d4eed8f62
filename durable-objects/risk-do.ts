import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/api/env";

/** The one RiskDO: serialises every order decision, owns the kill switch and the audit log. */
export class RiskDO extends DurableObject<Env> {
  async status(): Promise<{ state: "ACTIVE" | "REDUCING" | "HALTED" }> {
    return { state: "HALTED" };
  }
}
