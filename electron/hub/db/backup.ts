/**
 * SQLite's online backup, copied in steps, and the check of a copy. Runs in: the hub (plain Node).
 *
 * The copy runs on a connection of its own (read-only), never on the writer or the reader the
 * services use: sign-ins keep committing on the writer and their look-ups keep answering on the
 * reader while the copy goes on. In WAL mode a reader never blocks a writer, so the only cost to
 * the live database is that a checkpoint cannot pass the copy's snapshot until a step ends.
 */
import { rmSync } from 'node:fs';
import sqlite3 from 'sqlite3';

/** The part of node-sqlite3's Backup object used here (its .d.ts does not declare it). */
interface RawBackup {
  step(pages: number, callback: (err: Error | null, done?: boolean) => void): void;
  finish(callback?: (err: Error | null) => void): void;
  readonly remaining: number;
  readonly pageCount: number;
}

type Raw = sqlite3.Database & { backup(file: string, callback?: (err: Error | null) => void): RawBackup };

export interface BackupOptions {
  /** Pages copied per step (4 KiB each): small enough that one step is a few milliseconds. */
  pagesPerStep?: number;
  /**
   * A write by another connection between two steps makes SQLite start the copy again. After this
   * many restarts the rest is copied in one step, which is still only a read in WAL mode.
   */
  maxRestarts?: number;
  /** Waited between steps, so that other work on the thread pool gets its turn. */
  pauseMs?: number;
  signal?: AbortSignal;
}

export interface BackupResult {
  pages: number;
  steps: number;
  restarts: number;
}

function openRaw(file: string, mode: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db as Raw)));
  });
}

const closeRaw = (db: sqlite3.Database) => new Promise<void>((resolve) => db.close(() => resolve()));

/**
 * Copies the database `source` into the new file `dest` with the online backup API. The copy is
 * consistent (one committed state of the source). On failure or abort `dest` is removed.
 */
export async function onlineBackup(source: string, dest: string, options: BackupOptions = {}): Promise<BackupResult> {
  const pagesPerStep = options.pagesPerStep ?? 256;
  const maxRestarts = options.maxRestarts ?? 3;
  const pauseMs = options.pauseMs ?? 5;
  const db = await openRaw(source, sqlite3.OPEN_READONLY);
  let steps = 0;
  let restarts = 0;
  try {
    db.configure('busyTimeout', 5000);
    const backup = await new Promise<RawBackup>((resolve, reject) => {
      const b: RawBackup = db.backup(dest, (err) => (err ? reject(err) : resolve(b)));
    });
    try {
      let lastRemaining = Infinity;
      for (;;) {
        if (options.signal?.aborted) throw new Error('backup cancelled');
        const pages = restarts >= maxRestarts ? -1 : pagesPerStep;
        const done = await new Promise<boolean>((resolve, reject) => backup.step(pages, (err, finished) => (err ? reject(err) : resolve(finished === true))));
        steps++;
        if (done) break;
        // The remaining count only grows when SQLite started over (the source changed under it).
        if (backup.remaining > lastRemaining) restarts++;
        lastRemaining = backup.remaining;
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    } finally {
      await new Promise<void>((resolve) => backup.finish(() => resolve()));
    }
    await standalone(dest);
    return { pages: Math.max(backup.pageCount, 0), steps, restarts };
  } catch (err) {
    rmSync(dest, { force: true });
    throw err;
  } finally {
    await closeRaw(db);
  }
}

/**
 * The copy keeps the source's WAL mode in its header; a backup is one self-contained file, so it is
 * turned back to a rollback journal (reading it later then leaves no -wal or -shm beside it).
 */
async function standalone(file: string): Promise<void> {
  const db = await openRaw(file, sqlite3.OPEN_READWRITE);
  try {
    await new Promise<void>((resolve, reject) => db.exec('PRAGMA journal_mode = DELETE', (err) => (err ? reject(err) : resolve())));
  } finally {
    await closeRaw(db);
  }
}

export interface FileCheck {
  ok: boolean;
  /** `ok`, or what SQLite found wrong (the first few lines of integrity_check), or why it would not open. */
  detail: string;
  /** The schema version written in the file (PRAGMA user_version), when it could be read. */
  schemaVersion: number | null;
}

/**
 * Opens a database file read-only and asks SQLite to check all of it. Changes nothing: the file is
 * opened with `immutable=1`-like care (read-only, no WAL created for a file that has none).
 */
export async function checkDatabaseFile(file: string): Promise<FileCheck> {
  let db: sqlite3.Database;
  try {
    db = await openRaw(file, sqlite3.OPEN_READONLY);
  } catch (err) {
    return { ok: false, detail: (err as Error).message, schemaVersion: null };
  }
  const all = <T>(sql: string) => new Promise<T[]>((resolve, reject) => db.all(sql, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
  try {
    const version = (await all<{ user_version: number }>('PRAGMA user_version'))[0]?.user_version ?? null;
    const rows = await all<{ integrity_check: string }>('PRAGMA integrity_check(5)');
    const lines = rows.map((r) => r.integrity_check);
    const ok = lines.length === 1 && lines[0] === 'ok';
    return { ok, detail: lines.join('; '), schemaVersion: version };
  } catch (err) {
    return { ok: false, detail: (err as Error).message, schemaVersion: null };
  } finally {
    await closeRaw(db);
  }
}
