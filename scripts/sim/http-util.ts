/** Small HTTP helpers shared by the request and control routes. */
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY = 1 << 20;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The text sendJson puts on the wire: a string as is (text/plain), anything else as JSON. */
export function bodyText(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body ?? null);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = bodyText(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json" });
  res.end(text);
}
