import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { openStream } from '../support/sse.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  for (const no of ['1001', '1002', '1003']) await t.call('presence.signIn', { badge: `BADGE-${no}` });
});
afterAll(async () => t.stop());

describe('export from the admin screen', () => {
  it('shows the key fingerprint and the allowed_signers line', async () => {
    const key = (await t.call('export.key', {}, 'admin')).body;
    expect(key.fingerprint).toMatch(/^SHA256:/);
    expect(key.allowedSigners).toMatch(/^safefloor-hub namespaces="file" ssh-ed25519 AAAA/);
    expect((await t.call('export.key', {}, 'warden')).status).toBe(403);
  });

  it('runs in the background with progress events, then lists the export and serves it as a zip', async () => {
    const stream = await openStream(new URL('/api/v1/events', t.http.url).href, t.tokens.admin);
    try {
      const started = await t.call('export.start', { from: '2026-11-01', to: '2026-11-30' }, 'admin');
      expect(started.status).toBe(200);
      const finished = await stream.next('export.finished', 10_000);
      expect(finished.data).toMatchObject({ exportId: started.body.exportId, ok: true, folder: started.body.folder, records: 3 });
      expect(stream.events.some((e) => e.name === 'export.progress')).toBe(true);
    } finally {
      stream.close();
    }
    const list = (await t.call('export.list', {}, 'admin')).body.exports;
    expect(list).toHaveLength(1);
    const noToken = await fetch(new URL(`/api/v1/exports/${list[0]}.zip`, t.http.url));
    expect(noToken.status).toBe(401);
    const zip = await fetch(new URL(`/api/v1/exports/${list[0]}.zip`, t.http.url), { headers: { Authorization: `Bearer ${t.tokens.admin}` } });
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files).map((f) => f.split('/')[1]).sort()).toEqual(
      ['README.txt', 'allowed_signers', 'audit_log.csv', 'audit_log.jsonl', 'manifest.json', 'manifest.json.sig', 'presence_events.csv', 'presence_events.jsonl'].sort(),
    );
    const traversal = await fetch(new URL('/api/v1/exports/..%2F..%2Fsafefloor.db.zip', t.http.url), { headers: { Authorization: `Bearer ${t.tokens.admin}` } });
    expect(traversal.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a period that ends before it starts', async () => {
    expect((await t.call('export.start', { from: '2026-11-30', to: '2026-11-01' }, 'admin')).status).toBe(400);
  });

  it('a cancelled export leaves nothing behind', async () => {
    const stream = await openStream(new URL('/api/v1/events', t.http.url).href, t.tokens.admin);
    try {
      const started = await t.call('export.start', {}, 'admin');
      await t.call('export.cancel', { exportId: started.body.exportId }, 'admin');
      const finished = await stream.next('export.finished', 10_000);
      // Cancelling a tiny export may come after it finished; either way nothing half-made remains.
      if (!(finished.data as { ok: boolean }).ok) expect(finished.data).toMatchObject({ reason: 'cancelled' });
      const list = (await t.call('export.list', {}, 'admin')).body.exports;
      expect(list.length).toBe((finished.data as { ok: boolean }).ok ? 2 : 1);
    } finally {
      stream.close();
    }
  });
});
