/**
 * The V8 flags every hub process starts with, however it is launched: the Electron shell's utility
 * process (`execArgv`), the `safefloor` command (its shebang), `npm run serve` and `npm start`'s
 * browser fallback. `tests/unit/hub/heap-flags.test.ts` holds each of those to this list.
 *
 * Why: under a burst of sign-ins V8 grows the young generation to its default maximum (two 16 MB
 * semi-spaces) and keeps it, so the hub's memory swung between about 130 and 167 MB after 100,000
 * sign-ins (QUALITY.md's bar is 150 MB). With 8 MB semi-spaces it stayed at 114–138 MB in five
 * runs, and badge sign-in latency at 1 and 20 clients moved no more than the run-to-run noise (A/B
 * in docs/performance.md, Hub memory). V8 reads these only at process start: set from inside a
 * running process (`v8.setFlagsFromString`) they change nothing.
 * Runs in: any process (pure data).
 */
export const hubHeapFlags: readonly string[] = ['--max-semi-space-size=8'];
