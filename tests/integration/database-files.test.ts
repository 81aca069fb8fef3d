/**
 * The database file itself going wrong.
 *  - Damaged, foreign or from a newer SafeFloor at start: `serve` names the file, prints the way
 *    forward, leaves every byte as it was, and still serves the screens and the emergency
 *    information it kept beside the database. `db backups / restore / new` then move on, never
 *    deleting the old file.
 *  - Disk full or read-only while running: each write is refused with 503 `unavailable` and a
 *    translated message, and nothing of it is kept. (CI runs as root, where chmod stops no write:
 *    a full disk is made with PRAGMA max_page_count and a read-only one with PRAGMA query_only, on
 *    the hub's own writer connection.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../electron/hub/db/migrations.js';
import { bin, ensureBuilt, runCli, stopChild } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.startsWith('safefloor.db'))
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );

/** Starts `serve` on a folder whose database it cannot open; resolves with what it printed and where it serves. */
function startRefusingServe(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no emergency-only server:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving the emergency information only, on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}

const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopChild(c)));
});

/** A data folder with a real database, a display token, the kept emergency information and one backup. */
function preparedFolder() {
  const dataDir = tempDir('safefloor-dbfiles-');
  const token = runCli(['token', 'create', '--data', dataDir, '--role', 'display', '--name', 'hall']).lastLine;
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  return { dataDir, token };
}

const post = (url: string, method: string, token?: string, lang = 'en') =>
  fetch(new URL(`/api/v1/${method}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: '{}',
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

describe('a database file that cannot be used at start', () => {
  beforeAll(() => ensureBuilt());

  it('damaged: serve names the file and the way forward, changes no byte, and still serves the emergency information', async () => {
    const { dataDir, token } = preparedFolder();
    const file = join(dataDir, 'safefloor.db');
    // Damage the header and the first pages, as a failing disk would.
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 8192);
    writeFileSync(file, bytes);
    const before = digest(dataDir);

    const serve = await startRefusingServe(dataDir);
    children.push(serve.child);
    expect(serve.output()).toContain(file);
    expect(serve.output()).toMatch(/damaged or is not a SafeFloor database/);
    expect(serve.output()).toContain(`safefloor db backups --data ${dataDir}`);
    expect(serve.output()).toContain(`safefloor db restore --data ${dataDir}`);
    expect(serve.output()).toContain(`safefloor db new --data ${dataDir}`);

    const health = await fetch(new URL('/api/v1/health', serve.url));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'emergency_only', problem: 'damaged', file: 'safefloor.db' });
    // A token paired before still reads the emergency information; an unknown one does not.
    const info = await post(serve.url, 'emergency.info', token);
    expect(info.status).toBe(200);
    expect(info.body.numbers.length).toBeGreaterThan(0);
    expect(info.body.assemblyPoint['zh-CN']).toBeTruthy();
    expect((await post(serve.url, 'emergency.info', 'not-a-token')).status).toBe(401);
    // Everything else is refused, in the reader's language.
    const other = await post(serve.url, 'presence.onSite', token);
    expect(other.status).toBe(503);
    expect(other.body.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/only the emergency information/) });
    expect((await post(serve.url, 'presence.onSite', token, 'zh-CN')).body.error.message).toMatch(/应急信息/);
    // The screens themselves are served.
    const page = await fetch(serve.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);

    expect(await stopChild(serve.child)).toBe(0);
    expect(digest(dataDir)).toEqual(before);
  });

  it('another program’s SQLite file is refused before anything is written to it', async () => {
    const dataDir = tempDir('safefloor-dbfiles-');
    const file = join(dataDir, 'safefloor.db');
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => {
        if (err) return reject(err);
        db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5);", (e) => db.close(() => (e ? reject(e) : resolve())));
      });
    });
    const before = digest(dataDir);
    const serve = await startRefusingServe(dataDir);
    children.push(serve.child);
    expect(serve.output()).toMatch(/another program/);
    expect(digest(dataDir)).toEqual(before);
  });

  it('from a newer SafeFloor: refused with "update SafeFloor" among the choices, unchanged', async () => {
    const { dataDir } = preparedFolder();
    const file = join(dataDir, 'safefloor.db');
    await new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => (err ? reject(err) : db.exec(`PRAGMA user_version = ${schemaVersion + 5}`, (e) => db.close(() => (e ? reject(e) : resolve())))));
    });
    const before = digest(dataDir);
    const serve = await startRefusingServe(dataDir);
    children.push(serve.child);
    expect(serve.output()).toMatch(/newer SafeFloor/);
    expect(serve.output()).toMatch(/Install the SafeFloor version that wrote this file/);
    expect(digest(dataDir)).toEqual(before);
  });

  it('db backups lists; db restore puts a backup in place and keeps the damaged file (with its -wal) beside it; nothing is deleted', async () => {
    const { dataDir, token } = preparedFolder();
    // One backup, taken by a running hub's own service, then more records after it.
    const { openHub } = await import('../../electron/hub/hub.js');
    const hub = await openHub({ dataDir, backups: false, autoSignOut: false });
    const backup = await hub.backups.run();
    await hub.devices.createToken('kiosk', 'after the backup');
    await hub.close();
    const file = join(dataDir, 'safefloor.db');
    const damaged = readFileSync(file);
    damaged.fill(0, 0, 100);
    writeFileSync(file, damaged);
    writeFileSync(`${file}-wal`, 'wal bytes that belong to the damaged file');

    const listed = runCli(['db', 'backups', '--data', dataDir]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/DAMAGED/);
    expect(listed.stdout).toContain(backup.name);

    const restored = runCli(['db', 'restore', '--data', dataDir, '--from', backup.name]);
    expect(restored.status, restored.stderr).toBe(0);
    const aside = readdirSync(dataDir).filter((f) => /^safefloor\.db\.damaged-\d{8}T\d{6}Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]!)).equals(damaged)).toBe(true);
    expect(readFileSync(join(dataDir, `${aside[0]}-wal`), 'utf8')).toBe('wal bytes that belong to the damaged file');
    expect(existsSync(backup.file)).toBe(true);

    // The restored database works: the token made before the backup signs in, and the restore is in its audit log.
    const check = await startTestHubOn(dataDir);
    try {
      expect((await check.call('presence.onSite', {}, { token })).status).toBe(200);
      expect(await check.hub.db.get("SELECT action FROM audit_log WHERE action = 'db.restored'")).toEqual({ action: 'db.restored' });
    } finally {
      await check.stop();
    }
  });

  it('db new and db restore refuse to put aside a database that is fine unless --force, and refuse while a hub runs', async () => {
    const { dataDir } = preparedFolder();
    const refused = runCli(['db', 'new', '--data', dataDir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not damaged/);
    const forced = runCli(['db', 'new', '--data', dataDir, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(dataDir).some((f) => /^safefloor\.db\.old-\d{8}T\d{6}Z$/.test(f))).toBe(true);
    expect(existsSync(join(dataDir, 'safefloor.db'))).toBe(true);
    // A hub on the folder: nothing is touched.
    writeFileSync(join(dataDir, 'hub.json'), JSON.stringify({ url: 'http://127.0.0.1:1/', pid: process.pid === 1 ? 2 : 1 }));
    const busy = runCli(['db', 'new', '--data', dataDir, '--force']);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/is using/);
  });
});

/** A hub over HTTP on an existing folder (the test helper makes its own folder; this one is given). */
async function startTestHubOn(dataDir: string) {
  const { openHub } = await import('../../electron/hub/hub.js');
  const { startHttpServer } = await import('../../electron/hub/http/server.js');
  const hub = await openHub({ dataDir, backups: false, autoSignOut: false });
  const http = await startHttpServer(hub, { host: '127.0.0.1', port: 0 });
  return {
    hub,
    call: (method: string, input: unknown, auth: { token: string }) =>
      fetch(new URL(`/api/v1/${method}`, http.url), { method: 'POST', headers: { Authorization: `Bearer ${auth.token}` }, body: JSON.stringify(input) }).then(async (r) => ({ status: r.status, body: await r.json() })),
    stop: async () => {
      await http.close();
      await hub.close();
    },
  };
}

describe('a full disk or a read-only data folder while running', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => t.stop());

  const counts = () =>
    t.hub.db.get<Record<string, number>>(
      `SELECT (SELECT count(*) FROM presence_events) AS events, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT count(*) FROM emergencies) AS emergencies, (SELECT count(*) FROM hazards) AS hazards, (SELECT count(*) FROM devices) AS devices`,
    );

  it('read-only: every write is refused with 503 and a clear translated message; nothing changes; it works again after', async () => {
    await t.hub.db.exec('PRAGMA query_only = ON');
    try {
      const before = await counts();
      const writes: Array<[string, unknown, 'kiosk' | 'warden' | 'admin']> = [
        ['presence.signIn', { badge: 'BADGE-1020' }, 'kiosk'],
        ['presence.signIn', { employeeNo: '1021', pin: '1234' }, 'kiosk'],
        ['emergency.start', { kind: 'fire', drill: true }, 'warden'],
        ['hazard.report', { description: 'Blocked exit', location: 'Stair 2' }, 'kiosk'],
      ];
      for (const [method, input, role] of writes) {
        const en = await t.call(method, input, role, { 'Accept-Language': 'en' });
        expect(en.status, method).toBe(503);
        expect(en.body.error.code).toBe('unavailable');
        expect(en.body.error.message).toMatch(/Nothing was saved: .*disk is full or the folder is read-only/);
        const zh = await t.call(method, input, role, { 'Accept-Language': 'zh-CN' });
        expect(zh.body.error.message).toMatch(/未保存/);
      }
      // A wrong PIN's lockout count cannot be written either: refused the same way, not a 5xx.
      expect((await t.call('presence.signIn', { employeeNo: '1022', pin: '0000' }, 'kiosk')).status).toBe(503);
      // Reads still work.
      expect((await t.call('presence.onSite', {}, 'display')).status).toBe(200);
      expect(await counts()).toEqual(before);
    } finally {
      await t.hub.db.exec('PRAGMA query_only = OFF');
    }
    expect((await t.call('presence.signIn', { badge: 'BADGE-1020' }, 'kiosk')).status).toBe(200);
  });

  it('disk full: sign-ins are answered 200 while there is room, then 503; every 200 is kept whole, every 503 left no trace', async () => {
    const pages = (await t.hub.db.transaction((tx) => tx.get<{ page_count: number }>('PRAGMA page_count')))!.page_count;
    await t.hub.db.exec(`PRAGMA max_page_count = ${pages}`);
    try {
      const before = await counts();
      const answers: Array<{ status: number; body: any }> = [];
      // Concurrent, so that refusals fall inside group-committed batches too.
      for (let round = 0; round < 6; round++) {
        const batch = await Promise.all(
          Array.from({ length: 40 }, (_, i) => t.call('presence.toggle', { badge: `BADGE-${1001 + ((round * 40 + i) % 240)}` }, 'kiosk', { 'Accept-Language': 'en' })),
        );
        answers.push(...batch);
      }
      const refused = answers.filter((a) => a.status !== 200);
      const kept = answers.filter((a) => a.status === 200);
      expect(refused.length, 'the disk filled up').toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(r.body.error.message).toMatch(/disk is full/);
      }
      const after = (await counts())!;
      expect(after.events! - before!.events!).toBe(kept.length);
      expect(after.audit! - before!.audit!).toBe(kept.length);
      for (const k of kept) expect(await t.hub.db.get('SELECT id FROM presence_events WHERE id = ?', [k.body.event.id])).toBeTruthy();
      expect(await t.hub.db.transaction((tx) => tx.all('PRAGMA integrity_check'))).toEqual([{ integrity_check: 'ok' }]);
    } finally {
      await t.hub.db.exec('PRAGMA max_page_count = 1073741823');
    }
    expect((await t.call('presence.toggle', { badge: 'BADGE-1030' }, 'kiosk')).status).toBe(200);
  });
});
