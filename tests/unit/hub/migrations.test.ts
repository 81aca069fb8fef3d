import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFileError } from '../../../electron/hub/db/errors.js';
import { migrate, migrations, schemaVersion } from '../../../electron/hub/db/migrations.js';
import type { Database } from '../../../electron/hub/db/port.js';
import { openSqlite } from '../../../electron/hub/db/sqlite.js';
import { tempDir } from '../../support/hub.js';

const open: Database[] = [];
async function fresh(name = 'test.db') {
  const db = await openSqlite(join(tempDir(), name));
  open.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close().catch(() => undefined)));
});

describe('migrations', () => {
  it('bring a new file to the latest version, tracked in user_version, and do nothing the second time', async () => {
    const db = await fresh();
    expect(await migrate(db)).toEqual({ from: 0, to: schemaVersion });
    expect((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(migrations.length);
    expect(await migrate(db)).toEqual({ from: schemaVersion, to: schemaVersion });
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['people', 'presence_events', 'audit_log', 'devices', 'tokens']));
  });

  it('open the file in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const db = await fresh();
    await migrate(db);
    const mode = await db.transaction((tx) => tx.get<{ journal_mode: string }>('PRAGMA journal_mode'));
    const sync = await db.transaction((tx) => tx.get<{ synchronous: number }>('PRAGMA synchronous'));
    const fk = await db.transaction((tx) => tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys'));
    expect(mode?.journal_mode).toBe('wal');
    expect(sync?.synchronous).toBe(2); // FULL
    expect(fk?.foreign_keys).toBe(1);
  });

  it('run all pending steps in one transaction: a failing step leaves the file at its old version', async () => {
    const db = await fresh();
    const broken = [...migrations, { name: 'good', sql: 'CREATE TABLE extra (id INTEGER)' }, { name: 'bad', sql: 'CREATE TABLE nonsense (' }];
    await expect(migrate(db, broken)).rejects.toThrow();
    expect((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(0);
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'people'")).toBeUndefined();
  });

  it('refuse a database from the future, naming the file, and leave it as it was', async () => {
    const db = await fresh('future.db');
    await migrate(db);
    await db.exec(`PRAGMA user_version = ${schemaVersion + 3}`);
    await db.close();
    open.pop();
    const file = db.file;
    const before = readFileSync(file);
    const again = await openSqlite(file);
    open.push(again);
    const error = await migrate(again).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as DatabaseFileError).reason).toBe('future');
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/newer SafeFloor/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuse a file that is not a database, naming it, without changing a byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'foreign.db');
    writeFileSync(file, 'these are the minutes of the safety meeting, not a database\n'.repeat(100));
    const copy = join(dir, 'copy');
    copyFileSync(file, copy);
    const error = await openSqlite(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseFileError);
    expect((error as DatabaseFileError).reason).toBe('damaged');
    expect((error as Error).message).toContain(file);
    expect(readFileSync(file).equals(readFileSync(copy))).toBe(true);
  });
});
