/**
 * `npm run bench`: measures SafeFloor against the bars of ../shared/QUALITY.md, each figure beside
 * a floor measured in the same run. Prints a table, then one JSON object on the last line.
 *
 * Measured so far: badge sign-in over HTTP (1 and 20 clients) against its floor, and PIN sign-in.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'safefloor-bench-'));
const children: ChildProcess[] = [];

function start(cmd: string[], pattern: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, cmd, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Sends `total` requests from `clients` concurrent keep-alive clients; returns sorted latencies in ms. */
async function load(url: string, total: number, clients: number, body: (i: number) => unknown, token?: string) {
  const agent = new Agent({ connections: clients, pipelining: 1 });
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
  await agent.close();
  if (failures) throw new Error(`${failures} of ${total} requests failed`);
  return latencies.sort((a, b) => a - b);
}

async function main() {
  const build = spawnSync('node', ['bin/safefloor.js', '--help'], { cwd: root });
  if (build.status !== 0) throw new Error('build first: npm run build');

  const floor = await start(['tests/bench/floor-server.mjs', join(work, 'floor.db')], /listening on (\S+)/);
  const dataDir = join(work, 'hub');
  const token = spawnSync('node', ['bin/safefloor.js', 'token', 'create', '--data', dataDir, '--role', 'kiosk'], { cwd: root, encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .pop()!;
  const hub = await start(['bin/safefloor.js', 'serve', '--data', dataDir, '--port', '0', '--demo'], /listening on (\S+)/);
  const staff = 240;
  const badge = (i: number) => ({ badge: `BADGE-${1001 + (i % staff)}` });
  const toggleUrl = new URL('/api/v1/presence.toggle', hub.url).href;
  const floorUrl = floor.url;
  const total = 2000;

  // Warm-up: JIT, prepared statements, connections.
  await load(floorUrl, 200, 4, badge);
  await load(toggleUrl, 200, 4, badge, token);

  // Alternate floor and hub runs so drift on the machine hits both alike.
  const floor1 = await load(floorUrl, total, 1, badge);
  const hub1 = await load(toggleUrl, total, 1, badge, token);
  const floor20 = await load(floorUrl, total, 20, badge);
  const hub20 = await load(toggleUrl, total, 20, badge, token);
  const pin = await load(toggleUrl, 200, 1, (i) => ({ employeeNo: String(1001 + (i % staff)), pin: '1234' }), token);

  const result = {
    signin_badge_p50_ms: round(percentile(hub1, 50)),
    signin_floor_p50_ms: round(percentile(floor1, 50)),
    signin_badge_p99_ms_20c: round(percentile(hub20, 99)),
    signin_floor_p99_ms_20c: round(percentile(floor20, 99)),
    signin_pin_p50_ms: round(percentile(pin, 50)),
  };
  const rows: Array<[string, number, string]> = [
    ['badge sign-in p50, 1 client (ms)', result.signin_badge_p50_ms, `≤ 2 × floor ${result.signin_floor_p50_ms} = ${round(2 * result.signin_floor_p50_ms)}`],
    ['badge sign-in p99, 20 clients (ms)', result.signin_badge_p99_ms_20c, `≤ 1.5 × floor ${result.signin_floor_p99_ms_20c} = ${round(1.5 * result.signin_floor_p99_ms_20c)}`],
    ['PIN sign-in p50 (ms)', result.signin_pin_p50_ms, '≤ 50'],
  ];
  for (const [name, value, bar] of rows) console.log(`${name.padEnd(38)} ${String(value).padStart(9)}   bar: ${bar}`);
  console.log(JSON.stringify(result));
}

const round = (n: number) => Math.round(n * 100) / 100;

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill('SIGTERM');
    setTimeout(() => rmSync(work, { recursive: true, force: true }), 500).unref();
  });
