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
 *
 * `--heap-growing-percent=100`: after each full collection V8 lets the old generation grow to up
 * to four times what survived before collecting again; here about 17 MB survive, so read every
 * 10,000 sign-ins the RSS still swung between 119 and 155 MB (2026-11-27, seventh session), and
 * where the 100,000th sign-in fell in that swing decided the figure. Growing it by 100 %
 * (twice what survived) it stayed at 122-124 MB at every reading in four runs. 50 % kept it at
 * 116 MB but cost the 20-client p99 (1.6 × its floor in two of three runs); 100 % showed no cost
 * above the noise in the sign-in part or the export (docs/performance.md, Hub memory).
 * Runs in: any process (pure data).
 */
export const hubHeapFlags: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=100'];
