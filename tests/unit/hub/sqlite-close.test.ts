import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../electron/hub/db/sqlite.js';
import { tempDir } from '../../support/hub.js';

// A hub closes on quit, on restore and between every test; SQLite refuses to close a connection
// while any statement it prepared is still open ("unfinalized statements").
describe('closing the database', () => {
  it('closes after the same query was asked for twice at once on a cold statement cache', async () => {
    const db = await openSqlite(join(tempDir(), 'c.db'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    await db.run('INSERT INTO t (v) VALUES (?)', ['a']);
    // Two screens asking the same thing in the same tick: both find the cache empty.
    const sql = 'SELECT v FROM t WHERE id = ?';
    const answers = await Promise.all([db.all(sql, [1]), db.all(sql, [1]), db.get(sql, [1])]);
    expect(answers[0]).toEqual([{ v: 'a' }]);
    expect(answers[2]).toEqual({ v: 'a' });
    await expect(db.close()).resolves.toBeUndefined();
  });

  it('closes after a query that failed to prepare, and the failure names the fault', async () => {
    const db = await openSqlite(join(tempDir(), 'c.db'));
    await expect(db.all('SELECT nope FROM missing_table')).rejects.toThrow(/missing_table/);
    await expect(db.all('SELECT nope FROM missing_table')).rejects.toThrow(/missing_table/);
    await expect(db.close()).resolves.toBeUndefined();
  });

  it('closes after writes of the same statement were queued together', async () => {
    const db = await openSqlite(join(tempDir(), 'c.db'));
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    await Promise.all(Array.from({ length: 5 }, (_, i) => db.run('INSERT INTO t (v) VALUES (?)', [`v${i}`])));
    expect(await db.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 5 }]);
    await expect(db.close()).resolves.toBeUndefined();
  });
});
