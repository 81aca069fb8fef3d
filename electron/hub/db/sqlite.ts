/**
 * The sqlite3 adapter behind the database port. Runs in: the hub (plain Node).
 *
 * Two connections: one writer, whose transactions are queued one after another, and one reader,
 * which in WAL mode sees only committed data and never waits for a writer.
 */
import { existsSync, writeFileSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { onlineBackup } from './backup.js';
import { DatabaseFileError } from './errors.js';
import { GroupCommitter } from './group-commit.js';
import type { Database, Params, Queryable, RunResult } from './port.js';

type Raw = sqlite3.Database;

function open(file: string, mode: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const db: Raw = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

function closeRaw(db: Raw): Promise<void> {
  return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}

function bind(params: Params | undefined): unknown[] | Record<string, unknown> {
  if (!params) return [];
  if (Array.isArray(params)) return params as unknown[];
  // sqlite3 wants named parameters with their prefix.
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) named[key.startsWith('$') ? key : `$${key}`] = value;
  return named;
}

/** One connection with a cache of prepared statements (parsing SQL once per statement text). */
class Connection implements Queryable {
  /**
   * Prepared statements by SQL text, cached as the prepare under way: two callers asking for the
   * same SQL in the same tick share one statement. Caching only the finished statement let both
   * prepare, the second replaced the first in the cache, and the first was never finalized, so
   * close() failed with SQLITE_BUSY ("unfinalized statements") until the GC happened to run.
   */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  /**
   * Queries under way. Closing waits for them: a read started by background work (an event
   * listener, a timer) just before close would otherwise prepare a statement after the cache was
   * finalized, and SQLite refuses to close a connection with a statement left open.
   */
  private readonly inflight = new Set<Promise<unknown>>();
  private closing = false;

  /** Starts the work only when the connection is not closing, so nothing prepares a statement after finalize() took stock. */
  private track<T>(start: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error(`the database ${this.file} is closing`));
    const work = start();
    this.inflight.add(work);
    const done = () => void this.inflight.delete(work);
    work.then(done, done);
    return work;
  }

  constructor(
    readonly raw: Raw,
    private readonly file: string,
  ) {}

  private statement(sql: string): Promise<sqlite3.Statement> {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
      const stmt = this.raw.prepare(sql, (err) => {
        if (!err) return resolve(stmt);
        // A failed prepare holds no SQLite statement; it leaves the cache so the next call says why again.
        this.statements.delete(sql);
        reject(this.wrap(err));
      });
    });
    this.statements.set(sql, prepared);
    return prepared;
  }

  run(sql: string, params?: Params): Promise<RunResult> {
    return this.track(() => this.runNow(sql, params));
  }

  private async runNow(sql: string, params?: Params): Promise<RunResult> {
    const stmt = await this.statement(sql);
    const wrap = (err: Error) => this.wrap(err);
    return new Promise((resolve, reject) => {
      stmt.run(bind(params), function (this: sqlite3.RunResult, err: Error | null) {
        if (err) return reject(wrap(err));
        resolve({ lastId: this.lastID, changes: this.changes });
      });
    });
  }

  async get<T>(sql: string, params?: Params): Promise<T | undefined> {
    // Stepped to the end through all(): a statement left mid-way (as sqlite3's get() leaves it)
    // holds its read snapshot open, so the reader would go stale and the writer could not
    // checkpoint. Every get() here is on a key or has LIMIT 1.
    return (await this.all<T>(sql, params))[0];
  }

  all<T>(sql: string, params?: Params): Promise<T[]> {
    return this.track(() => this.allNow<T>(sql, params));
  }

  private async allNow<T>(sql: string, params?: Params): Promise<T[]> {
    const stmt = await this.statement(sql);
    return new Promise<T[]>((resolve, reject) => {
      stmt.all(bind(params), (err: Error | null, rows: T[]) => (err ? reject(this.wrap(err)) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.raw.exec(sql, (err) => (err ? reject(this.wrap(err)) : resolve())));
  }

  async finalize(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.inflight]);
    const prepared = await Promise.allSettled([...this.statements.values()]);
    await Promise.all(
      prepared.flatMap((p) => (p.status === 'fulfilled' ? [new Promise<void>((resolve) => p.value.finalize(() => resolve()))] : [])),
    );
    this.statements.clear();
  }

  /** Turns SQLite's file-level failures into errors that name the file. */
  wrap(err: Error & { code?: string }): Error {
    const code = err.code ?? '';
    const message = err.message ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
      return new DatabaseFileError(this.file, 'damaged', message);
    }
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code === 'SQLITE_CANTOPEN') {
      return new DatabaseFileError(this.file, 'unwritable', message);
    }
    return err;
  }
}

/**
 * Another program's SQLite file (tables, but no SafeFloor schema version) is refused before the
 * first write: switching it to WAL or adding our tables would change a file that is not ours.
 */
async function refuseForeign(writer: Connection, file: string): Promise<void> {
  const version = (await writer.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  if (version > 0) return;
  const tables = await writer.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'");
  if ((tables?.n ?? 0) > 0) throw new DatabaseFileError(file, 'damaged', 'it holds tables but no SafeFloor schema version: another program’s database');
}

export interface OpenOptions {
  /** Milliseconds a connection waits for another process's lock (the CLI beside a running hub). */
  busyTimeoutMs?: number;
}

export async function openSqlite(file: string, options: OpenOptions = {}): Promise<Database> {
  const busy = options.busyTimeoutMs ?? 5000;
  let writerRaw: Raw;
  try {
    // A new database is made owner-only (it holds PIN hashes and personal records); SQLite gives
    // its -wal and -shm the same permissions. An empty file is a valid new database to SQLite.
    if (!existsSync(file)) writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
    writerRaw = await open(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX);
  } catch (err) {
    throw new DatabaseFileError(file, 'unopenable', (err as Error).message);
  }
  const writer = new Connection(writerRaw, file);
  try {
    writerRaw.configure('busyTimeout', busy);
    // The first read of the file: a foreign or damaged file fails here, before anything is written.
    await writer.get('PRAGMA schema_version');
    await refuseForeign(writer, file);
    await writer.exec(
      // synchronous=FULL: a sign-in the client was told is saved survives a power cut.
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;',
    );
  } catch (err) {
    await closeRaw(writerRaw).catch(() => undefined);
    throw err instanceof DatabaseFileError ? err : writer.wrap(err as Error);
  }
  const readerRaw = await open(file, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
  readerRaw.configure('busyTimeout', busy);
  const reader = new Connection(readerRaw, file);
  const writes = new GroupCommitter(writer);

  return {
    file,
    run: (sql, params) => writes.transaction((tx) => tx.run(sql, params), { oneStatement: true }),
    get: (sql, params) => reader.get(sql, params),
    all: (sql, params) => reader.all(sql, params),
    exec: (sql) => writes.solo(() => writer.exec(sql)),
    transaction: (work, options) => writes.transaction(work, options),
    backup: (dest, backupOptions) => onlineBackup(file, dest, backupOptions),
    close: async () => {
      await writes.solo(async () => {
        await Promise.all([writer.finalize(), reader.finalize()]);
        await closeRaw(readerRaw);
        await closeRaw(writerRaw);
      });
    },
  };
}

/** A read-only connection of its own to a database the hub has open (an export's worker thread reads through one). */
export async function openSqliteReader(file: string, options: OpenOptions = {}): Promise<Queryable & { close(): Promise<void> }> {
  let raw: Raw;
  try {
    raw = await open(file, sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX);
  } catch (err) {
    throw new DatabaseFileError(file, 'unopenable', (err as Error).message);
  }
  raw.configure('busyTimeout', options.busyTimeoutMs ?? 5000);
  const reader = new Connection(raw, file);
  return {
    run: () => Promise.reject(new Error(`${file} is open read-only here`)),
    get: (sql, params) => reader.get(sql, params),
    all: (sql, params) => reader.all(sql, params),
    close: async () => {
      await reader.finalize();
      await closeRaw(raw);
    },
  };
}
