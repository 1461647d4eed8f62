/**
 * Bearer-token checks for the admin API (SPEC §13). The comparison never exits early, so the time
 * it takes does not tell how much of a guess was right; callers compare fixed-length digests of
 * the two tokens, so the length of the secret does not leak either.
 */

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null | undefined): string | null {
  if (header === null || header === undefined) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m === null ? null : (m[1] ?? null);
}

/** Equal bytes, in time that depends only on the lengths. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
