import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportRefused } from '../../electron/hub/export/run-export.js';
import { verifyExport } from '../../electron/hub/export/verify.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let t: TestHub;
const day = 24 * 60 * 60_000;

beforeAll(async () => {
  t = await startTestHub();
  // Three working days at the door, 2026-11-26 .. 28 (Shanghai), 09:00 and 18:00 local.
  t.clock.ms = Date.parse('2026-11-26T01:00:00Z');
  for (let d = 0; d < 3; d++) {
    for (const no of [1001, 1002, 1003, 1004, 1005]) {
      const res = await t.call('presence.signIn', { badge: `BADGE-${no}` });
      expect(res.status).toBe(200);
    }
    t.clock.advance(9 * 60 * 60_000);
    for (const no of [1001, 1002, 1003, 1004, 1005]) await t.call('presence.signOut', { badge: `BADGE-${no}` });
    t.clock.advance(day - 9 * 60 * 60_000);
  }
});
afterAll(async () => t.stop());

const exportTo = (from?: string, to?: string) => t.hub.exports.run({ outDir: join(tempDir('safefloor-export-'), 'out'), from, to });

function sshKeygenVerify(dir: string) {
  const principal = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).device.principal;
  return spawnSync('ssh-keygen', ['-Y', 'verify', '-f', join(dir, 'allowed_signers'), '-I', principal, '-n', 'file', '-s', join(dir, 'manifest.json.sig')], {
    input: readFileSync(join(dir, 'manifest.json')),
    encoding: 'utf8',
  });
}

describe('signed export', () => {
  it('writes CSV (UTF-8 with BOM) and JSON Lines per kind, a manifest, its SSHSIG, allowed_signers and a README', async () => {
    const { dir, manifest } = await exportTo('2026-11-26', '2026-11-27');
    expect(readdirSync(dir).sort()).toEqual(
      ['README.txt', 'allowed_signers', 'audit_log.csv', 'audit_log.jsonl', 'manifest.json', 'manifest.json.sig', 'presence_events.csv', 'presence_events.jsonl'].sort(),
    );
    const presence = manifest.files.find((f) => f.path === 'presence_events.jsonl')!;
    expect(presence.records).toBe(20); // two days × five people × in and out
    const csv = readFileSync(join(dir, 'presence_events.csv'));
    expect(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = readFileSync(join(dir, 'presence_events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ employee_no: '1001', kind: 'in', at: '2026-11-26T01:00:00.000Z' });
    // Chinese names survive byte for byte in both files.
    expect(csv.toString('utf8')).toContain(lines[0].name);
    for (const file of manifest.files) {
      expect(createHash('sha512').update(readFileSync(join(dir, file.path))).digest('hex'), file.path).toBe(file.sha512);
    }
    expect(readFileSync(join(dir, 'README.txt'), 'utf8')).toMatch(/ssh-keygen -Y verify .* < manifest\.json/);
  });

  it('is accepted by stock ssh-keygen and by our verify', async () => {
    const { dir } = await exportTo('2026-11-26', '2026-11-26');
    const result = sshKeygenVerify(dir);
    expect(result.stdout + result.stderr).toMatch(/Good "file" signature/);
    expect(result.status).toBe(0);
    const verified = await verifyExport(dir);
    expect(verified).toMatchObject({ ok: true, records: 10 });
  });

  it('verify names a file whose byte changed, and a record that differs from its audit entry', async () => {
    const { dir } = await exportTo();
    const file = join(dir, 'presence_events.csv');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
    writeFileSync(file, bytes);
    const result = await verifyExport(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failures.join()).toMatch(/presence_events\.csv does not match its SHA-512/);
  });

  it('verify catches a rewritten manifest: ssh-keygen and ours both refuse it', async () => {
    const { dir } = await exportTo();
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"records": 30', '"records": 31'));
    expect(sshKeygenVerify(dir).status).not.toBe(0);
    const result = await verifyExport(dir);
    expect(!result.ok && result.failures.join()).toMatch(/signature .* is not good/);
  });

  it('the next export starts where the previous ended; a gap between them is caught', async () => {
    const first = await exportTo('2026-11-26', '2026-11-26');
    const second = await exportTo('2026-11-27', '2026-11-27');
    const third = await exportTo('2026-11-28', '2026-11-28');
    expect(await verifyExport(second.dir, { previous: first.dir })).toMatchObject({ ok: true });
    const skipped = await verifyExport(third.dir, { previous: first.dir });
    expect(skipped.ok).toBe(false);
    expect(!skipped.ok && skipped.failures.join()).toMatch(/does not start where the previous one ended/);
  });

  it('a record changed in the database after it was written is caught by verify', async () => {
    await t.hub.db.exec("UPDATE presence_events SET kind = 'out' WHERE id = 1");
    const { dir } = await exportTo('2026-11-26', '2026-11-26');
    const result = await verifyExport(dir);
    expect(!result.ok && result.failures.join()).toMatch(/record 1 differs from what the audit log recorded/);
    await t.hub.db.exec("UPDATE presence_events SET kind = 'in' WHERE id = 1");
  });

  it('refuses to sign when the chain has a hole, and leaves nothing behind', async () => {
    const parent = tempDir('safefloor-export-');
    const out = join(parent, 'out');
    const victim = await t.hub.db.get<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'presence.sign_in' ORDER BY seq DESC LIMIT 1");
    const saved = await t.hub.db.get<Record<string, unknown>>('SELECT * FROM audit_log WHERE seq = ?', [victim!.seq]);
    await t.hub.db.exec(`DELETE FROM audit_log WHERE seq = ${victim!.seq}`);
    const error = await t.hub.exports.run({ outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportRefused);
    expect((error as Error).message).toMatch(new RegExp(`audit entry ${victim!.seq} is missing`));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    await t.hub.db.run(
      'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash) VALUES ($seq, $at, $actor, $action, $entity, $entity_id, $record_hash, $prev_hash, $hash)',
      saved as never,
    );
  });

  it('refuses to sign when an entry was changed', async () => {
    await t.hub.db.exec("UPDATE audit_log SET actor = 'device:99' WHERE seq = 5");
    const error = await exportTo().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/audit entry 5 was changed/);
  });
});
