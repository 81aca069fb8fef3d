/** Badge and PIN sign-in over HTTP, against the floor: a bare node:http server with one durable sqlite3 insert. */
import { join } from 'node:path';
import { apiUrl, cli, load, percentile, round, startDemoHub, startNode, stop } from './kit.js';

export async function benchSignIn(work: string) {
  const floor = await startNode(['tests/bench/floor-server.mjs', join(work, 'floor.db')], /listening on (\S+)/);
  const dataDir = join(work, 'signin');
  const token = cli(['token', 'create', '--data', dataDir, '--role', 'kiosk']);
  const hub = await startDemoHub(dataDir);
  try {
    const staff = 240;
    const badge = (i: number) => ({ badge: `BADGE-${1001 + (i % staff)}` });
    const toggleUrl = apiUrl(hub.url, 'presence.toggle');
    const total = 2000;
    // Warm-up: JIT, prepared statements, connections.
    await load(floor.url, 300, 4, badge);
    await load(toggleUrl, 300, 4, badge, token);
    // Floor and hub alternate, so drift on the machine hits both alike.
    const floor1 = await load(floor.url, total, 1, badge);
    const hub1 = await load(toggleUrl, total, 1, badge, token);
    const floor20 = await load(floor.url, total, 20, badge);
    const hub20 = await load(toggleUrl, total, 20, badge, token);
    const pin = await load(toggleUrl, 200, 1, (i) => ({ employeeNo: String(1001 + (i % staff)), pin: '1234' }), token);
    return {
      signin_badge_p50_ms: round(percentile(hub1, 50)),
      signin_floor_p50_ms: round(percentile(floor1, 50)),
      signin_badge_p99_ms_20c: round(percentile(hub20, 99)),
      signin_floor_p99_ms_20c: round(percentile(floor20, 99)),
      signin_pin_p50_ms: round(percentile(pin, 50)),
    };
  } finally {
    await stop(hub.child);
    await stop(floor.child);
  }
}
