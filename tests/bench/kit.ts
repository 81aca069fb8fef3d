/** Shared pieces of the benchmarks: child processes, timing, percentiles, HTTP load. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { hubHeapFlags } from '../../electron/hub/heap-flags.js';

export const root = new URL('../../', import.meta.url).pathname;
const children = new Set<ChildProcess>();

/** Starts `node <args>` in the repo and resolves once its output matches (the URL it prints). */
export function startNode(args: string[], pattern: RegExp, env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: string; startedAt: number }> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) resolve({ child, url: m[1]!, startedAt });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${out}`)));
  });
}

/**
 * `safefloor serve --demo` on its own data folder, resolved with the URL it prints: the kiosk's
 * pairing link with `ready: 'kiosk link'`, else the hub's address.
 */
export function startDemoHub(dataDir: string, ready: 'address' | 'kiosk link' = 'address') {
  return startHub(['--data', dataDir, '--port', '0', '--demo'], ready === 'kiosk link' ? /Open as kiosk: (\S+)/ : /listening on (\S+)/);
}

/** `safefloor serve <args>` started as every hub is: with the hub's heap flags (electron/hub/heap-flags.ts). */
export function startHub(serveArgs: string[], pattern: RegExp) {
  return startNode([...hubHeapFlags, 'bin/safefloor.js', 'serve', ...serveArgs], pattern);
}

/** The URL of one API method on a hub (any URL of it will do). */
export const apiUrl = (hubUrl: string, method: string) => new URL(`/api/v1/${method}`, hubUrl).href;

export function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Runs a bench script (`tests/bench/<script>`) in a node process of its own, with this process's
 * loader and `flags`, and gives back the JSON it prints on its last line.
 */
export function runApart<T>(script: string, args: string[], flags: readonly string[] = []): T {
  const result = spawnSync(process.execPath, [...flags, ...process.execArgv, join(root, 'tests/bench', script), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as T;
}

export function cli(args: string[]): string {
  const result = spawnSync(process.execPath, ['bin/safefloor.js', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`safefloor ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop()!;
}

export const percentile = <T>(sorted: readonly T[], p: number): T => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);
/** The run whose `value` is the median (of an odd number of runs), as `median` picks it. */
export const medianBy = <T>(runs: readonly T[], value: (run: T) => number): T => percentile([...runs].sort((a, b) => value(a) - value(b)), 50);

/** Connections for `load` that stay open between its calls (one per client). */
export const keepAlive = (clients: number) => new Agent({ connections: clients, pipelining: 1 });

/**
 * Sends `total` POSTs from `clients` concurrent keep-alive clients; returns sorted latencies (ms).
 * With `shared` (from keepAlive), its connections are reused and left open.
 */
export async function load(url: string, total: number, clients: number, body: (i: number) => unknown, token?: string, shared?: Agent): Promise<number[]> {
  const agent = shared ?? keepAlive(clients);
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const t0 = performance.now();
      const res = await request(url, {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body(i)),
      });
      await res.body.text();
      latencies.push(performance.now() - t0);
      if (res.statusCode !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  if (!shared) await agent.close();
  if (failures) throw new Error(`${failures} of ${total} requests to ${url} failed`);
  return latencies.sort((a, b) => a - b);
}

export async function post(url: string, body: unknown, token: string): Promise<any> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const json = (await res.body.json()) as any;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${JSON.stringify(json)}`);
  return json;
}

export async function waitForHealth(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const res = await request(apiUrl(url, 'health'));
      await res.body.text();
      if (res.statusCode === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error('health never answered');
    await new Promise((r) => setTimeout(r, 2));
  }
}
