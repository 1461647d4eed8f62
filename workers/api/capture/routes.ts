/**
 * The capture routes of the admin API (SPEC §13, §15), mounted at /admin/captures behind the
 * admin token: the list (newest first, each with its manifest), the last run's status, one
 * capture's JSONL (streamed from R2) and its manifest. Bad input is a 400 naming the field.
 */
import { Hono } from "hono";
import { CaptureIdParam, CaptureListQuery, captureKeys } from "../../../shared/capture";
import { parseRequest } from "../../../shared/runtime/admin/schemas";
import type { Env } from "../env";
import { listCaptures, readStatus } from "./store";

export const captureRoutes = new Hono<{ Bindings: Env }>();

captureRoutes.get("/", async (c) => {
  const q = parseRequest(CaptureListQuery, c.req.query());
  if (!q.ok) return c.json(q.error, 400);
  return c.json(await listCaptures(c.env.CAPTURES, q.value.limit ?? 50));
});

captureRoutes.get("/status", async (c) => c.json({ lastRun: await readStatus(c.env.CAPTURES) }));

captureRoutes.get("/:id", async (c) => {
  const p = parseRequest(CaptureIdParam, { id: c.req.param("id") });
  if (!p.ok) return c.json(p.error, 400);
  const o = await c.env.CAPTURES.get(captureKeys(p.value.id).records);
  if (o === null) return c.json({ error: "not_found", capture: p.value.id }, 404);
  return c.body(o.body, 200, { "content-type": "application/x-ndjson; charset=utf-8", "content-length": String(o.size) });
});

captureRoutes.get("/:id/manifest", async (c) => {
  const p = parseRequest(CaptureIdParam, { id: c.req.param("id") });
  if (!p.ok) return c.json(p.error, 400);
  const o = await c.env.CAPTURES.get(captureKeys(p.value.id).manifest);
  if (o === null) return c.json({ error: "not_found", capture: p.value.id }, 404);
  return c.json(await o.json());
});
