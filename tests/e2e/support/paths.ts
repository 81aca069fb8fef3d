import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
export const builtRenderer = fileURLToPath(new URL('../../../dist/renderer/index.html', import.meta.url));
export const builtCli = fileURLToPath(new URL('../../../dist/hub/cli.mjs', import.meta.url));
export const safefloorBin = fileURLToPath(new URL('../../../bin/safefloor.js', import.meta.url));
