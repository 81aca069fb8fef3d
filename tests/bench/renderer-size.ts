/** The JavaScript a screen loads before it can show anything: the entry script and what it preloads, gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root, round } from './kit.js';

export function benchRendererSize() {
  const dist = join(root, 'dist', 'renderer');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]!);
  if (scripts.length === 0) throw new Error('no script in dist/renderer/index.html');
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(dist, src.replace(/^\.?\//, '')))).length, 0);
  return { renderer_initial_js_gz_kb: round(bytes / 1024, 1) };
}
