import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const COMPAT_DATE = "2026-05-01";

/**
 * The runtime files share one simulator whose clock only moves forward; market-roll jumps it past
 * outcome 15's expiry (the venue then lists #160), so it runs after every other file.
 */
class ExpiryLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification): boolean => f.moduleId.endsWith("test/runtime/market-roll.test.ts");
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: ExpiryLastSequencer },
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
        // Durable Objects and Workers inside real workerd, against the local venue simulator.
        plugins: [
          cloudflareTest(({ inject }) => {
            const sim = inject("sim");
            const venue = { HL_API_URL: sim.url, HL_WS_URL: sim.wsUrl, HL_NETWORK: "mainnet", HL_ACCOUNT: sim.account };
            return {
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: { ...venue, ADMIN_TOKEN: "test-admin-token" },
                workers: [
                  {
                    name: "hl-edge-signer",
                    modules: inject("signerModules"),
                    compatibilityDate: COMPAT_DATE,
                    bindings: { ...venue, HL_AGENT_KEY: sim.agentKey },
                  },
                ],
              },
            };
          }),
        ],
        test: {
          name: "runtime",
          include: ["test/runtime/**/*.test.ts"],
          globalSetup: ["./test/setup/runtime-global.ts"],
          // One simulator serves every file; files take turns and reset it first.
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        // `npm start` as a new user runs it (Node): simulator, wrangler dev, both Workers. Runs
        // after the other projects, alone (it takes the simulator's fixed port 8780 and both cores).
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
