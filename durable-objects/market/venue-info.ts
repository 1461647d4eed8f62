/**
 * The MarketDO's REST reads of the venue's `/info` (market setup and book re-snapshots), parsed
 * with the wire layer's schemas. Bodies are read whole (`text()`): a streamed body drained next
 * to an open outbound WebSocket can tear the socket down in workerd (reference/cloudflare.md §1.6).
 */
import { err, ok, type Result } from "../../shared/core/result";
import { dexesNamed, type VenueMetadata } from "../../shared/runtime/market/setup";
import type { MarketRequest, SetupIssue } from "../../shared/runtime/market/types";
import { type InfoRequest, type InfoResponse, type InfoType, parseInfoResponse } from "../../shared/venues/hyperliquid/info";

export async function postInfo<T extends InfoType>(apiUrl: string, type: T, body: InfoRequest): Promise<Result<InfoResponse<T>, string>> {
  let text: string;
  try {
    const res = await fetch(`${apiUrl}/info`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    text = await res.text();
    if (!res.ok) return err(`/info ${body.type}: HTTP ${res.status} ${text.slice(0, 120)}`);
  } catch (e) {
    return err(`/info ${body.type}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const r = parseInfoResponse(type, text);
  return r.ok ? ok(r.value) : err(`/info ${body.type}: ${r.error.kind} ${r.error.detail.slice(0, 200)}`);
}

/** meta, perpDexs, outcomeMeta and the meta of every builder dex the request names. */
export async function fetchVenueMetadata(apiUrl: string, req: MarketRequest): Promise<Result<VenueMetadata, SetupIssue[]>> {
  const dexes = dexesNamed(req);
  const [meta, perpDexs, outcomeMeta, ...dexMetas] = await Promise.all([
    postInfo(apiUrl, "meta", { type: "meta" }),
    postInfo(apiUrl, "perpDexs", { type: "perpDexs" }),
    postInfo(apiUrl, "outcomeMeta", { type: "outcomeMeta" }),
    ...dexes.map((dex) => postInfo(apiUrl, "meta", { type: "meta", dex })),
  ]);
  const issues: SetupIssue[] = [];
  for (const r of [meta, perpDexs, outcomeMeta, ...dexMetas]) if (r !== undefined && !r.ok) issues.push({ path: "venue", message: r.error });
  if (issues.length > 0 || meta === undefined || !meta.ok || perpDexs === undefined || !perpDexs.ok || outcomeMeta === undefined || !outcomeMeta.ok) return err(issues);
  const metas: Record<string, InfoResponse<"meta">> = {};
  dexes.forEach((dex, i) => {
    const m = dexMetas[i];
    if (m !== undefined && m.ok) metas[dex] = m.value;
  });
  return ok({ meta: meta.value, perpDexs: perpDexs.value, dexMetas: metas, outcomeMeta: outcomeMeta.value });
}
