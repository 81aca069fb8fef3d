/** Badge and PIN sign-in over HTTP, against the floor: a bare node:http server with one durable sqlite3 insert. */
import { join } from 'node:path';
import { apiUrl, cli, keepAlive, load, percentile, round, startDemoHub, startNode, stop } from './kit.js';

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
    const rounds = 5;
    // Warm-up: JIT, prepared statements, connections.
    await load(floor.url, 300, 4, badge);
    await load(toggleUrl, 300, 4, badge, token);
    // Floor and hub alternate in rounds, so drift on the machine hits both alike: with one block
    // of 2,000 each, a slow phase of the host during the hub's block alone (one stall delays all
    // 20 requests in flight, 1 % of the 2,000, which is where p99 sits) put the hub at 2.2 times
    // its floor in one run and 0.65-1.06 times in five runs right after.
    // Each side keeps its connections from round to round, as the single block did.
    const inRounds = async (clients: number) => {
      const [floorAgent, hubAgent] = [keepAlive(clients), keepAlive(clients)];
      const floorTimes: number[] = [];
      const hubTimes: number[] = [];
      for (let i = 0; i < rounds; i++) {
        floorTimes.push(...(await load(floor.url, total / rounds, clients, badge, undefined, floorAgent)));
        hubTimes.push(...(await load(toggleUrl, total / rounds, clients, badge, token, hubAgent)));
      }
      await Promise.all([floorAgent.close(), hubAgent.close()]);
      return { floor: floorTimes.sort((a, b) => a - b), hub: hubTimes.sort((a, b) => a - b) };
    };
    const { floor: floor1, hub: hub1 } = await inRounds(1);
    const { floor: floor20, hub: hub20 } = await inRounds(20);
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
