import { describe, expect, it } from "vitest";
import { venueIdentity } from "./venue";

describe("venue identity", () => {
  it("names the Hyperliquid APIs as live and everything else as the paper simulator", () => {
    expect(venueIdentity("https://api.hyperliquid.xyz", "mainnet")).toEqual({ network: "mainnet", kind: "mainnet", paper: false, host: "api.hyperliquid.xyz" });
    expect(venueIdentity("https://api.hyperliquid-testnet.xyz/", "testnet")).toEqual({ network: "testnet", kind: "testnet", paper: false, host: "api.hyperliquid-testnet.xyz" });
    expect(venueIdentity("http://127.0.0.1:8780", "mainnet")).toEqual({ network: "mainnet", kind: "simulator", paper: true, host: "127.0.0.1:8780" });
  });

  it("does not call a look-alike host, plain http or a non-URL live", () => {
    expect(venueIdentity("https://api.hyperliquid.xyz.example.com", "mainnet").paper).toBe(true);
    expect(venueIdentity("http://api.hyperliquid.xyz", "mainnet").kind).toBe("simulator");
    expect(venueIdentity("not a url", "mainnet")).toEqual({ network: "mainnet", kind: "simulator", paper: true, host: "not a url" });
  });
});
