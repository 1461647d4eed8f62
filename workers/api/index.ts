/**
 * The api Worker (SPEC §1, §13, §14): the status page and read-only status, the live stream for
 * browsers, the admin API, and the cron capture. Durable Object classes are exported from here
 * (wrangler.toml binds them to this Worker).
 */
import { Hono } from "hono";
import { statusHub } from "../../durable-objects/status-hub";
import { admin } from "./admin";
import { scheduledCapture } from "./capture";
import type { Env } from "./env";
import { publicStatus } from "./public-status";

export { MarketDO } from "../../durable-objects/market-do";
export { RiskDO } from "../../durable-objects/risk-do";
export { StatusHub } from "../../durable-objects/status-hub";

const app = new Hono<{ Bindings: Env }>();

app.get("/api/status", async (c) => c.json(publicStatus(await statusHub(c.env).overview())));

app.get("/stream", (c) => {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return c.json({ error: "upgrade_required", message: "connect with a WebSocket" }, 426);
  return statusHub(c.env).fetch(c.req.raw);
});

app.route("/admin", admin);

app.notFound((c) => c.json({ error: "not_found", path: c.req.path }, 404));
app.onError((e, c) => c.json({ error: "upstream", message: e instanceof Error ? e.message : String(e) }, 502));

export default {
  fetch: app.fetch,
  scheduled: scheduledCapture,
} satisfies ExportedHandler<Env>;
