/**
 * Admin API request bodies and queries (SPEC §13): every input validated with zod, and a refusal
 * names the field — `{"error":"invalid_request","issues":[{"path","message"}]}`. Unknown keys are
 * refused (a typo must not be silently ignored).
 */
import * as z from "zod";
import type { ConfigIssue } from "../../config";
import { err, ok, type Result } from "../../core/result";
import type { MarketRequest } from "../market/types";

const reason = z.string().trim().min(1).max(200);

export const StrategyBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("mm") }),
  z.strictObject({ kind: z.literal("fixed"), halfSpread: z.number().gt(0).lt(0.5) }),
  z.strictObject({ kind: z.literal("parity"), perp: z.string().min(1).max(40) }),
  z.strictObject({ kind: z.literal("ofi"), lead: z.string().min(1).max(40).optional() }),
]);

/** `POST /admin/markets`: `id` defaults to the market (a second strategy on it takes `<market>~<name>`). */
export const MarketBody = z.strictObject({
  id: z.string().min(1).max(80).optional(),
  market: z.string().regex(/^[a-z]{2}:[^\s]{1,60}$/, 'a market id "<venue>:<coin>", e.g. "hl:#150" or "hl:rpl:ETH"'),
  strategy: StrategyBody,
  enabled: z.boolean().optional(),
  /** A recurring outcome: after it settles, trade the next instance of its series. */
  roll: z.boolean().optional(),
});

export const KillBody = z.strictObject({ reason: reason.optional() });
export const ResumeBody = z.strictObject({ resetPeak: z.boolean().optional() });
export const ReasonBody = z.strictObject({ reason: reason.optional() });

/** A config patch: any JSON object; the config schemas judge its fields (updateBotConfig). */
export const ConfigPatchBody = z.record(z.string(), z.unknown());

const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** `GET /admin/decisions?market=&since=&limit=&kind=` (the RiskDO's audit log). */
export const DecisionsQuery = z.strictObject({
  market: z.string().min(1).max(80).optional(),
  since: intParam(0, Number.MAX_SAFE_INTEGER).optional(),
  limit: intParam(1, 1_000).optional(),
  kind: z.string().regex(/^[a-zA-Z_]{1,40}$/, "a record kind such as decision, order, ack, fill").optional(),
});
export type DecisionsQuery = z.infer<typeof DecisionsQuery>;

/** `GET /admin/markets/:id/timings?since=&limit=`: stage times of a market's decisions after `since` (a decision seq). */
export const TimingsQuery = z.strictObject({
  since: intParam(0, Number.MAX_SAFE_INTEGER).optional(),
  limit: intParam(1, 5_000).optional(),
});

export interface InvalidRequest {
  error: "invalid_request";
  issues: ConfigIssue[];
}

export function invalid(issues: ConfigIssue[]): InvalidRequest {
  return { error: "invalid_request", issues };
}

/** Parses `input` with `schema`; a refusal lists every issue with its dotted path ("" = the body). */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>, InvalidRequest> {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data);
  return err(invalid(r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }))));
}

/** A validated market body as the MarketDO's request. */
export function marketRequest(b: z.infer<typeof MarketBody>): MarketRequest {
  const req: MarketRequest = { id: b.id ?? b.market, market: b.market, strategy: b.strategy };
  if (b.enabled !== undefined) req.enabled = b.enabled;
  if (b.roll !== undefined) req.roll = b.roll;
  return req;
}
