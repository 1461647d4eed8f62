/**
 * Bearer-token guard of /admin/* (SPEC §13): the token is the ADMIN_TOKEN secret; with the secret
 * unset every admin route is refused. Both tokens are hashed to fixed-length digests and compared
 * in constant time (shared/runtime/admin/auth.ts).
 */
import type { MiddlewareHandler } from "hono";
import { bearerToken, constantTimeEqual } from "../../shared/runtime/admin/auth";
import type { Env } from "./env";

const encoder = new TextEncoder();
const digest = async (s: string): Promise<Uint8Array> => new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(s)));

export const requireAdmin: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const secret = c.env.ADMIN_TOKEN;
  if (secret === undefined || secret === "") return c.json({ error: "admin_disabled", message: "ADMIN_TOKEN is not set; the admin API refuses every request" }, 503);
  const token = bearerToken(c.req.header("authorization"));
  const good = token !== null && constantTimeEqual(await digest(token), await digest(secret));
  if (!good) {
    c.header("WWW-Authenticate", 'Bearer realm="hl-edge admin"');
    return c.json({ error: "unauthorized", message: token === null ? "missing bearer token" : "wrong token" }, 401);
  }
  await next();
};
