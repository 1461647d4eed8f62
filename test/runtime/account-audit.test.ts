/**
 * The audit log's writes in real workerd SQLite: a batch of entries goes in as multi-row INSERTs
 * of at most 16 rows (a Durable Object statement takes at most 100 bound parameters), and reads
 * back complete, in the order it was recorded, with the per-kind counts status() shows.
 */
import { runInDurableObject } from "cloudflare:test";
import { afterAll, describe, expect, it } from "vitest";
import type { RiskStore } from "../../durable-objects/risk/store";
import type { NewAuditEntry } from "../../shared/runtime/account/audit";
import { riskStub, stopRisk } from "./account-fixtures";

const NAME = "risk-audit";

afterAll(async () => {
  await stopRisk(NAME);
});

describe("audit writes", () => {
  it("a batch over several statements (1, 16, 17 and 40 rows) reads back whole and in order", async () => {
    const stub = riskStub(NAME);
    const before = (await stub.status()).audit.config ?? 0;
    const batches = [1, 16, 17, 40];
    let n = 0;
    // Recent times: the retention sweep of the object's alarm must not take them.
    const t0 = Date.now();
    await runInDurableObject(stub, (instance) => {
      const store = (instance as unknown as { store: RiskStore }).store;
      for (const size of batches) {
        const entries: NewAuditEntry[] = [];
        for (let i = 0; i < size; i++, n++) entries.push({ ts: t0 + n, kind: "config", market: `m${n % 3}`, engine: null, cloid: n % 2 === 0 ? `c${n}` : null, body: { n, batch: size } });
        store.audit(entries);
      }
    });
    const read = await stub.decisions({ kind: "config", since: t0, limit: 1_000 });
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const ours = read.value.filter((e) => typeof (e.body as { n?: unknown }).n === "number");
    expect(ours.map((e) => (e.body as { n: number }).n)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(ours.map((e) => e.ts)).toEqual(Array.from({ length: n }, (_, i) => t0 + i));
    expect(ours.every((e, i) => e.market === `m${i % 3}` && e.cloid === (i % 2 === 0 ? `c${i}` : null))).toBe(true);
    const ids = ours.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((await stub.status()).audit.config).toBe(before + n);
  });
});
