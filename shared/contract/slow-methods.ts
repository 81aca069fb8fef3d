/**
 * Methods whose answer may take minutes rather than seconds: a roster of a few thousand people has
 * each PIN checked against its scrypt hash (about 15 ms a row on the build machine), and the screen
 * watches it with `roster.progress` meanwhile. A client waits this long for them instead of its usual
 * timeout, which would otherwise report "cannot reach the hub" while the import carries on.
 * Pure, and free of zod, so the renderer may import it.
 */
export const slowCallTimeoutMs = 10 * 60_000;

const slowMethods: ReadonlySet<string> = new Set(['roster.preview', 'roster.import']);

export function callTimeoutFor(method: string, usualMs: number): number {
  return slowMethods.has(method) ? Math.max(usualMs, slowCallTimeoutMs) : usualMs;
}
