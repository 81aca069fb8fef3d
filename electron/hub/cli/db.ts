/**
 * `safefloor db …`: the way forward when the database file cannot be used. Runs in: plain Node.
 *
 *   db backups --data DIR                list the automatic backups and say what state the database is in
 *   db restore --data DIR --from BACKUP  put a backup in place; the current file is set aside, never deleted
 *   db new --data DIR                    start an empty database; the current file is set aside, never deleted
 *
 * Set aside means renamed, with its -wal and -shm, to safefloor.db.damaged-<UTC stamp> (or .old-<stamp>
 * when it was readable), so SQLite can still open it as it was for whoever wants to rescue from it.
 * A database that is fine is only replaced with --force; nothing runs while a hub uses the folder.
 */
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDatabaseFile } from '../db/backup.js';
import type { DatabaseFileError } from '../db/errors.js';
import { migrate, schemaVersion } from '../db/migrations.js';
import { openSqlite } from '../db/sqlite.js';
import { appendAudit } from '../db/stores/audit.js';
import { databaseFile } from '../hub.js';
import { backupsDir, backupTakenAt, listBackups } from '../services/backup.js';
import { UsageError } from './args.js';

export const dbUsage = `safefloor db backups --data DIR
  safefloor db restore --data DIR --from BACKUP [--force]
  safefloor db new --data DIR [--force]`;

const stamp = (at: number) => new Date(at).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The choices `serve` prints when it cannot open the database (and the db commands refer to). */
export function databaseChoices(err: DatabaseFileError, dataDir: string): string {
  const data = /[\s"']/.test(dataDir) ? `"${dataDir}"` : dataDir;
  const newest = listBackups(dataDir)[0];
  const lines = [`The database file ${err.file} was left exactly as it is.`, 'What you can do:'];
  if (err.reason === 'unwritable' || err.reason === 'unopenable') {
    lines.push(`  - Make room on the disk, or let this user write to ${dataDir}, then start again.`);
  }
  if (err.reason === 'future') {
    lines.push('  - Install the SafeFloor version that wrote this file (or a newer one), then start again.');
  }
  lines.push(
    `  - List the backups:        safefloor db backups --data ${data}` + (newest ? `   (newest: ${newest.name})` : '   (there are none yet)'),
    `  - Restore one:             safefloor db restore --data ${data} --from ${newest?.name ?? 'BACKUP'}`,
    `                             (the current file is kept beside it as safefloor.db.damaged-<time>)`,
    `  - Start a new database:    safefloor db new --data ${data}`,
    `                             (the current file is kept beside it; devices must be paired again)`,
  );
  return lines.join('\n');
}

/** True when a hub (`serve` or the desktop app) is running on this data folder right now. */
function hubRunning(dataDir: string): number | null {
  try {
    const { pid } = JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')) as { pid?: unknown };
    if (typeof pid !== 'number' || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Renames the database file and its -wal and -shm to `<file>.<label>-<stamp>`, keeping them together. */
function setAside(file: string, label: 'damaged' | 'old', at: number): string {
  let target = `${file}.${label}-${stamp(at)}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.${label}-${stamp(at)}-${n}`;
  // The -wal holds committed data the main file may not have yet: it must travel with it, renamed
  // so that SQLite still finds it beside the new name.
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  if (existsSync(file)) renameSync(file, target);
  return target;
}

function dataOption(values: { data?: string }): string {
  if (!values.data) throw new UsageError('--data DIR is required');
  return resolve(values.data);
}

function refuseWhileRunning(dataDir: string): void {
  const pid = hubRunning(dataDir);
  if (pid !== null) throw new Error(`a SafeFloor hub (process ${pid}) is using ${dataDir}: stop it first`);
}

async function backupsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } } });
  const dataDir = dataOption(values);
  const file = databaseFile(dataDir);
  if (!existsSync(file)) console.log(`Database: ${file} does not exist (a new one is made at the next start).`);
  else {
    const check = await checkDatabaseFile(file);
    const future = check.schemaVersion !== null && check.schemaVersion > schemaVersion;
    console.log(`Database: ${file}: ${check.ok ? (future ? `written by a newer SafeFloor (schema ${check.schemaVersion})` : 'checked, no damage found') : `DAMAGED or not a SafeFloor database (${check.detail})`}`);
  }
  const backups = listBackups(dataDir);
  if (backups.length === 0) {
    console.log(`No backups in ${backupsDir(dataDir)} yet.`);
    return 0;
  }
  console.log(`Backups in ${backupsDir(dataDir)}, newest first (each was checked when it was written):`);
  for (const b of backups) console.log(`  ${b.name}  ${new Date(b.at).toISOString()}  ${sizeOf(b.bytes)}`);
  return 0;
}

/** A backup by its name in backups/ or by a path. */
function findBackup(dataDir: string, from: string): string {
  const inFolder = join(backupsDir(dataDir), basename(from));
  const candidates = isAbsolute(from) || from.includes('/') || from.includes('\\') ? [resolve(from)] : [inFolder, resolve(from)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new UsageError(`no backup called ${from}: see safefloor db backups --data ${dataDir}`);
  return found;
}

/** Refuses to replace a database that is fine, unless asked to. Returns how to label the one set aside. */
async function currentState(file: string, force: boolean, what: string): Promise<'damaged' | 'old' | null> {
  if (!existsSync(file)) return null;
  const check = await checkDatabaseFile(file);
  const usable = check.ok && (check.schemaVersion ?? 0) <= schemaVersion;
  if (usable && !force) {
    throw new Error(`${file} is not damaged: ${what} would put aside everything recorded in it. Add --force to do it anyway (the file is kept beside it)`);
  }
  return usable ? 'old' : 'damaged';
}

async function restoreCommand(argv: string[], now: () => number): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const dataDir = dataOption(values);
  if (!values.from) throw new UsageError('--from BACKUP is required (a name from `safefloor db backups`)');
  refuseWhileRunning(dataDir);
  const source = findBackup(dataDir, values.from);
  const check = await checkDatabaseFile(source);
  if (!check.ok) throw new Error(`the backup ${source} is damaged (${check.detail}); choose another`);
  if ((check.schemaVersion ?? 0) > schemaVersion) throw new Error(`the backup ${source} was written by a newer SafeFloor; choose another or update SafeFloor`);
  const file = databaseFile(dataDir);
  const label = await currentState(file, values.force, 'restoring a backup');
  // Copied under a temporary name first: the live name only ever holds a whole file.
  const incoming = `${file}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(source, incoming);
  chmodSync(incoming, 0o600);
  const aside = label ? setAside(file, label, now()) : null;
  renameSync(incoming, file);
  // The restore itself is recorded, in the restored database's own chain.
  const db = await openSqlite(file);
  try {
    await migrate(db);
    await db.transaction((tx) =>
      appendAudit(tx, { at: now(), actor: 'local', action: 'db.restored', entity: 'database', record: { from: basename(source), set_aside: aside ? basename(aside) : null } }),
    );
  } finally {
    await db.close();
  }
  if (aside) console.log(`The previous database file was kept as ${aside}.`);
  const taken = backupTakenAt(basename(source));
  console.log(`Restored ${basename(source)} into ${file}.` + (taken ? ` Anything recorded after ${new Date(taken).toISOString()} is not in it.` : ''));
  return 0;
}

async function newCommand(argv: string[], now: () => number): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, force: { type: 'boolean', default: false } } });
  const dataDir = dataOption(values);
  refuseWhileRunning(dataDir);
  const file = databaseFile(dataDir);
  const label = await currentState(file, values.force, 'starting a new database');
  const aside = label ? setAside(file, label, now()) : null;
  const db = await openSqlite(file);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  if (aside) console.log(`The previous database file was kept as ${aside}.`);
  console.log(`A new, empty database is ready in ${file}. Pair every device again (safefloor device pair) and import the roster.`);
  return 0;
}

export async function dbCommand(argv: string[], now: () => number = Date.now): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'backups') return backupsCommand(rest);
  if (sub === 'restore') return restoreCommand(rest, now);
  if (sub === 'new') return newCommand(rest, now);
  throw new UsageError(`unknown command: db ${sub ?? ''}`.trim());
}
