/**
 * Tick to order over loopback in `wrangler dev` (issue #5): from the simulator sending a book
 * frame that moves a quote to the signed order arriving at its /exchange, over >= 1,000 requotes
 * of the Avellaneda-Stoikov market on the HIP-4 outcome, split by stage:
 *
 *   frame sent (sim) -> received (MarketDO) -> intent (decide) -> risk decision (RiskDO)
 *     -> signer called -> signed (signer Worker) -> posted -> arrived (sim, before any work)
 *
 * The RiskDO reserves and persists before it calls the signer (durable-objects/README.md); a
 * requote's cancel and its replacing order go out together, so no venue round trip sits in
 * "risk decision -> signer called".
 *
 * `wrangler dev` runs as `npm start` runs it (scripts/start/wrangler.ts: without wrangler's local
 * observability collector, which shares the workerd thread and stores a span per event).
 *
 * The simulator stamps the frame's send and the request's arrival with Node's clock; the bot
 * stamps its stages with Date.now() inside workerd, whose clock only advances across I/O: stages
 * with no I/O between them (parse + engine + decide; sign + post) read 0 ms there, and their cost
 * lands in the next stage that crosses I/O. Both clocks are this machine's wall clock (ms).
 * Requotes are joined across the records by the book frame (coin + exchange time) the MarketDO
 * noted for each decision, the decision seq the RiskDO's ack records carry, and the cloid.
 *
 * To get 1,000 requotes in a quarter of an hour, the replay starts where the outcome book stays
 * liquid for a long stretch and the market requotes on every one-tick move (min order age 0, tolerance 0, no churn budget, a large γ so
 * the quote moves between frames); the simulator's per-IP weight budget is lifted (it would
 * rightly refuse this rate). The latency of a requote does not depend on why the quote moved.
 */
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PAPER_AGENT_KEY } from "../scripts/sim/paper";
import { startSimulator } from "../scripts/sim/simulator";
import { adminClient, waitFor } from "../scripts/start/admin-client";
import { freePort } from "../scripts/start/free-port";
import { startWrangler, stopGroup } from "../scripts/start/wrangler";
import { workingCopy } from "../scripts/start/working-copy";
import { type BenchContext, fromDurations, printTable } from "./harness";

const TARGET = 1_000;
const SPEED = 1;
/** From 04:52 UTC the outcome book stays liquid for the next ~20 minutes (tradable all along). */
const SKIP_MS = 3_120_000;
const MARKET = "hl:#150";
const BENCH_CONFIG = {
  // The quote sits ~4% under the mid at this γ, past the default 5% price band's comfort.
  risk: { max_submits_per_min: 1_000_000, max_px_deviation_bps: 2_000 },
  // gamma 2,000: the spread's ½γσ²(T−t) term is then tens of ticks wide and moves by a tick or more
  // on each book frame as the EWMA σ² is updated (while time alone moves it less than a tick
  // between frames), so nearly every book frame becomes a requote, also once σ has decayed to a
  // fifth of its level at the start; no reduce-only window, as the replay brings the expiry closer.
  strategies: {
    mm: { gamma: 2_000, min_order_age_ms: 0, refresh_tolerance_ticks: 0, urgent_ticks: 1, churn_budget_per_min: 1_000_000, tick: "0.00001", reduce_only_secs: 0 },
  },
};

interface AckEntry {
  cloid: string | null;
  engine: string | null;
  body: { decisionSeq: number | null; stages: { frameAt: number | null; decidedAt: number | null; riskAt: number | null; signerAt: number; signedAt: number; postedAt: number } };
}
interface Timing {
  seq: number;
  coin: string | null;
  frameTs: number | null;
  frameAt: number;
  decidedAt: number;
}
interface Req {
  type: string;
  cloids: string[];
  arrivedWall: number;
}
interface Sent {
  coin: string;
  time: number;
  wallSent: number;
}

export interface Requote {
  sentToReceived: number;
  receivedToIntent: number;
  intentToRisk: number;
  riskToSigner: number;
  signerToSigned: number;
  signedToPosted: number;
  postedToArrived: number;
  total: number;
}

/** One requote per order request: the first cloid's ack, its decision's frame, the frame's send. */
export function joinRequotes(reqs: readonly Req[], acks: readonly AckEntry[], timings: readonly Timing[], sent: readonly Sent[]): Requote[] {
  const ackBy = new Map(acks.filter((a) => a.cloid !== null && a.engine === MARKET).map((a) => [a.cloid as string, a]));
  const timingBy = new Map(timings.map((t) => [t.seq, t]));
  const sentBy = new Map(sent.map((s) => [`${s.coin}|${s.time}`, s.wallSent]));
  const out: Requote[] = [];
  for (const r of reqs) {
    if (r.type !== "order") continue;
    const ack = r.cloids.map((c) => ackBy.get(c)).find((a) => a !== undefined);
    const st = ack?.body.stages;
    const t = ack?.body.decisionSeq == null ? undefined : timingBy.get(ack.body.decisionSeq);
    const wallSent = t?.coin == null || t.frameTs === null ? undefined : sentBy.get(`${t.coin}|${t.frameTs}`);
    if (st === undefined || t === undefined || wallSent === undefined || st.riskAt === null) continue;
    out.push({
      sentToReceived: t.frameAt - wallSent,
      receivedToIntent: t.decidedAt - t.frameAt,
      intentToRisk: st.riskAt - t.decidedAt,
      riskToSigner: st.signerAt - st.riskAt,
      signerToSigned: st.signedAt - st.signerAt,
      signedToPosted: st.postedAt - st.signedAt,
      postedToArrived: r.arrivedWall - st.postedAt,
      total: r.arrivedWall - wallSent,
    });
  }
  return out;
}

export default async function tickToOrder(ctx: BenchContext): Promise<void> {
  const sim = await startSimulator({ port: 0, recordings: ["hip4-2026-05-10"], speed: SPEED, skipMs: SKIP_MS, ipWeightPerMinute: 10_000_000 });
  // A snapshot of the working tree (edits made to the repository meanwhile must not reload the
  // Workers), pointed at this simulator through its own .dev.vars, which wrangler reads over [vars].
  const root = workingCopy(resolve(import.meta.dirname, ".."), "hl-edge-bench-");
  const token = randomBytes(24).toString("base64url");
  const lines = (vars: Record<string, string>): string => Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join("");
  writeFileSync(join(root, ".dev.vars"), lines({ ADMIN_TOKEN: token, HL_API_URL: sim.url, HL_WS_URL: sim.wsUrl }), { mode: 0o600 });
  writeFileSync(join(root, "workers", "signer", ".dev.vars"), lines({ HL_AGENT_KEY: PAPER_AGENT_KEY, HL_API_URL: sim.url }), { mode: 0o600 });
  const persistTo = join(root, ".wrangler", "bench-state");
  const port = await freePort();
  const logs: string[] = [];
  const wrangler = startWrangler({ root, port, persistTo, log: (l) => void logs.push(l) });
  const interrupted = (): void => {
    void stopGroup(wrangler)
      .then(() => sim.close())
      .finally(() => {
        rmSync(root, { recursive: true, force: true });
        process.exit(130);
      });
  };
  process.once("SIGINT", interrupted);
  const base = `http://127.0.0.1:${port}`;
  const get = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
  try {
    const admin = adminClient(base, token);
    if (!(await waitFor(async () => (await admin.get("/admin/health")).status === 200, 90_000))) throw new Error(`wrangler dev did not start:\n${logs.slice(-20).join("\n")}`);
    const cfg = await admin.patch("/admin/config", BENCH_CONFIG);
    const mk = await admin.post("/admin/markets", { market: MARKET, strategy: { kind: "mm" } });
    if (cfg.status !== 200 || mk.status !== 201) throw new Error(`setup refused: ${JSON.stringify([cfg, mk]).slice(0, 600)}`);
    const started = Date.now();
    let requotes: Requote[] = [];
    // The stores keep their latest records (the MarketDO its last 5,000 decisions, which include
    // the ones a frame did not trigger), so each poll reads only what is new and keeps it here.
    const reqs = new Map<number, Req>();
    const sent = new Map<string, Sent>();
    const timings = new Map<number, Timing>();
    const acks = new Map<number, AckEntry>();
    let reqSince = 0;
    let sentSince = 0;
    let ackSince = 0;
    const collect = async (): Promise<Requote[]> => {
      for (const r of await get<(Req & { seq: number })[]>(`${sim.url}/control/requests?since=${reqSince}`)) {
        reqs.set(r.seq, r);
        reqSince = Math.max(reqSince, r.seq);
      }
      for (const b of await get<Sent[]>(`${sim.url}/control/books-sent?since=${sentSince}`)) {
        sent.set(`${b.coin}|${b.time}`, b);
        sentSince = Math.max(sentSince, b.wallSent);
      }
      for (let since = timings.size === 0 ? 0 : Math.max(...timings.keys()); ; ) {
        const page = (await admin.get(`/admin/markets/${encodeURIComponent(MARKET)}/timings?since=${since}&limit=5000`)).body as Timing[];
        for (const t of page) timings.set(t.seq, t);
        if (page.length < 5_000) break;
        since = page.at(-1)!.seq;
      }
      for (;;) {
        const page = (await admin.get(`/admin/decisions?kind=ack&since=${ackSince}&limit=1000`)).body as (AckEntry & { id: number; ts: number })[];
        for (const a of page) acks.set(a.id, a);
        if (page.length < 1_000) break;
        ackSince = page.at(-1)!.ts;
      }
      return joinRequotes([...reqs.values()], [...acks.values()], [...timings.values()], [...sent.values()]);
    };
    while (requotes.length < TARGET) {
      if (Date.now() - started > 40 * 60_000) throw new Error(`only ${requotes.length} requotes in 40 minutes`);
      await new Promise((r) => setTimeout(r, 10_000));
      requotes = await collect();
      const pos = ((await admin.get("/admin/positions")).body as { market: string; qty: string }[]).map((p) => `${p.market} ${p.qty}`).join(", ");
      const resting = ((await admin.get("/admin/orders")).body as { market: string; side: string; px: string }[]).map((o) => `${o.side} ${o.market}@${o.px}`).join(", ");
      const markets = ((await admin.get("/admin/status")).body as { markets: { id: string; live?: { context: { inputs: { sigma?: number | null; tauSecs?: number | null } } | null } }[] }).markets;
      const inputs = markets.find((m) => m.id === MARKET)?.live?.context?.inputs;
      console.log(
        `  tick-to-order: ${requotes.length} requotes joined after ${((Date.now() - started) / 1000).toFixed(0)} s; sigma ${inputs?.sigma?.toExponential(2) ?? "-"}, T-t ${inputs?.tauSecs?.toFixed(0) ?? "-"} s; positions ${pos || "none"}; resting ${resting || "none"}`,
      );
    }
    const ms = (k: keyof Requote): number[] => requotes.map((q) => q[k] * 1000);
    const rows = [
      fromDurations("frame sent -> received (WS, loopback)", ms("sentToReceived")),
      fromDurations("received -> intent (parse, engine, decide)*", ms("receivedToIntent")),
      fromDurations("intent -> risk decision (RPC to RiskDO)", ms("intentToRisk")),
      fromDurations("risk decision -> signer called (reserve, persist)", ms("riskToSigner")),
      fromDurations("signer called -> signed (build + sign)", ms("signerToSigned")),
      fromDurations("signed -> posted*", ms("signedToPosted")),
      fromDurations("posted -> arrived at /exchange", ms("postedToArrived")),
      fromDurations("total: frame sent -> order arrived", ms("total")),
    ];
    printTable(`tick to order in wrangler dev over loopback, ${requotes.length} requotes (µs; workerd clock, 1 ms steps; * no I/O inside, reads 0)`, rows);
    ctx.record("tick-to-order", rows, { requotes: requotes.length, speed: SPEED, market: MARKET, goalP50Us: 3_000 });
  } finally {
    process.off("SIGINT", interrupted);
    await stopGroup(wrangler);
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  }
}
