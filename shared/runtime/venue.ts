/**
 * Which venue the Workers talk to, said plainly for anyone reading the status (SPEC §14): the
 * Hyperliquid mainnet or testnet API, or anything else, which in this project is the local
 * simulator (paper trading: orders are signed for `network` but never reach Hyperliquid).
 * Judged on the REST base URL's host (reference/hyperliquid.md: api.hyperliquid.xyz,
 * api.hyperliquid-testnet.xyz).
 */

export type VenueKind = "simulator" | "mainnet" | "testnet";

export interface VenueIdentity {
  /** HL_NETWORK: which chain's phantom agent the signer signs for. */
  network: string;
  kind: VenueKind;
  /** True unless orders reach a real Hyperliquid API (mainnet or testnet). */
  paper: boolean;
  /** The API host (with port), or the raw value when it is not a URL. */
  host: string;
}

const HOSTS: Record<string, VenueKind> = { "api.hyperliquid.xyz": "mainnet", "api.hyperliquid-testnet.xyz": "testnet" };

export function venueIdentity(apiUrl: string, network: string): VenueIdentity {
  let host = apiUrl;
  let hostname = "";
  try {
    const u = new URL(apiUrl);
    host = u.host;
    hostname = u.protocol === "https:" ? u.hostname.toLowerCase() : "";
  } catch {
    // Not a URL: no real venue can be reached through it.
  }
  const kind = HOSTS[hostname] ?? "simulator";
  return { network, kind, paper: kind === "simulator", host };
}
