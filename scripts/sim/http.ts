/**
 * HTTP front of the simulator: POST /info and POST /exchange in the venue's shapes, the
 * per-IP REST weight budget (HTTP 429 with body `null` when spent), /control/* for tests and
 * operators, and the upgrade to the WebSocket at /ws. Every /info answer is logged as sent
 * (info-served.ts), injected /info failures included.
 */
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import { type Control, handleControl } from "./control";
import { type SimCore, serveExchange, serveInfo } from "./core";
import { bodyText, readBody, sendJson } from "./http-util";
import { exchangeWeight, infoWeight } from "./rate-limits";

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function batchOf(raw: unknown): number {
  const a = (raw as { action?: Record<string, unknown> } | null)?.action;
  const list = a?.["orders"] ?? a?.["cancels"] ?? a?.["modifies"];
  return Array.isArray(list) ? list.length : 1;
}

export async function handleHttp(core: SimCore, control: Control, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrivedWall = core.clock.wallNow();
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname.startsWith("/control/")) return handleControl(control, url, req, res);
  if (req.method !== "POST" || (url.pathname !== "/info" && url.pathname !== "/exchange")) return sendJson(res, 404, "Not Found");
  const text = await readBody(req);
  const body = parse(text);
  // The venue's HTTP layer answers as axum's JSON extractor does: 400 for text that is not JSON,
  // 422 for JSON of the wrong shape (see DESERIALIZE_ERROR).
  if (!body.ok) {
    core.counts.undecodable++;
    return sendJson(res, 400, "Failed to parse the request body as JSON");
  }
  const ip = req.socket.remoteAddress ?? "?";
  const now = core.clock.wallNow();
  if (url.pathname === "/info") {
    const raw = (body.value as { type?: unknown } | null)?.type;
    const type = typeof raw === "string" ? raw : "?";
    const served = (http: number, answer: unknown): void => {
      core.infoServed.add({ arrivedWall, wallTime: core.clock.wallNow(), simTime: core.clock.now(), request: body.value, http, body: bodyText(answer) });
      sendJson(res, http, answer);
    };
    if (!core.ipBudget.charge(ip, infoWeight(type), now)) {
      core.counts.rateLimited++;
      return served(429, null);
    }
    const failWith = core.faults.takeInfo(type);
    if (failWith !== null) return served(failWith, failWith === 429 ? null : (STATUS_CODES[failWith] ?? "Error"));
    const a = serveInfo(core, body.value);
    return served(a.http, a.body);
  }
  if (!core.ipBudget.charge(ip, exchangeWeight(batchOf(body.value)), now)) {
    core.counts.rateLimited++;
    return sendJson(res, 429, null);
  }
  const a = await serveExchange(core, body.value, "http", arrivedWall);
  if (a === null) {
    // Accepted and executed, never answered: the client only sees its own timeout.
    return;
  }
  sendJson(res, a.http, a.body);
}
