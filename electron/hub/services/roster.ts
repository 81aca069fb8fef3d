/**
 * Roster import: reads a CSV file (readCsv: UTF-8 with or without BOM, GBK/GB18030, quoted fields,
 * columns by header), plans it against the stored roster with the rules of shared/domain/roster.ts,
 * and, unless it is a preview, applies the valid rows in one transaction with an audit entry each.
 * The admin screen (roster.preview / roster.import) and `safefloor roster import` both run this.
 * Runs in: the hub.
 *
 * The slow part is the PINs: a PIN in the file is compared with the stored hash (scrypt) to know
 * whether it changes, and hashed when it does. That work runs before the write transaction, two at a
 * time (leaving the thread pool to PIN sign-ins at the door), reports progress and can be cancelled;
 * inside the transaction the plan is made again against the roster as it is then, so a change made
 * meanwhile is never overwritten blindly.
 */
import { createHash } from 'node:crypto';
import type { TFunction } from 'i18next';
import { ApiError, type RosterProgress, type RosterReport, type SupervisorAuth } from '../../../shared/contract/index.js';
import {
  countPlan,
  planRoster,
  requiredRosterColumns,
  rosterColumnOf,
  type PlannedRow,
  type RosterColumn,
  type RosterPlan,
  type RosterReason,
  type RosterRowInput,
  type StoredPerson,
} from '../../../shared/domain/roster.js';
import { calendarDayOf } from '../../../shared/domain/shift.js';
import type { Language } from '../../../shared/i18n/index.js';
import { hashPin, verifyPin } from '../auth/pin.js';
import type { Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database, Queryable } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { allPeople, findPersonById, insertPerson, setPin, updatePerson, type PersonRow } from '../db/stores/people.js';
import { insertTrainingRecord } from '../db/stores/training.js';
import { CsvFileError, readCsv, type Encoding } from '../import/csv-file.js';
import type { SettingsSource } from './settings.js';
import type { SupervisorAuthService } from './supervisor-auth.js';
import { auditedPerson } from './people.js';

export interface RosterDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  supervisor: SupervisorAuthService;
  t: TFunction;
}

export type RosterFileInput = { base64: string } | { text: string };

export interface RunOptions {
  deactivateMissing: boolean;
  /** False: a preview (or `--dry-run`), nothing changes. */
  apply: boolean;
  caller: Caller;
  /** The supervisor who authorised it (null: the local command line). */
  byPersonId: number | null;
  jobId?: string;
  onProgress?(progress: Omit<RosterProgress, 'jobId'>): void;
  signal?: AbortSignal;
}

interface Job {
  progress: Omit<RosterProgress, 'jobId'>;
  controller: AbortController;
  endedAt: number | null;
}

/** Two scrypt computations at a time: the pool has four threads, and sign-ins by PIN need them too. */
const pinConcurrency = 2;
const jobMemoryMs = 10 * 60_000;

interface ReadRoster {
  encoding: Encoding;
  columns: string[];
  ignoredColumns: string[];
  rows: RosterRowInput[];
  sha256: string;
}

/** The file's rows by roster column, or a refusal naming what is wrong with the file as a whole. */
export function readRosterFile(bytes: Uint8Array): ReadRoster {
  let file;
  try {
    file = readCsv(bytes, []);
  } catch (err) {
    if (err instanceof CsvFileError && err.code === 'malformed') {
      throw new ApiError('roster_file_malformed', { line: Number(/line (\d+)/.exec(err.message)?.[1] ?? 0) });
    }
    if (err instanceof CsvFileError) throw new ApiError('roster_file_empty');
    throw err;
  }
  const byColumn = new Map<RosterColumn, string>();
  const columns: string[] = [];
  const ignoredColumns: string[] = [];
  for (const header of file.headers) {
    const column = rosterColumnOf(header);
    if (!column) {
      if (header !== '') ignoredColumns.push(header);
      continue;
    }
    if (byColumn.has(column)) throw new ApiError('roster_duplicate_column', { column });
    byColumn.set(column, header);
    columns.push(column);
  }
  const missing = requiredRosterColumns.filter((c) => !byColumn.has(c));
  if (missing.length) throw new ApiError('roster_missing_columns', { columns: missing.join(', ') });
  const rows = file.rows
    .map((row) => ({ line: row.line, cells: Object.fromEntries([...byColumn].map(([column, header]) => [column, row.values[header] ?? ''])) }))
    // A row of empty cells (Excel leaves them at the end of a sheet) is not a person.
    .filter((row) => Object.values(row.cells).some((v) => v.trim() !== ''));
  return { encoding: file.encoding, columns, ignoredColumns, rows, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const storedPerson = (p: PersonRow): StoredPerson => ({
  employeeNo: p.employee_no,
  name: p.name,
  team: p.team,
  role: p.role,
  badge: p.badge,
  hasPin: p.pin_hash !== null,
  active: p.active === 1,
  trainingPassedOn: p.training_passed_on,
  trainingExpiresOn: p.training_expires_on,
});

async function loadRoster(q: Queryable) {
  const rows = await allPeople(q);
  return { rows: new Map(rows.map((r) => [r.employee_no, r])), stored: new Map(rows.map((r) => [r.employee_no, storedPerson(r)])) };
}

/**
 * Runs work over items, at most `limit` at once. On the first failure the other workers finish the
 * item in hand and stop; only then is the failure thrown, so nothing of this job is still running
 * (or still reporting progress) once the caller has been told it ended.
 */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}

export function createRosterService({ db, clock, settings, supervisor, t }: RosterDeps) {
  const jobs = new Map<string, Job>();
  let busy = false;

  function forgetOldJobs() {
    const now = clock.now();
    for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > jobMemoryMs) jobs.delete(id);
  }

  function reasonView(reason: RosterReason, lng: Language) {
    return { code: reason.code, params: reason.params, message: t(`roster.reasons.${reason.code}`, { ...reason.params, lng }) };
  }

  function report(file: ReadRoster, plan: RosterPlan, applied: boolean, lng: Language): RosterReport {
    const separator = lng === 'zh-CN' ? '；' : '; ';
    return {
      applied,
      encoding: file.encoding,
      columns: file.columns,
      ignoredColumns: file.ignoredColumns,
      counts: countPlan(plan),
      rows: plan.rows.map((r) => ({ line: r.line, employeeNo: r.employeeNo, name: r.next.name, action: r.action, changes: r.changes, active: r.next.active })),
      rejected: plan.rejected.map((r) => {
        const reasons = r.reasons.map((reason) => reasonView(reason, lng));
        return { line: r.line, employeeNo: r.employeeNo, reasons, message: reasons.map((x) => x.message).join(separator) };
      }),
      deactivate: plan.deactivate,
    };
  }

  async function apply(tx: Queryable, row: PlannedRow, current: PersonRow | undefined, pinHash: string | null, options: RunOptions, at: number) {
    const deviceId = options.caller.device?.id ?? null;
    const next = row.next;
    let id: number;
    if (!current) {
      id = await insertPerson(
        tx,
        { employeeNo: row.employeeNo, name: next.name, team: next.team, role: next.role, badge: next.badge, pinHash, active: next.active, trainingPassedOn: next.trainingPassedOn, trainingExpiresOn: next.trainingExpiresOn },
        at,
      );
    } else {
      id = current.id;
      await updatePerson(tx, id, next, at);
      // A new PIN also lifts a lockout, as a reset by a supervisor does.
      if (pinHash) await setPin(tx, id, pinHash, at);
    }
    if (row.changes.includes('training')) {
      await insertTrainingRecord(tx, { person_id: id, passed_on: next.trainingPassedOn, expires_on: next.trainingExpiresOn, source: 'import', recorded_by: options.byPersonId, at, device_id: deviceId });
    }
    const person = (await findPersonById(tx, id))!;
    await appendAudit(tx, {
      at,
      actor: actorOf(options.caller),
      action: current ? 'people.import_update' : 'people.import_add',
      entity: 'people',
      entityId: id,
      record: { ...auditedPerson(person, options.byPersonId), changes: row.changes },
    });
  }

  /** Reads, plans, checks the PINs and (unless a preview) writes. */
  async function run(bytes: Uint8Array, options: RunOptions): Promise<RosterReport> {
    const lng = options.caller.language;
    const progress: Omit<RosterProgress, 'jobId'> = { phase: 'reading', done: 0, total: 0 };
    const tell = () => options.onProgress?.({ ...progress });
    const cancelled = () => {
      if (options.signal?.aborted) throw new ApiError('roster_cancelled');
    };
    tell();
    const file = readRosterFile(bytes);
    const site = await settings.current();
    const base = { deactivateMissing: options.deactivateMissing, today: calendarDayOf(clock.now(), site.timeZone), trainingValidMonths: site.trainingValidMonths };
    const before = await loadRoster(db);

    // Which PINs would change: compared with the stored hash; hashed only for an import.
    const given = planRoster(file.rows, before.stored, { ...base, samePin: () => false }).rows.filter((r) => r.pin !== null);
    const matched = new Map<string, string>();
    const fresh = new Map<string, string>();
    progress.phase = 'checking_pins';
    progress.total = given.length;
    tell();
    await eachLimited(given, pinConcurrency, async (row) => {
      cancelled();
      const hash = before.rows.get(row.employeeNo)?.pin_hash;
      if (hash && (await verifyPin(row.pin!, hash))) matched.set(row.employeeNo, hash);
      else if (options.apply) fresh.set(row.employeeNo, await hashPin(row.pin!));
      progress.done++;
      tell();
    });
    cancelled();
    const samePinAs = (people: Map<string, PersonRow>) => (employeeNo: string) => {
      const hash = matched.get(employeeNo);
      return hash !== undefined && hash === people.get(employeeNo)?.pin_hash;
    };
    if (!options.apply) {
      const plan = planRoster(file.rows, before.stored, { ...base, samePin: samePinAs(before.rows) });
      progress.phase = 'done';
      tell();
      return report(file, plan, false, lng);
    }

    progress.phase = 'writing';
    tell();
    const at = clock.now();
    const plan = await db.transaction(async (tx) => {
      const now = await loadRoster(tx);
      const planned = planRoster(file.rows, now.stored, { ...base, samePin: samePinAs(now.rows) });
      // A PIN that matched before but was changed by someone meanwhile has no hash ready: say so.
      const stale = planned.rows.filter((r) => r.pin !== null && !fresh.has(r.employeeNo));
      const final: RosterPlan = {
        rows: planned.rows.filter((r) => !stale.includes(r)),
        rejected: [...planned.rejected, ...stale.map((r) => ({ line: r.line, employeeNo: r.employeeNo, reasons: [{ code: 'changed_meanwhile' as const, params: {} }] }))].sort(
          (a, b) => a.line - b.line,
        ),
        deactivate: planned.deactivate,
      };
      for (const row of final.rows) {
        if (row.action === 'unchanged') continue;
        await apply(tx, row, now.rows.get(row.employeeNo), row.pin === null ? null : fresh.get(row.employeeNo)!, options, at);
      }
      for (const gone of final.deactivate) {
        const current = now.rows.get(gone.employeeNo)!;
        await updatePerson(tx, current.id, { ...storedPerson(current), active: false }, at);
        await appendAudit(tx, {
          at,
          actor: actorOf(options.caller),
          action: 'people.deactivate',
          entity: 'people',
          entityId: current.id,
          record: auditedPerson({ ...current, active: 0 }, options.byPersonId),
        });
      }
      await appendAudit(tx, {
        at,
        actor: actorOf(options.caller),
        action: 'roster.import',
        entity: 'roster',
        record: { sha256: file.sha256, counts: countPlan(final), deactivate_missing: options.deactivateMissing, by: options.byPersonId },
      });
      return final;
    });
    progress.phase = 'done';
    tell();
    return report(file, plan, true, lng);
  }

  function decode(csv: RosterFileInput): Uint8Array {
    return 'base64' in csv ? Buffer.from(csv.base64, 'base64') : Buffer.from(csv.text, 'utf8');
  }

  /** One roster job at a time, remembered under its jobId for roster.progress and roster.cancel. */
  async function asJob(jobId: string | undefined, work: (options: Pick<RunOptions, 'onProgress' | 'signal'>) => Promise<RosterReport>) {
    if (busy) throw new ApiError('roster_busy');
    busy = true;
    forgetOldJobs();
    const job: Job = { progress: { phase: 'reading', done: 0, total: 0 }, controller: new AbortController(), endedAt: null };
    if (jobId) jobs.set(jobId, job);
    try {
      // A job that has ended keeps its final phase, whatever a straggler reports.
      return await work({
        signal: job.controller.signal,
        onProgress: (p) => {
          if (job.endedAt === null) job.progress = p;
        },
      });
    } catch (err) {
      job.progress = { ...job.progress, phase: err instanceof ApiError && err.code === 'roster_cancelled' ? 'cancelled' : 'failed' };
      throw err;
    } finally {
      job.endedAt = clock.now();
      busy = false;
    }
  }

  return {
    run,

    preview(input: { csv: RosterFileInput; deactivateMissing: boolean; jobId?: string }, caller: Caller) {
      return asJob(input.jobId, (job) => run(decode(input.csv), { deactivateMissing: input.deactivateMissing, apply: false, caller, byPersonId: null, ...job }));
    },

    async import(input: { csv: RosterFileInput; deactivateMissing: boolean; jobId?: string; auth: SupervisorAuth }, caller: Caller) {
      const by = await supervisor.authorise(input.auth, caller);
      return asJob(input.jobId, (job) => run(decode(input.csv), { deactivateMissing: input.deactivateMissing, apply: true, caller, byPersonId: by.id, ...job }));
    },

    progress(jobId: string): RosterProgress {
      const job = jobs.get(jobId);
      if (!job) throw new ApiError('not_found');
      return { jobId, ...job.progress };
    },

    cancel(jobId: string): { cancelled: boolean } {
      const job = jobs.get(jobId);
      if (!job) throw new ApiError('not_found');
      if (job.endedAt !== null || job.progress.phase === 'writing') return { cancelled: false };
      job.controller.abort();
      return { cancelled: true };
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
