/**
 * Automatic backups of the database. Runs in: the hub.
 *
 * Once a day at the site's `backupAt` (local time, site time zone) the database is copied with
 * SQLite's online backup (in steps, on a connection of its own: sign-ins go on meanwhile) into
 * <data>/backups/safefloor-<UTC stamp>.db. Each copy is written under a temporary name, checked
 * with `PRAGMA integrity_check`, and only then given its real name, so every file with a real
 * name is a whole, checked database. Copies older than `backupKeepDays` are removed; the newest
 * is always kept. A backup changes nothing in the database (no audit entry: it is not an act of a
 * person, and the copy is a file anyone can list with `safefloor db backups`).
 *
 * `run(at)` makes one now (tests call it at fixed instants). `start()` schedules the daily copy
 * and makes up a missed one a minute after start (never during start: the hub must answer fast).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lastCloseAt, nextCloseAfter } from '../../../shared/domain/shift.js';
import type { Clock } from '../clock.js';
import { checkDatabaseFile } from '../db/backup.js';
import type { Database } from '../db/port.js';
import type { Logger } from '../log.js';
import type { SettingsSource } from './settings.js';

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

const dayMs = 24 * 60 * 60_000;
const namePattern = /^safefloor-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.db$/;
/** A missed backup is made up this long after start, not during it. */
const catchUpDelayMs = 60_000;
/** setTimeout's longest delay is about 24.8 days; a clock jump must not overflow it. */
const maxDelayMs = 6 * 60 * 60_000;

export interface BackupFile {
  name: string;
  file: string;
  /** When the copy was taken (from its name). */
  at: number;
  bytes: number;
}

/** The file name of a backup taken at `at`: sortable, no colons (Windows), UTC. */
export function backupName(at: number): string {
  return `safefloor-${new Date(at).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.db`;
}

/** When a backup was taken, from its file name; null for a name that is not a backup's. */
export function backupTakenAt(name: string): number | null {
  const m = namePattern.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isFinite(at) ? at : null;
}

/** The finished backups in the data folder, newest first. Reads only the folder: works when the database itself cannot be opened. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const at = backupTakenAt(name);
      if (at === null) return [];
      const file = join(dir, name);
      return [{ name, file, at, bytes: statSync(file).size }];
    })
    .sort((a, b) => b.at - a.at);
}

export interface BackupDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  dataDir: string;
  log: Logger;
}

export function createBackupService({ db, clock, settings, dataDir, log }: BackupDeps) {
  const dir = backupsDir(dataDir);
  let running: Promise<BackupFile> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;

  async function copy(at: number): Promise<BackupFile> {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const name = backupName(at);
    const file = join(dir, name);
    const partial = join(dir, `.${name}.partial`);
    rmSync(partial, { force: true });
    try {
      await db.backup(partial);
      const check = await checkDatabaseFile(partial);
      if (!check.ok) throw new Error(`the copy failed its integrity check: ${check.detail}`);
      chmodSync(partial, 0o600);
      renameSync(partial, file);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    const kept = await prune(at);
    log.info('database backed up', { backup: name, kept });
    return { name, file, at, bytes: statSync(file).size };
  }

  /** Removes copies older than the site keeps them; the newest always stays. Returns how many are left. */
  async function prune(now: number): Promise<number> {
    const { backupKeepDays } = await settings.current();
    const all = listBackups(dataDir);
    const cutoff = now - backupKeepDays * dayMs;
    for (const old of all.slice(1)) if (old.at < cutoff) rmSync(old.file, { force: true });
    return listBackups(dataDir).length;
  }

  /** Makes a backup now (one at a time: a second call while one runs gets the same copy). */
  function run(at: number = clock.now()): Promise<BackupFile> {
    running ??= copy(at).finally(() => {
      running = null;
    });
    return running;
  }

  async function tick(): Promise<void> {
    timer = null;
    if (stopped) return;
    try {
      await run();
    } catch (err) {
      // Logged by name only: the message names a file, never a person.
      log.error('automatic backup failed', { error: (err as Error)?.name, detail: (err as Error)?.message });
    }
    await schedule().catch(() => undefined);
  }

  function arm(delay: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), Math.min(Math.max(delay, 1_000), maxDelayMs));
    // A pending backup must never keep a finishing process (the command line, a test) alive.
    timer.unref();
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    const site = await settings.current();
    const now = clock.now();
    arm(nextCloseAfter(now, site.timeZone, site.backupAt) - now);
  }

  /** Whether the latest scheduled backup time has passed without a backup since. */
  async function missed(at: number = clock.now()): Promise<boolean> {
    const site = await settings.current();
    const due = lastCloseAt(at, site.timeZone, site.backupAt);
    const newest = listBackups(dataDir)[0];
    return !newest || newest.at < due;
  }

  return {
    run,
    missed,
    list: () => listBackups(dataDir),
    async start(): Promise<void> {
      stopped = false;
      if (await missed()) arm(catchUpDelayMs);
      else await schedule();
    },
    /** Stops the schedule and waits for a backup under way, so the database can be closed after. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
