import { Hono } from "hono";
import type { Env } from "./env";

export { MarketDO } from "../../durable-objects/market-do";
export { RiskDO } from "../../durable-objects/risk-do";

const app = new Hono<{ Bindings: Env }>();

app.get("/api/status", async (c) => {
  const risk = c.env.RISK.getByName("risk");
  return c.json({ network: c.env.HL_NETWORK, risk: await risk.status() });
});

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {},
} satisfies ExportedHandler<Env>;
