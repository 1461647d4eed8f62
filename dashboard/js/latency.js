/**
 * Stage durations of the order path, from the RiskDO's `ack` records: each carries the stage
 * timestamps frameAt (MarketDO received the venue frame), decidedAt, riskAt (RiskDO took the
 * decision), signerAt, signedAt, postedAt and answeredAt (durable-objects/README.md, audit log).
 * One batch (one signed action, one nonce) is counted once however many orders it held.
 * workerd's clock only advances across I/O, so a stage with no I/O inside it reads 0 ms.
 */

export const STAGES = [
  { key: "decide", label: "frame → decision", help: "MarketDO: parse, book, signals, strategy", from: "frameAt", to: "decidedAt" },
  { key: "risk", label: "decision → risk", help: "hop to the RiskDO and its queue", from: "decidedAt", to: "riskAt" },
  { key: "signer", label: "risk → signer", help: "risk check, persist, hop to the signer Worker", from: "riskAt", to: "signerAt" },
  { key: "sign", label: "signing", help: "msgpack + keccak + EIP-712 signature", from: "signerAt", to: "signedAt" },
  { key: "venue", label: "venue round trip", help: "POST /exchange until its answer", from: "postedAt", to: "answeredAt" },
  { key: "total", label: "frame → venue answer", help: "the whole path", from: "frameAt", to: "answeredAt" },
];

/** { stageKey: number[] } of durations in ms. */
export function stageDurations(acks) {
  const out = Object.fromEntries(STAGES.map((s) => [s.key, []]));
  const seen = new Set();
  for (const e of acks) {
    const b = typeof e?.body === "object" && e.body !== null ? e.body : {};
    const st = typeof b.stages === "object" && b.stages !== null ? b.stages : null;
    if (st === null) continue;
    const batch = b.nonce ?? e.cloid ?? e.id;
    if (seen.has(batch)) continue;
    seen.add(batch);
    for (const s of STAGES) {
      const a = st[s.from];
      const z = st[s.to];
      if (typeof a === "number" && typeof z === "number" && z >= a) out[s.key].push(z - a);
    }
  }
  return out;
}

/** Nearest-rank quantile of an unsorted list; null when empty. */
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}
