/**
 * `npm run bench`: measures SafeFloor against the bars of ../shared/QUALITY.md, each figure beside
 * its floor from the same run. Prints a table, then one JSON object on the last line.
 * Needs the build (the npm script builds first) and makes all its data in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hubHeapFlags } from '../../electron/hub/heap-flags.js';
import type { benchBigData } from './big-data.js';
import { benchFanout } from './fanout.js';
import { round, runApart, stopAll } from './kit.js';
import { benchMemory } from './memory.js';
import { benchRendererRuntime } from './renderer-runtime.js';
import { benchRendererSize } from './renderer-size.js';
import { benchSignIn } from './signin.js';
import { benchTakeover } from './takeover.js';

type Row = [name: string, value: number, bar: string, ok: boolean];

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'safefloor-bench-'));
  const started = performance.now();
  try {
    const signin = await benchSignIn(work);
    const fanout = await benchFanout(work);
    const takeover = await benchTakeover(work);
    const big = runApart<Awaited<ReturnType<typeof benchBigData>>>('big-data-apart.ts', [work], hubHeapFlags);
    const size = benchRendererSize();
    const runtime = await benchRendererRuntime(work);
    const memory = await benchMemory(work);
    const { details: bigDetails, ...bigFigures } = big;
    const { details: memoryDetails, ...memoryFigures } = memory;
    const { details: takeoverDetails, ...takeoverFigures } = takeover;
    const { details: runtimeDetails, ...runtimeFigures } = runtime;
    const result = { ...signin, ...fanout, ...takeoverFigures, ...bigFigures, ...size, ...runtimeFigures, ...memoryFigures };

    const rows: Row[] = [
      ['badge sign-in p50, 1 client (ms)', result.signin_badge_p50_ms, `≤ 2 × floor ${result.signin_floor_p50_ms}`, result.signin_badge_p50_ms <= 2 * result.signin_floor_p50_ms],
      ['badge sign-in p99, 20 clients (ms)', result.signin_badge_p99_ms_20c, `≤ 1.5 × floor ${result.signin_floor_p99_ms_20c}`, result.signin_badge_p99_ms_20c <= 1.5 * result.signin_floor_p99_ms_20c],
      ['PIN sign-in p50 (ms)', result.signin_pin_p50_ms, '≤ 50', result.signin_pin_p50_ms <= 50],
      ['emergency fan-out p99, 50 screens (ms)', result.fanout_p99_ms_50, '≤ 50', result.fanout_p99_ms_50 <= 50],
      ['emergency takeover on screen, median (ms)', result.takeover_ms, '≤ 500', result.takeover_ms <= 500],
      ['who is on site, 1M events, p95 (ms)', result.onsite_query_ms_1m, '≤ 20', result.onsite_query_ms_1m <= 20],
      ['roll call, 1M events, p95 (ms)', result.rollcall_query_ms_1m, '≤ 20', result.rollcall_query_ms_1m <= 20],
      ['export (records/s)', result.export_records_per_s, `≥ 200000 and ≥ floor ${result.export_floor_records_per_s} / 2`, result.export_records_per_s >= 200_000 && result.export_records_per_s * 2 >= result.export_floor_records_per_s],
      ['verify (records/s)', result.verify_records_per_s, '≥ 300000', result.verify_records_per_s >= 300_000],
      ['hub start, 1M records (ms)', result.hub_start_ms_1m, '≤ 1000', result.hub_start_ms_1m <= 1000],
      ['renderer initial JS, gzipped (KB)', result.renderer_initial_js_gz_kb, '≤ 350', result.renderer_initial_js_gz_kb <= 350],
      ['kiosk home first contentful paint (ms)', result.kiosk_fcp_ms, '≤ 800', result.kiosk_fcp_ms <= 800],
      ['kiosk JS heap growth, 1,000 sign-ins (MB)', result.renderer_heap_growth_mb_1000, '≤ 10', result.renderer_heap_growth_mb_1000 <= 10],
      ['hub RSS after 100k sign-ins (MB)', result.hub_rss_mb_100k, '≤ 150', result.hub_rss_mb_100k <= 150],
    ];
    for (const [name, value, bar, ok] of rows) console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(42)} ${String(value).padStart(10)}   bar: ${bar}`);
    console.log(`details: ${JSON.stringify({ ...takeoverDetails, ...bigDetails, ...runtimeDetails, ...memoryDetails, totalSeconds: round((performance.now() - started) / 1000, 1) })}`);
    console.log(JSON.stringify(result));
  } finally {
    stopAll();
    // Awaited, not left to an unref'd timer: the process used to end first and leave about a
    // gigabyte (the big site and its export) in the temporary folder after every run.
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  stopAll();
  process.exitCode = 1;
});
