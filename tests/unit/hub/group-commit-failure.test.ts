import { describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../../electron/hub/db/group-commit.js';
import type { Params, Queryable, RunResult } from '../../../electron/hub/db/port.js';

/**
 * A writer that behaves as SQLite does after a full disk or an I/O error inside a transaction: the
 * failing statement takes the whole transaction with it, so no savepoint is left to roll back to.
 * It keeps what a real one would have committed, to show what callers were told against what was kept.
 */
class AutoRollbackWriter implements Queryable {
  committed: string[] = [];
  pending: string[] = [];
  inTransaction = false;
  /** A transaction opened by a savepoint (no BEGIN): releasing that savepoint commits it. */
  implicit = false;
  savepoints = 0;
  log: string[] = [];

  async exec(sql: string): Promise<void> {
    this.log.push(sql);
    for (const statement of sql.split(';').map((s) => s.trim()).filter(Boolean)) {
      if (statement === 'BEGIN IMMEDIATE' || statement === 'BEGIN') {
        if (this.inTransaction) throw new Error('cannot start a transaction within a transaction');
        this.inTransaction = true;
        this.implicit = false;
      } else if (statement === 'SAVEPOINT one') {
        // Outside a transaction a savepoint opens one of its own, as in SQLite.
        if (!this.inTransaction) {
          this.inTransaction = true;
          this.implicit = true;
        }
        this.savepoints++;
      } else if (statement === 'RELEASE one') {
        if (this.savepoints === 0) throw new Error('no such savepoint: one');
        this.savepoints--;
        if (this.savepoints === 0 && this.implicit) this.commit();
      } else if (statement === 'ROLLBACK TO one') {
        if (this.savepoints === 0) throw new Error('no such savepoint: one');
      } else if (statement === 'COMMIT') {
        if (!this.inTransaction) throw new Error('cannot commit - no transaction is active');
        this.commit();
      } else if (statement === 'ROLLBACK') {
        if (!this.inTransaction) throw new Error('cannot rollback - no transaction is active');
        this.pending = [];
        this.inTransaction = false;
        this.savepoints = 0;
      }
    }
  }

  private commit() {
    this.committed.push(...this.pending);
    this.pending = [];
    this.inTransaction = false;
  }

  async run(sql: string, params?: Params): Promise<RunResult> {
    const value = String((params as unknown[])[0]);
    if (value === 'FULL') {
      // SQLITE_FULL with an automatic rollback of the whole transaction.
      this.pending = [];
      this.inTransaction = false;
      this.savepoints = 0;
      throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
    }
    this.pending.push(value);
    // Outside a transaction a statement commits by itself, as in SQLite.
    if (!this.inTransaction) this.commit();
    return { lastId: this.pending.length, changes: 1 };
  }

  get = async () => undefined;
  all = async () => [];
}

describe('the writer queue when SQLite abandons the transaction itself', () => {
  it('refuses every transaction of the batch and keeps none of them: nobody is told "failed" for something that was saved', async () => {
    const writer = new AutoRollbackWriter();
    const queue = new GroupCommitter(writer);
    // The first runs alone; the five behind it are batched together, the third of them fills the disk.
    const first = queue.transaction((tx) => tx.run('INSERT', ['a']));
    const batch = ['b', 'c', 'FULL', 'd', 'e'].map((v) => queue.transaction((tx) => tx.run('INSERT', [v])));
    const results = await Promise.allSettled([first, ...batch]);
    expect(results[0]!.status).toBe('fulfilled');
    expect(results.slice(1).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of results.slice(1)) expect(((r as PromiseRejectedResult).reason as { code?: string }).code).toBe('SQLITE_FULL');
    // What callers were told matches what was kept: only the first.
    expect(writer.committed).toEqual(['a']);
    // And nothing after the failure ran outside a transaction.
    expect(writer.log.slice(writer.log.indexOf('ROLLBACK TO one; RELEASE one') + 1)).toEqual(['ROLLBACK']);
  });

  it('keeps the writer usable afterwards', async () => {
    const writer = new AutoRollbackWriter();
    const queue = new GroupCommitter(writer);
    await Promise.allSettled([queue.transaction((tx) => tx.run('INSERT', ['x'])), ...['FULL', 'y'].map((v) => queue.transaction((tx) => tx.run('INSERT', [v])))]);
    await queue.transaction((tx) => tx.run('INSERT', ['z']));
    expect(writer.committed).toEqual(['x', 'z']);
  });

  it('does the same when the statement that fills the disk is a one-statement transaction, run without a savepoint', async () => {
    const writer = new AutoRollbackWriter();
    const queue = new GroupCommitter(writer);
    const one = { oneStatement: true };
    const first = queue.transaction((tx) => tx.run('INSERT', ['a']), one);
    const batch = ['b', 'c', 'FULL', 'd', 'e'].map((v) => queue.transaction((tx) => tx.run('INSERT', [v]), one));
    const results = await Promise.allSettled([first, ...batch]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of results.slice(1)) expect(((r as PromiseRejectedResult).reason as { code?: string }).code).toBe('SQLITE_FULL');
    expect(writer.committed).toEqual(['a']);
    // The batch had no savepoints; after the failure only the probe for a transaction, and nothing ran outside one.
    expect(writer.log.filter((sql) => sql.startsWith('SAVEPOINT'))).toEqual([]);
    expect(writer.log.slice(writer.log.lastIndexOf('BEGIN IMMEDIATE') + 1)).toEqual(['BEGIN', 'ROLLBACK', 'ROLLBACK']);
    // And the queue goes on.
    await queue.transaction((tx) => tx.run('INSERT', ['z']), one);
    expect(writer.committed).toEqual(['a', 'z']);
  });
});
