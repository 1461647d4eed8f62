/**
 * The admin API (SPEC §13), behind the bearer-token guard: markets (list, add, enable, disable),
 * config (get, validate, update with hot reload), kill, resume, cancel-all, flatten, positions,
 * open orders, PnL, the decision log and the capture list. Every input is validated with zod
 * (shared/runtime/admin/schemas.ts); a refusal is 400 naming the field. The routes only decode,
 * call a Durable Object and encode.
 */
import { Hono, type Context } from "hono";
import { updateBotConfig, type BotConfig, type ConfigIssue } from "../../shared/config";
import { PnlQuery } from "../../shared/runtime/account/pnl-history";
import type { RiskForAdmin } from "../../shared/runtime/admin/risk-port";
import {
  ConfigPatchBody,
  DecisionsQuery,
  invalid,
  KillBody,
  MarketBody,
  marketRequest,
  parseRequest,
  ReasonBody,
  ResumeBody,
  TimingsQuery,
} from "../../shared/runtime/admin/schemas";
import { statusHub } from "../../durable-objects/status-hub";
import { marketStub, riskStub } from "../../durable-objects/stubs";
import { requireAdmin } from "./auth";
import { captureRoutes } from "./capture/routes";
import type { Env } from "./env";

type Ctx = Context<{ Bindings: Env }>;

const risk = (c: Ctx): RiskForAdmin => riskStub(c.env) as unknown as RiskForAdmin;
const hub = (c: Ctx) => statusHub(c.env);

/** The JSON body (empty = {}), or a 400 naming the body. */
async function body(c: Ctx): Promise<{ ok: true; value: unknown } | { ok: false; res: Response }> {
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, res: c.json(invalid([{ path: "", message: "body is not JSON" }]), 400) };
  }
}

/** A Result-shaped answer refused by the RiskDO becomes 409 with its reason; anything else passes. */
function answer(c: Ctx, v: unknown): Response {
  if (typeof v === "object" && v !== null && (v as { ok?: unknown }).ok === false) return c.json({ error: "refused", detail: (v as { error?: unknown }).error ?? null }, 409);
  return c.json(v ?? null);
}

export const admin = new Hono<{ Bindings: Env }>();
admin.use("*", requireAdmin);

admin.get("/health", (c) => c.json({ ok: true, network: c.env.HL_NETWORK, venue: c.env.HL_API_URL, ts: Date.now() }));
admin.get("/status", async (c) => c.json(await hub(c).overview()));

admin.get("/markets", async (c) => c.json((await hub(c).overview()).markets));

admin.post("/markets", async (c) => {
  const b = await body(c);
  if (!b.ok) return b.res;
  const p = parseRequest(MarketBody, b.value);
  if (!p.ok) return c.json(p.error, 400);
  const req = marketRequest(p.value);
  const r = await marketStub(c.env, req.id).configure(req);
  if (!r.ok) return c.json(invalid(r.error), 400);
  await hub(c).addMarket(req.id);
  return c.json(r.value, 201);
});

admin.get("/markets/:id", async (c) => {
  const snap = await marketStub(c.env, c.req.param("id")).snapshot();
  return snap === null ? c.json({ error: "not_found", market: c.req.param("id") }, 404) : c.json(snap);
});

admin.get("/markets/:id/timings", async (c) => {
  const p = parseRequest(TimingsQuery, c.req.query());
  if (!p.ok) return c.json(p.error, 400);
  return c.json(await marketStub(c.env, c.req.param("id")).timings(p.value.since ?? 0, p.value.limit ?? 1_000));
});

for (const action of ["enable", "disable"] as const) {
  admin.post(`/markets/:id/${action}`, async (c) => {
    const id = c.req.param("id");
    const stub = marketStub(c.env, id);
    const s = action === "enable" ? await stub.enable() : await stub.disable();
    return s === null ? c.json({ error: "not_found", market: id }, 404) : c.json(s);
  });
}

admin.get("/config", async (c) => c.json(await risk(c).getConfig()));

/**
 * The patch over the running config, validated as a whole (shared/config) and then by every
 * configured market (a knob its engine cannot run with, such as a tick off its instrument's
 * grid); issues name the field, market issues under `markets.<id>`.
 */
async function checkPatch(c: Ctx, patch: Record<string, unknown>): Promise<{ ok: true; config: BotConfig } | { ok: false; issues: ConfigIssue[] }> {
  const r = updateBotConfig(await risk(c).getConfig(), patch);
  if (!r.ok) return { ok: false, issues: r.error };
  const ids = (await hub(c).markets()).map((m) => m.id);
  const perMarket = await Promise.all(ids.map(async (id) => (await marketStub(c.env, id).checkConfig(r.value)).map((i) => ({ path: `markets.${id}`, message: `${i.path}: ${i.message}` }))));
  const issues = perMarket.flat();
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: r.value };
}

admin.post("/config/validate", async (c) => {
  const b = await body(c);
  if (!b.ok) return b.res;
  const p = parseRequest(ConfigPatchBody, b.value);
  if (!p.ok) return c.json(p.error, 400);
  const r = await checkPatch(c, p.value);
  return r.ok ? c.json({ ok: true, config: r.config }) : c.json(invalid(r.issues), 400);
});

admin.patch("/config", async (c) => {
  const b = await body(c);
  if (!b.ok) return b.res;
  const p = parseRequest(ConfigPatchBody, b.value);
  if (!p.ok) return c.json(p.error, 400);
  const checked = await checkPatch(c, p.value);
  if (!checked.ok) return c.json(invalid(checked.issues), 400);
  const r = await risk(c).updateConfig(p.value);
  return r.ok ? c.json({ ok: true, config: r.value }) : c.json(invalid(r.error), 400);
});

admin.post("/kill", async (c) => {
  const b = await body(c);
  if (!b.ok) return b.res;
  const p = parseRequest(KillBody, b.value);
  if (!p.ok) return c.json(p.error, 400);
  return answer(c, await risk(c).kill(p.value.reason ?? "admin kill"));
});

admin.post("/resume", async (c) => {
  const b = await body(c);
  if (!b.ok) return b.res;
  const p = parseRequest(ResumeBody, b.value);
  if (!p.ok) return c.json(p.error, 400);
  return answer(c, await risk(c).resume({ resetPeak: p.value.resetPeak ?? false }));
});

for (const [path, call] of [
  ["/cancel-all", (r: RiskForAdmin, why: string) => r.cancelAll(why)],
  ["/flatten", (r: RiskForAdmin, why: string) => r.flatten(why)],
] as const) {
  admin.post(path, async (c) => {
    const b = await body(c);
    if (!b.ok) return b.res;
    const p = parseRequest(ReasonBody, b.value);
    if (!p.ok) return c.json(p.error, 400);
    return answer(c, await call(risk(c), p.value.reason ?? `admin ${path.slice(1)}`));
  });
}

admin.get("/positions", async (c) => c.json(await risk(c).positions()));
admin.get("/orders", async (c) => c.json(await risk(c).openOrders()));
admin.get("/pnl", async (c) => {
  const p = parseRequest(PnlQuery, c.req.query());
  if (!p.ok) return c.json(p.error, 400);
  return c.json(await risk(c).pnl(p.value.since));
});

admin.get("/decisions", async (c) => {
  const p = parseRequest(DecisionsQuery, c.req.query());
  if (!p.ok) return c.json(p.error, 400);
  const r = await risk(c).decisions(p.value);
  return r.ok ? c.json(r.value) : c.json(invalid(r.error), 400);
});

admin.route("/captures", captureRoutes);
