/**
 * Automatic backups: SQLite's online backup into <data>/backups/, named by the (injected) clock,
 * checked with integrity_check, kept backupKeepDays, made daily at backupAt in the site's time
 * zone, and never holding sign-ins up.
 */
import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInstant } from '../../shared/domain/shift.js';
import { checkDatabaseFile } from '../../electron/hub/db/backup.js';
import { openHub } from '../../electron/hub/hub.js';
import { backupName, backupsDir } from '../../electron/hub/services/backup.js';
import { FixedClock, startTestHub, tempDir, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const dayMs = 24 * 60 * 60_000;
const files = () => readdirSync(backupsDir(t.dataDir)).sort();

describe('a backup', () => {
  it('is a whole, checked, owner-only copy named by the clock, with nothing left beside it', async () => {
    const signIn = await t.call('presence.signIn', { badge: 'BADGE-1010' }, 'kiosk');
    expect(signIn.status).toBe(200);
    const made = await t.hub.backups.run();
    expect(made.name).toBe(backupName(t.clock.now()));
    expect(made.name).toBe('safefloor-2026-11-26T01-00-00Z.db');
    expect(files()).toEqual([made.name]);
    expect(statSync(made.file).mode & 0o777).toBe(0o600);
    expect(await checkDatabaseFile(made.file)).toMatchObject({ ok: true, detail: 'ok' });
    // A working database on its own: a hub opened on a copy of it has the sign-in made before.
    const dir = tempDir();
    copyFileSync(made.file, join(dir, 'safefloor.db'));
    const restored = await openHub({ dataDir: dir, backups: false, autoSignOut: false });
    try {
      expect(await restored.db.get('SELECT id FROM presence_events WHERE id = ?', [signIn.body.event.id])).toEqual({ id: signIn.body.event.id });
    } finally {
      await restored.close();
    }
  });

  it('keeps backupKeepDays of copies and always the newest', async () => {
    await t.hub.settings.update({ backupKeepDays: 2 }, 'local');
    const start = t.clock.now();
    for (let day = 1; day <= 4; day++) {
      t.clock.ms = start + day * dayMs;
      await t.hub.backups.run();
    }
    // Day 0 and day 1 are older than two days on day 4; day 2 is exactly two days old and stays.
    expect(files()).toEqual([2, 3, 4].map((d) => backupName(start + d * dayMs)));
    // Long after, with nothing newer, the newest is still there.
    await t.hub.settings.update({ backupKeepDays: 1 }, 'local');
    t.clock.ms = start + 30 * dayMs;
    const last = await t.hub.backups.run();
    expect(files()).toEqual([last.name]);
  });

  it('is due daily at backupAt in the site time zone; a missed one is known', async () => {
    await t.hub.settings.update({ backupAt: '03:30' }, 'local');
    // 03:30 in Shanghai is 19:30 UTC the day before.
    const due = localInstant('2027-01-10', '03:30', 'Asia/Shanghai');
    expect(new Date(due).toISOString()).toBe('2027-01-09T19:30:00.000Z');
    t.clock.ms = due - 60_000;
    await t.hub.backups.run();
    expect(await t.hub.backups.missed(due - 1)).toBe(false);
    expect(await t.hub.backups.missed(due)).toBe(true);
    expect(await t.hub.backups.missed(due + dayMs - 1)).toBe(true);
  });

  it('is made by the schedule at backupAt', async () => {
    // A minute before the 03:30 backup, with yesterday's done: the next one fires at 03:30.
    const due = localInstant('2027-02-01', '03:30', 'Asia/Shanghai');
    t.clock.ms = due - 2 * 60 * 60_000;
    await t.hub.backups.run();
    t.clock.ms = due - 1_500;
    await t.hub.backups.start();
    try {
      const deadline = Date.now() + 10_000;
      while (!existsSync(join(backupsDir(t.dataDir), backupName(t.clock.now()))) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(files()).toContain(backupName(t.clock.now()));
    } finally {
      await t.hub.backups.stop();
    }
  });
});

describe('a backup while sign-ins go on', () => {
  let big: Awaited<ReturnType<typeof openHub>>;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    big = await openHub({ dataDir: dir, clock: new FixedClock(), backups: false, autoSignOut: false });
    const { seedDemo } = await import('../../electron/hub/demo.js');
    await seedDemo(big.db, big.clock.now());
    // History to copy: 150,000 presence events (a few months of a busy floor).
    await big.db.run(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 149999)
       INSERT INTO presence_events (person_id, kind, at, method, automatic)
       SELECT (SELECT min(id) FROM people) + i % 240, CASE i % 2 WHEN 0 THEN 'in' ELSE 'out' END, i, 'badge', 0 FROM n`,
    );
  }, 120_000);
  afterAll(async () => big.close());

  it('does not hold them up: sign-ins complete while the copy is being made, and the copy is whole', async () => {
    const device = await big.devices.ensureLocalDevice('kiosk', 'door');
    const caller = { device, language: 'en' as const };
    let copying = true;
    const during: number[] = [];
    const backup = big.backups.run().finally(() => {
      copying = false;
    });
    let n = 0;
    while (copying) {
      const started = Date.now();
      await big.presence.toggle({ badge: `BADGE-${1001 + (n++ % 240)}` }, caller);
      if (copying) during.push(Date.now() - started);
    }
    const made = await backup;
    expect(during.length, 'sign-ins completed while the backup ran').toBeGreaterThan(2);
    expect(made.bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(Math.max(...during)).toBeLessThan(2_000);
    expect(await checkDatabaseFile(made.file)).toMatchObject({ ok: true });
    expect(readdirSync(backupsDir(dir)).filter((f) => f.includes('partial'))).toEqual([]);
  }, 60_000);
});
