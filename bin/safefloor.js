#!/usr/bin/env node
// The `safefloor` command. It runs the built command line in dist/ (npm install builds it).
import { existsSync } from 'node:fs';

const built = new URL('../dist/hub/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error('safefloor: not built yet. Run `npm run build` (npm install does it for you).');
  process.exit(1);
}
await import(built.href);
