/**
 * A big export writes the audit log's part on a worker thread (export/audit-pass.ts). Whichever
 * way it runs, the export is the same, byte for byte; a broken chain is refused the same way and
 * leaves nothing behind; a cancelled export stops both parts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportRefused } from '../../electron/hub/export/run-export.js';
import { verifyExport } from '../../electron/hub/export/verify.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
  // A working day at the door (Shanghai), then the next day, when the exports run.
  t.clock.ms = Date.parse('2026-11-26T01:00:00Z');
  for (let round = 0; round < 3; round++) {
    for (const no of [1001, 1002, 1003, 1004, 1005, 1006]) expect((await t.call('presence.toggle', { badge: `BADGE-${no}` })).status).toBe(200);
    t.clock.advance(60 * 60_000);
  }
  t.clock.ms = Date.parse('2026-11-27T02:00:00Z');
});
afterAll(async () => t.stop());

const exportDay = (auditThreadFrom: number, signal?: AbortSignal) =>
  t.hub.exports.run({ outDir: join(tempDir('safefloor-export-'), 'out'), from: '2026-11-26', to: '2026-11-26', auditThreadFrom, signal });

describe('the audit log’s part of an export on a thread of its own', () => {
  it('gives the same files as on the event loop, and verifies', async () => {
    const here = await exportDay(Number.MAX_SAFE_INTEGER);
    const threaded = await exportDay(0);
    expect(threaded.manifest.chain).toEqual(here.manifest.chain);
    expect(threaded.manifest.files).toEqual(here.manifest.files);
    expect(threaded.manifest.files.map((f) => f.path)).toEqual(['audit_log.csv', 'audit_log.jsonl', 'presence_events.csv', 'presence_events.jsonl']);
    expect(await verifyExport(threaded.dir)).toMatchObject({ ok: true, records: 18 });
  });

  it('refuses a changed entry and leaves nothing behind', async () => {
    const parent = tempDir('safefloor-export-');
    const { seq, actor } = (await t.hub.db.get<{ seq: number; actor: string }>("SELECT seq, actor FROM audit_log WHERE action = 'presence.sign_in' ORDER BY seq LIMIT 1"))!;
    await t.hub.db.run("UPDATE audit_log SET actor = 'device:99' WHERE seq = ?", [seq]);
    try {
      const error = await t.hub.exports.run({ outDir: join(parent, 'out'), from: '2026-11-26', to: '2026-11-26', auditThreadFrom: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportRefused);
      expect((error as ExportRefused).reason).toBe('chain_broken');
      expect((error as Error).message).toMatch(new RegExp(`audit entry ${seq} was changed`));
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      await t.hub.db.run('UPDATE audit_log SET actor = ? WHERE seq = ?', [actor, seq]);
    }
  });

  it('stops both parts when cancelled while they run, and leaves nothing behind', async () => {
    const controller = new AbortController();
    const parent = tempDir('safefloor-export-');
    const error = await t.hub.exports
      .run({
        outDir: join(parent, 'out'),
        from: '2026-11-26',
        to: '2026-11-26',
        auditThreadFrom: 0,
        signal: controller.signal,
        onProgress: ({ stage }) => stage !== 'start' && controller.abort(),
      })
      .catch((e: unknown) => e);
    expect((error as ExportRefused).reason).toBe('cancelled');
    expect(existsSync(join(parent, 'out'))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
