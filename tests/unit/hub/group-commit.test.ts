import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../electron/hub/db/port.js';
import { openSqlite } from '../../../electron/hub/db/sqlite.js';
import { tempDir } from '../../support/hub.js';

let db: Database;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.close();
});

async function fresh() {
  db = await openSqlite(join(tempDir(), 'g.db'));
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  return db;
}

describe('the writer queue with group commit', () => {
  it('keeps each of many concurrent transactions all-or-nothing: a failing one leaves no trace, the others commit', async () => {
    await fresh();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (v) VALUES (?)', [`a${i}`]);
          // Every seventh fails after it has written: its first insert must be undone.
          if (i % 7 === 3) await tx.run('INSERT INTO t (v) VALUES (?)', ['a0']);
          return i;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual([3, 10, 17, 24, 31, 38]);
    const rows = await db.all<{ v: string }>('SELECT v FROM t ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 7 !== 3).map((i) => `a${i}`));
  });

  it('tells a caller its transaction succeeded only once it is committed and visible to readers', async () => {
    await fresh();
    const seen = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`b${i}`])).then(async () => {
          const row = await db.get<{ v: string }>('SELECT v FROM t WHERE v = ?', [`b${i}`]);
          return row?.v;
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `b${i}`));
  });

  it('runs transactions in the order they were asked for', async () => {
    await fresh();
    await Promise.all(Array.from({ length: 30 }, (_, i) => db.transaction((tx) => tx.run('INSERT INTO t (v) VALUES (?)', [`c${String(i).padStart(2, '0')}`]))));
    const rows = await db.all<{ v: string }>('SELECT v FROM t ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual([...rows.map((r) => r.v)].sort());
  });

  it('runs one-statement transactions of a batch without savepoints: a failing statement leaves no trace, the others commit', async () => {
    await fresh();
    // What the queue says to SQLite, as the sqlite3 binding is asked it.
    const execs = vi.spyOn(sqlite3.Database.prototype, 'exec');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction(
          // Every fifth writes two rows and fails on its second (a value taken before): its first row must go too.
          (tx) => tx.run(i % 5 === 2 ? 'INSERT INTO t (v) VALUES (?), (?)' : 'INSERT INTO t (v) VALUES (?)', i % 5 === 2 ? [`d${i}`, 'd0'] : [`d${i}`]),
          { oneStatement: true },
        ),
      ),
    );
    expect(results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []))).toEqual([2, 7, 12, 17, 22, 27]);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/UNIQUE/);
    const rows = await db.all<{ v: string }>('SELECT v FROM t ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 5 !== 2).map((i) => `d${i}`));
    // They were batched (a COMMIT for several), and none of them needed a savepoint.
    const log = execs.mock.calls.map((call) => String(call[0]));
    execs.mockRestore();
    expect(log.filter((sql) => sql === 'COMMIT').length).toBeGreaterThan(0);
    expect(log.filter((sql) => sql === 'COMMIT').length).toBeLessThan(30);
    expect(log.filter((sql) => sql.includes('SAVEPOINT'))).toEqual([]);
  });
});
