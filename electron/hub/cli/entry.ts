/** The command line's entry point (bundled to dist/hub/cli.mjs). Runs in: plain Node. */
import { isMainThread } from 'node:worker_threads';
import { main } from './main.js';

// The bundle is also loaded as a worker thread (a big export's audit log, export/audit-pass.ts):
// there its module does the work, and the command line does not run.
if (isMainThread) {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
}
