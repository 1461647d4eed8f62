/**
 * Admin API inputs of the capture routes (SPEC §13), validated with zod like every admin input:
 * a refusal names the field (`id`, `limit`).
 */
import * as z from "zod";
import { CAPTURE_ID_PATTERN } from "./ids";

/** `GET /admin/captures/:id` and `/:id/manifest`. */
export const CaptureIdParam = z.strictObject({
  id: z.string().regex(CAPTURE_ID_PATTERN, "a capture id such as 20261121T101300.123Z-live"),
});

/** `GET /admin/captures?limit=` (newest first; default 50). */
export const CaptureListQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d+$/, "a whole number")
    .transform(Number)
    .pipe(z.number().int().min(1).max(500))
    .optional(),
});
