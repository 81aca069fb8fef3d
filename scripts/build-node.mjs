// Bundles the Node-side entry points (the hub's command line, the Electron shell) with esbuild.
// The renderer is built by Vite (vite.config.ts). Native and Electron modules stay external.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// The worker threads' own small bundles (electron/hub/export/worker-task.ts), beside each bundle.
const taskEntries = JSON.parse(readFileSync(new URL('../electron/hub/export/task-entries.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Loaded from node_modules at run time: a native module, the shell's runtime, and pdfkit (which
  // reads its own font metrics from files beside it).
  external: ['sqlite3', 'electron', 'pdfkit'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'electron/hub/cli/entry.ts', ...taskEntries },
    outdir: 'dist/hub',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS dependencies may call require(); give the ES module one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: {
      main: 'electron/main/main.ts',
      preload: 'electron/preload/preload.ts',
      'hub-process': 'electron/hub/process-entry.ts',
      ...taskEntries,
    },
    outdir: 'dist/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // Code shared with the ESM CLI reaches import.meta only when `require` is missing, which never
    // happens in CommonJS; the warning about it being empty here says nothing to act on.
    logOverride: { 'empty-import-meta': 'silent' },
  }),
]);
