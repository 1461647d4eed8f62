import { WorkerEntrypoint } from "cloudflare:workers";

export interface SignerEnv {
  HL_API_URL: string;
  HL_NETWORK: string;
  HL_AGENT_KEY?: string;
}

/** Reachable only through the api Worker's service binding (RPC); no public route. */
export class Signer extends WorkerEntrypoint<SignerEnv> {
  async health(): Promise<{ network: string; hasKey: boolean }> {
    return { network: this.env.HL_NETWORK, hasKey: Boolean(this.env.HL_AGENT_KEY) };
  }
}

export default {
  async fetch(): Promise<Response> {
    return new Response("not found", { status: 404 });
  },
} satisfies ExportedHandler<SignerEnv>;
