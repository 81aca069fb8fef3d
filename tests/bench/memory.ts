/** The hub's resident memory after 100,000 sign-ins and sign-outs over HTTP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiUrl, cli, load, round, startDemoHub, stop } from './kit.js';

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

export async function benchMemory(work: string, total = 100_000) {
  const dataDir = join(work, 'memory');
  const token = cli(['token', 'create', '--data', dataDir, '--role', 'kiosk']);
  const hub = await startDemoHub(dataDir);
  try {
    const url = apiUrl(hub.url, 'presence.toggle');
    const before = rssMb(hub.child.pid!);
    await load(url, total, 8, (i) => ({ badge: `BADGE-${1001 + (i % 240)}` }), token);
    const after = rssMb(hub.child.pid!);
    return { details: { rssBeforeMb: round(before, 1) }, hub_rss_mb_100k: round(after, 1) };
  } finally {
    await stop(hub.child);
  }
}
