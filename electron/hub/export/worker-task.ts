/**
 * Starting a worker thread that runs one of the hub's own modules (a big export's audit log,
 * verify's chain). Runs in: the hub.
 *
 * The worker loads the code this module was loaded from: from the sources (tests, benchmarks,
 * through tsx), the command line's ES module bundle, or the Electron hub process's CommonJS
 * bundle; in a bundle every module is there, and the task's own module picks up its work from
 * `workerData.task`. Both entry points start nothing on a worker thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker running the module at `moduleUrl` (the caller's import.meta.url) with `data` as its
 * workerData; null where no worker can start (then the caller does the work itself).
 */
export function startTaskWorker<Data extends { task: string }>(moduleUrl: string | undefined, data: Data): Worker | null {
  try {
    if (moduleUrl?.endsWith('.ts')) {
      // The sources: the worker loads the module through tsx, as its parent did.
      const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
      const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
      return new Worker(boot, { eval: true, workerData: data });
    }
    // import.meta.url: the command line's ES module bundle; __filename: the Electron hub process's
    // CommonJS bundle (where import.meta is empty).
    if (moduleUrl) return new Worker(new URL(moduleUrl), { workerData: data });
    if (typeof __filename === 'string') return new Worker(__filename, { workerData: data });
  } catch {
    // No worker here.
  }
  return null;
}
