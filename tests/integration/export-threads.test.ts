/**
 * A big export writes the audit log's part on a worker thread (export/audit-pass.ts), and verify
 * reads a big chain on one (export/verify-content.ts). Whichever way they run, the export is the
 * same, byte for byte; a broken chain is refused the same way and leaves nothing behind; a
 * cancelled export stops both parts; verify says the same, failures and all. And the threads do
 * start: from the sources and from each built bundle, each task's own code answers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportRefused } from '../../electron/hub/export/run-export.js';
import { verifyExport } from '../../electron/hub/export/verify.js';
import { startTaskWorker, type TaskEntry } from '../../electron/hub/export/worker-task.js';
import taskEntries from '../../electron/hub/export/task-entries.json' with { type: 'json' };
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

  it('stops the thread it started when cancelled before the thread was told its range, and leaves nothing behind', async () => {
    const parent = tempDir('safefloor-export-');
    const error = await t.hub.exports
      .run({ outDir: join(parent, 'out'), from: '2026-11-26', to: '2026-11-26', auditThreadFrom: 0, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as ExportRefused).reason).toBe('cancelled');
    expect(readdirSync(parent)).toEqual([]);
    // The hub exports again as before.
    expect((await exportDay(0)).manifest.chain).not.toBeNull();
  });
});

describe('verify with the chain read on a thread of its own', () => {
  it('says the same as on the event loop, for a good export and for one whose records differ from their audit entries', async () => {
    const good = await exportDay(Number.MAX_SAFE_INTEGER);
    const here = await verifyExport(good.dir, { chainThreadFrom: Number.MAX_SAFE_INTEGER });
    expect(here).toMatchObject({ ok: true, records: 18 });
    expect(await verifyExport(good.dir, { chainThreadFrom: 0 })).toEqual(here);

    // Two records changed after they were written: the export carries them as they are now.
    const ids = (await t.hub.db.all<{ id: number; kind: string }>('SELECT id, kind FROM presence_events ORDER BY id LIMIT 2'));
    const flip = (kind: string) => (kind === 'in' ? 'out' : 'in');
    for (const { id, kind } of ids) await t.hub.db.run('UPDATE presence_events SET kind = ? WHERE id = ?', [flip(kind), id]);
    try {
      const changed = await exportDay(Number.MAX_SAFE_INTEGER);
      const failed = await verifyExport(changed.dir, { chainThreadFrom: Number.MAX_SAFE_INTEGER });
      expect(failed.ok).toBe(false);
      expect(!failed.ok && failed.failures).toEqual([
        `presence_events.jsonl:1: record ${ids[0]!.id} differs from what the audit log recorded`,
        `presence_events.jsonl:2: record ${ids[1]!.id} differs from what the audit log recorded`,
      ]);
      expect(await verifyExport(changed.dir, { chainThreadFrom: 0 })).toEqual(failed);
    } finally {
      for (const { id, kind } of ids) await t.hub.db.run('UPDATE presence_events SET kind = ? WHERE id = ?', [kind, id]);
    }
  });
});


describe('each task’s thread runs its own code', () => {
  const answer = (worker: Worker | null) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (!worker) return reject(new Error('no thread started'));
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const root = new URL('../../', import.meta.url);
  // Where a task's module is loaded from: the sources, the command line's bundle, the Electron hub process's.
  const origins = (entry: TaskEntry) => [
    new URL(taskEntries[entry], root).href,
    new URL('dist/hub/cli.mjs', root).href,
    new URL('dist/electron/hub-process.cjs', root).href,
  ];

  it('has a file of its own beside each bundle (npm test builds them first)', () => {
    for (const entry of Object.keys(taskEntries)) {
      expect(existsSync(new URL(`dist/hub/${entry}.mjs`, root))).toBe(true);
      expect(existsSync(new URL(`dist/electron/${entry}.cjs`, root))).toBe(true);
    }
  });

  it('reads an export’s chain (verify) from every origin', async () => {
    const { dir, manifest } = await exportDay(Number.MAX_SAFE_INTEGER);
    for (const origin of origins('verify-chain-worker')) {
      const data = { task: 'safefloor-verify-chain', dir, auditName: 'audit_log', chain: manifest.chain, kindNames: ['presence_events'] };
      const reply = await answer(startTaskWorker('verify-chain-worker', origin, data));
      expect(reply, origin).toHaveProperty('indexes');
      // One record hash for each presence record the export carries.
      expect((reply.indexes as Array<[string, { count: number }]>)[0]![1].count, origin).toBe(manifest.files.find((f) => f.path === 'presence_events.jsonl')!.records);
    }
  });

  it('writes the audit log’s part of an export from every origin', async () => {
    const { manifest } = await exportDay(Number.MAX_SAFE_INTEGER);
    const range = { firstSeq: manifest.chain!.firstSeq, lastSeq: manifest.chain!.lastSeq };
    for (const origin of origins('export-audit-worker')) {
      const dir = tempDir('safefloor-audit-pass-');
      const data = { task: 'safefloor-export-audit-pass', dbFile: t.hub.db.file, input: { dir, labels: [], timeZone: 'Asia/Shanghai' } };
      const worker = startTaskWorker('export-audit-worker', origin, data);
      // The thread starts before its range is known, and begins once told it.
      worker!.postMessage({ type: 'range', range });
      let reply = await answer(worker);
      while (reply.type === 'progress') reply = await answer(worker);
      expect(reply, origin).toMatchObject({ type: 'done', result: { chain: manifest.chain } });
      expect(readdirSync(dir).sort(), origin).toEqual(['audit_log.csv', 'audit_log.jsonl']);
    }
  });
});
