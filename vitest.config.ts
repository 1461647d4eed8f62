import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const COMPAT_DATE = "2026-05-01";

export default defineConfig({
  test: {
    projects: [
      {
        // The pure core, the Node tools (replay, backtest, simulator) and vector suites.
        test: {
          name: "unit",
          environment: "node",
          include: ["shared/**/*.test.ts", "scripts/**/*.test.ts", "test/node/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        // Durable Objects and Workers inside real workerd.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { ADMIN_TOKEN: "test-admin-token" },
              workers: [
                {
                  name: "hl-edge-signer",
                  modules: inject("signerModules"),
                  compatibilityDate: COMPAT_DATE,
                  bindings: { HL_NETWORK: "local" },
                },
              ],
            },
          })),
        ],
        test: {
          name: "runtime",
          include: ["test/runtime/**/*.test.ts"],
          globalSetup: ["./test/setup/runtime-global.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
