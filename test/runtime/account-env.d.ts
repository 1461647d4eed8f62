// Types the account runtime tests need in the Workers tsconfig: the `cloudflare:test` module of
// the workers pool, and what test/setup/runtime-global.ts provides to `inject()` (that file is
// typechecked with the Node tsconfig, so its declaration is not seen here).
/// <reference types="@cloudflare/vitest-pool-workers/types" />

declare module "vitest" {
  export interface ProvidedContext {
    sim: { url: string; wsUrl: string; account: string; agentKey: string };
  }
}

declare global {
  // Vite's ?raw import (a file's text), used to read the signer's wrangler.toml.
  module "*?raw" {
    const text: string;
    export default text;
  }
}

export {};
