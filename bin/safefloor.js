#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=100
// The `safefloor` command. It runs the built command line in dist/ (npm install builds it), with
// the hub's heap flags (electron/hub/heap-flags.ts; `env -S` passes them, on Linux and macOS, and
// npm's Windows shim reads them from this line).
import { existsSync } from 'node:fs';

const built = new URL('../dist/hub/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error('safefloor: not built yet. Run `npm run build` (npm install does it for you).');
  process.exit(1);
}
await import(built.href);
