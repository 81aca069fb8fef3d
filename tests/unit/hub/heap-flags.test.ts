/**
 * Every way a hub process is started carries the hub's heap flags (electron/hub/heap-flags.ts):
 * they bound its memory, and V8 reads them only on the command line, so a launch path that forgot
 * them would run a hub whose memory nobody measured. (The Electron shell's `execArgv` is held by
 * hub-link.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubHeapFlags } from '../../../electron/hub/heap-flags.js';

const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the hub heap flags', () => {
  it('are a non-empty list of V8 options', () => {
    expect(hubHeapFlags.length).toBeGreaterThan(0);
    for (const flag of hubHeapFlags) expect(flag).toMatch(/^--[a-z-]+=\d+$/);
  });

  it('are on the safefloor command’s shebang line, which env -S passes to node', () => {
    const shebang = read('bin/safefloor.js').split('\n')[0]!;
    expect(shebang).toBe(`#!/usr/bin/env -S node ${hubHeapFlags.join(' ')}`);
  });

  it('are given to node by npm run serve and by npm start’s browser fallback', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.serve).toBe(`node ${hubHeapFlags.join(' ')} bin/safefloor.js serve --demo`);
    const start = read('scripts/start.mjs');
    const fallback = start.split('\n').find((line) => line.includes("'safefloor.js'") && line.includes("'serve'"));
    expect(fallback, 'the line of scripts/start.mjs that runs safefloor serve').toBeDefined();
    for (const flag of hubHeapFlags) expect(fallback).toContain(`'${flag}'`);
  });

  it('are flags this node accepts (a flag it did not know would stop every hub from starting)', () => {
    const run = spawnSync(process.execPath, [...hubHeapFlags, '-e', 'process.stdout.write("started")'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('started');
    // …and a misspelt one is refused, so the check above can fail.
    const misspelt = spawnSync(process.execPath, ['--max-semi-space-sizes=8', '-e', ''], { encoding: 'utf8' });
    expect(misspelt.status).not.toBe(0);
  });
});
