/**
 * Starting a worker thread that runs one of the hub's own modules (a big export's audit log,
 * verify's chain). Runs in: the hub.
 *
 * A task's thread loads only its own module, bundled small: scripts/build-node.mjs writes
 * `<entry>.mjs` beside the command line's bundle and `<entry>.cjs` beside the Electron hub
 * process's, and from the sources (tests, benchmarks) esbuild bundles the module on the spot.
 * Loading the hub's whole bundle on the thread, or the sources through tsx's loader, took
 * 0.3–0.5 s of a core: a tenth of a million-record verify. The task's module picks up its work
 * from `workerData.task`; both entry points start nothing on a worker thread.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
// The task modules that get a bundle of their own, by the bundle's name (the build reads it too).
import taskEntries from './task-entries.json' with { type: 'json' };

export type TaskEntry = keyof typeof taskEntries;

/**
 * A worker running the task module `entry` with `data` as its workerData; null where no worker
 * can start (then the caller does the work itself). `moduleUrl` is the caller's import.meta.url:
 * the task module's own source file, or the bundle the caller was loaded from (undefined in the
 * CommonJS bundle, where import.meta is empty).
 */
export function startTaskWorker<Data extends { task: string }>(entry: TaskEntry, moduleUrl: string | undefined, data: Data): Worker | null {
  try {
    if (moduleUrl?.endsWith('.ts')) {
      const code = bundledSource(fileURLToPath(moduleUrl));
      return code === null ? null : new Worker(code, { eval: true, workerData: data });
    }
    const bundle = moduleUrl ? fileURLToPath(moduleUrl) : typeof __filename === 'string' ? __filename : null;
    if (!bundle) return null;
    const own = join(dirname(bundle), `${entry}${bundle.endsWith('.cjs') ? '.cjs' : '.mjs'}`);
    // A bundle built without the task's own file still holds its module: the thread loads it whole.
    return new Worker(existsSync(own) ? own : bundle, { workerData: data });
  } catch {
    return null;
  }
}

const bundled = new Map<string, string | null>();

/** The module at `file` (a source) bundled as one CommonJS script; null without esbuild. */
function bundledSource(file: string): string | null {
  if (bundled.has(file)) return bundled.get(file)!;
  let code: string | null = null;
  try {
    const esbuild = createRequire(file)('esbuild') as typeof import('esbuild');
    const result = esbuild.buildSync({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent', external: ['sqlite3'] });
    const text = result.outputFiles[0]?.text;
    // The script runs from no folder: its require() (the native sqlite3) resolves from the module's.
    if (text) code = `((require) => {\n${text}\n})(require('node:module').createRequire(${JSON.stringify(file)}));`;
  } catch {
    code = null;
  }
  bundled.set(file, code);
  return code;
}
