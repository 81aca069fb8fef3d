/**
 * The hub's small database port. Services never see SQL; the stores under db/ do, through this.
 * Runs in: the hub (plain Node).
 */
import type { BackupOptions, BackupResult } from './backup.js';

export type SqlValue = string | number | bigint | null | Uint8Array;
export type Params = readonly SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  lastId: number;
  changes: number;
}

export interface Queryable {
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
}

export interface TransactionOptions {
  /**
   * `work` writes with exactly one statement (a trigger may write more): alone in the queue it then
   * runs without BEGIN and COMMIT, as SQLite makes every statement its own transaction. That is
   * two round trips to SQLite's thread fewer for the hottest write (a sign-in at the door).
   */
  oneStatement?: boolean;
}

export interface Database extends Queryable {
  /** The file this database lives in (named in every error about it). */
  readonly file: string;
  /**
   * Runs `work` inside one write transaction. Transactions run one after another; a thrown error
   * rolls everything back. Reads made through the Database itself (not `tx`) see only committed data.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Runs a script of several statements (migrations) on the writer connection. */
  exec(sql: string): Promise<void>;
  /**
   * Copies the database, as one committed state, into the new file `dest` (SQLite's online backup,
   * in steps, on a connection of its own: writes and reads go on meanwhile).
   */
  backup(dest: string, options?: BackupOptions): Promise<BackupResult>;
  close(): Promise<void>;
}
