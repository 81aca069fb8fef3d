/** Emergency fan-out: 50 screens on the event stream; how long after the start call returns each hears it. */
import { request } from 'undici';
import { join } from 'node:path';
import { apiUrl, cli, percentile, post, round, startDemoHub, stop } from './kit.js';

async function subscribe(url: string, token: string, onStarted: () => void): Promise<() => void> {
  const controller = new AbortController();
  const res = await request(apiUrl(url, 'events'), { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  let buffer = '';
  res.body.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      if (/^event: emergency\.started$/m.test(buffer.slice(0, end))) onStarted();
      buffer = buffer.slice(end + 2);
    }
  });
  res.body.on('error', () => undefined);
  return () => controller.abort();
}

export async function benchFanout(work: string, subscribers = 50, trials = 10) {
  const dataDir = join(work, 'fanout');
  const display = cli(['token', 'create', '--data', dataDir, '--role', 'display']);
  const warden = cli(['token', 'create', '--data', dataDir, '--role', 'warden']);
  const hub = await startDemoHub(dataDir);
  const delays: number[] = [];
  let heard: number[] = [];
  const closers = await Promise.all(Array.from({ length: subscribers }, () => subscribe(hub.url, display, () => heard.push(performance.now()))));
  try {
    for (let trial = 0; trial < trials + 1; trial++) {
      heard = [];
      const started = await post(apiUrl(hub.url, 'emergency.start'), { kind: 'fire', drill: true }, warden);
      const returned = performance.now();
      const deadline = returned + 5000;
      while (heard.length < subscribers && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      if (heard.length < subscribers) throw new Error(`only ${heard.length} of ${subscribers} screens heard the start`);
      // The first trial warms up; an event that arrived before the answer counts as no delay.
      if (trial > 0) delays.push(...heard.map((t) => Math.max(0, t - returned)));
      await post(apiUrl(hub.url, 'emergency.end'), { emergencyId: started.emergency.id, employeeNo: '1003', pin: '1234' }, warden);
    }
    return { fanout_p99_ms_50: round(percentile(delays.sort((a, b) => a - b), 99)) };
  } finally {
    closers.forEach((close) => close());
    await stop(hub.child);
  }
}
