/**
 * Exports a period of records as CSV + JSON Lines with a signed manifest. Runs in: the hub.
 *
 * Everything is written into a hidden folder beside the destination and renamed into place only
 * once signed, so a refused or cancelled export leaves nothing that looks like an export. The audit
 * chain is checked while it is written (audit-pass.ts); a hole or a changed entry refuses the
 * export before anything is signed.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { TFunction } from 'i18next';
import { nextDay, startOfDay } from '../../../shared/domain/time.js';
import { toInstant, type Clock } from '../clock.js';
import type { Database, Queryable } from '../db/port.js';
import { openSqliteReader } from '../db/sqlite.js';
import { appendAudit } from '../db/stores/audit.js';
import { auditLogSize, auditRange, recordExport, type Period } from '../db/stores/export.js';
import { softwareVersion } from '../version.js';
import { KindWriter, type WrittenFile } from './file-writer.js';
import { startHashThread } from './hash-thread.js';
import { runAuditPass } from './audit-pass.js';
import { auditKind, recordKinds, type RecordKind, type TimeText } from './kinds.js';
import { exportTimes } from './local-time.js';
import { allowedSignersName, exportFormat, manifestName, recordCount, signatureName, type Manifest } from './manifest.js';
import { exportPageSize } from './pages.js';
import { auditorReadme } from './readme.js';
import { ExportRefused } from './refused.js';
import { allowedSignersLine, fingerprint, signSha512, sshPublicKey } from './sshsig.js';

export { ExportRefused, exportPageSize };

export interface ExportProgress {
  done: number;
  total: number;
  stage: string;
}

export interface ExportOptions {
  outDir: string;
  /** First and last day (YYYY-MM-DD, inclusive) in the site's time zone; open ends take everything. */
  from?: string;
  to?: string;
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  /** Who asked for it, for the audit log (`device:3`); the command line is `local`. */
  actor?: string;
  /** From how many audit entries on the audit log's part runs on a thread of its own (tests set it). */
  auditThreadFrom?: number;
}

export interface ExportDeps {
  db: Database;
  clock: Clock;
  key: KeyObject;
  principal: string;
  timeZone: string;
  language: string;
  t: TFunction;
}

const pageSize = exportPageSize;

interface RecordPage {
  count: number;
  /** The key of the page's last record. */
  last: number;
  write(writer: KindWriter): Promise<void>;
}

/** The page of records after `after`: as lines SQLite wrote where the kind can vouch for them, else row by row. Null at the end. */
async function recordPage(kind: RecordKind<any>, db: Queryable, after: number, period: Period, time: TimeText, timeZone: string): Promise<RecordPage | null> {
  const sql = kind.sqlLines;
  // A query that fails (json_quote refuses a BLOB where text belongs) leaves the page to the rows.
  const fast = sql ? await sql.read(db, after, period, pageSize).catch(() => undefined) : undefined;
  if (fast?.n === 0) return null;
  if (sql && fast?.odd === 0 && fast.lines && fast.last !== null) {
    const { lines, n } = fast;
    const checked = sql.check(lines, n);
    if (checked) return { count: n, last: fast.last, write: (writer) => writer.writeBytes(n, (csv, jsonl) => sql.put(lines, checked, time, csv, jsonl)) };
  }
  const rows = await kind.page(db, after, period, pageSize);
  if (rows.length === 0) return null;
  const write = (writer: KindWriter) =>
    kind.csvLine && kind.jsonLine
      ? writer.writeRows(rows, { csvLine: kind.csvLine, jsonLine: kind.jsonLine }, time)
      : writer.writePage(rows.map((row: unknown) => kind.toRecord(row, timeZone)));
  return { count: rows.length, last: kind.key(rows[rows.length - 1]), write };
}

export async function runExport(deps: ExportDeps, options: ExportOptions): Promise<{ manifest: Manifest; dir: string }> {
  const { db, clock, timeZone } = deps;
  if (options.from && options.to && options.from > options.to) throw new ExportRefused('bad_period', `--from ${options.from} is after --to ${options.to}`);
  const now = clock.now();
  const period: Period = {
    from: options.from ? startOfDay(options.from, timeZone) : 0,
    to: options.to ? startOfDay(nextDay(options.to), timeZone) : now + 1,
  };
  const outDir = resolve(options.outDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new ExportRefused('out_exists', `${outDir} is not empty`);
  mkdirSync(dirname(outDir), { recursive: true });
  const work = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}-${now}`);
  mkdirSync(work, { recursive: true });

  const writers: KindWriter[] = [];
  const thread = startHashThread();
  const records = await recordsReader(db);
  try {
    const label = (field: string) => deps.t(`export.columns.${field}`, { lng: deps.language, defaultValue: field });
    let done = 0;
    // Known once the period's audit entries are found and the records counted: progress is told from then on.
    let total: number | null = null;
    const step = (n: number, stage: string) => {
      if (options.signal?.aborted) throw new ExportRefused('cancelled', 'the export was cancelled');
      done += n;
      if (total !== null) options.onProgress?.({ done, total, stage });
    };

    // The audit entries (checked link by link; a hole or a change refuses the export) and the
    // records are written at once: the audit log's part on a thread of its own when it is big.
    // Nothing waits for what only the progress needs: the thread starts now and readies itself
    // while the period's audit entries are found, then the records are counted (both on the hub's
    // connection), and the records' pages start at once on the export's own.
    const logSize = await auditLogSize(db);
    const range = auditRange(db, period);
    const counts = Promise.all(recordKinds.map((kind) => kind.count(db, period)));
    const audit = runAuditPass(db, thread, { dir: work, labels: auditKind.csvFields.map(label), timeZone }, range, (n) => step(n, auditKind.name), {
      logSize,
      threadFrom: options.auditThreadFrom,
    });
    let auditFailed = false;
    audit.result.catch(() => (auditFailed = true));
    const counted = Promise.all([range, counts]).then(([auditEntries, recordCounts]) => {
      total = recordCounts.reduce((a, b) => a + b, 0) + (auditEntries ? auditEntries.lastSeq - auditEntries.firstSeq + 1 : 0);
      step(0, 'start');
    });
    // Awaited once the records are written; until then a failure waits there.
    counted.catch(() => undefined);
    const recordFiles: WrittenFile[] = [];
    try {
      const time = exportTimes(timeZone);
      for (const kind of recordKinds) {
        const writer = new KindWriter(work, kind.name, kind.jsonFields, kind.csvFields, thread);
        writers.push(writer);
        await writer.header(kind.csvFields.map(label));
        // Pages read one ahead: the next page's query runs on SQLite's thread while this one is written.
        const read = (after: number) => {
          const page = recordPage(kind, records, after, period, time, timeZone);
          page.catch(() => undefined);
          return page;
        };
        for (let page = await read(0); page; ) {
          const next = read(page.last);
          await page.write(writer);
          step(page.count, kind.name);
          // A refused chain ends the records too (the await throws its refusal).
          if (auditFailed) await audit.result;
          page = await next;
        }
        recordFiles.push(...(await writer.close()));
      }
      await counted;
    } catch (err) {
      // The audit log's part stops too, and its files are closed before the folder goes.
      audit.stop();
      await audit.result.catch(() => undefined);
      throw err;
    }
    const { files: auditFiles, chain } = await audit.result;
    const files: WrittenFile[] = [...auditFiles, ...recordFiles];

    const manifest: Manifest = {
      format: exportFormat,
      software: { name: 'SafeFloor', version: softwareVersion },
      device: { principal: deps.principal, publicKey: sshPublicKey(deps.key), fingerprint: fingerprint(deps.key) },
      createdAt: toInstant(now),
      language: deps.language,
      period: { from: options.from ?? null, to: options.to ?? null, timeZone, fromInstant: toInstant(period.from), toInstant: toInstant(period.to) },
      chain,
      files,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const manifestHash = createHash('sha512').update(manifestBytes).digest();
    if (options.signal?.aborted) throw new ExportRefused('cancelled', 'the export was cancelled');
    writeFileSync(join(work, manifestName), manifestBytes);
    writeFileSync(join(work, signatureName), signSha512(manifestHash, deps.key));
    writeFileSync(join(work, allowedSignersName), `${allowedSignersLine(deps.principal, deps.key)}\n`);
    writeFileSync(join(work, 'README.txt'), auditorReadme(deps.principal, fingerprint(deps.key)));
    if (existsSync(outDir)) rmSync(outDir, { recursive: true });
    renameSync(work, outDir);

    const recordTotal = recordCount(manifest);
    await db.transaction(async (tx) => {
      const row = { createdAt: now, period, firstSeq: chain?.firstSeq ?? null, lastSeq: chain?.lastSeq ?? null, lastHash: chain?.lastHash ?? null, manifestSha512: manifestHash.toString('hex'), records: recordTotal };
      const id = await recordExport(tx, row);
      await appendAudit(tx, { at: now, actor: options.actor ?? 'local', action: 'export.created', entity: 'exports', entityId: id, record: { id, ...row } });
    });
    return { manifest, dir: outDir };
  } catch (err) {
    await Promise.all(writers.map((writer) => writer.destroy()));
    rmSync(work, { recursive: true, force: true });
    throw err;
  } finally {
    thread.end();
    // A read-only connection that will not close leaves nothing unsaved: it must not turn a
    // finished export (already in place and recorded) into a failed one.
    await records.close().catch(() => undefined);
  }
}

/**
 * The export reads its records through a read-only connection of its own, closed when it ends.
 * On the hub's shared reader, which by then holds the prepared statements of everything the hub
 * has served, an export took 4.3-4.7 s instead of 3.8-4.2 s (one `SELECT * FROM people LIMIT 10`
 * before it was enough; the same query on another connection was not). The pages' SQL alone on a
 * connection holding 40 other prepared statements: 1.9 s of CPU instead of 1.2 s, with SQLite's
 * threads in malloc and free; most likely those statements hold the connection's lookaside
 * memory, which SQLite's text functions otherwise use for each line they write. The hub's own
 * reads (the door, who is on site) also no longer wait behind the export's pages. Where no second
 * connection can be opened (a database in memory, a file it cannot open again), the hub's own is
 * used.
 */
async function recordsReader(db: Database): Promise<Queryable & { close(): Promise<void> }> {
  const shared = { run: db.run.bind(db), get: db.get.bind(db), all: db.all.bind(db), close: async () => undefined };
  if (db.file === '' || db.file === ':memory:') return shared;
  return openSqliteReader(db.file).catch(() => shared);
}
