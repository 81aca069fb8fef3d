/**
 * Importing the extinguisher registry from a CSV file (`safefloor extinguishers import`). Runs in:
 * the hub. Same rules as the roster importer: columns by header name, any encoding Excel writes,
 * every valid row imported (a known tag updates that unit), every bad row named by its line.
 */
import type { TFunction } from 'i18next';
import { Tag } from '../../../shared/contract/extinguisher.js';
import { extinguisherTypes, type ExtinguisherType } from '../../../shared/domain/extinguisher-rules.js';
import { dayOf, isIsoDay } from '../../../shared/domain/time.js';
import type { Clock } from '../clock.js';
import type { Database, Queryable } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { findUnitByTag, insertUnit, updateUnit } from '../db/stores/extinguishers.js';
import { impossibleUnit, toFields, type UnitInput } from '../services/extinguishers.js';
import { readCsv, type Encoding } from './csv-file.js';

export const extinguisherColumns = ['tag', 'location', 'zone', 'type', 'size_kg', 'manufactured_on', 'last_repair_on', 'half_monthly'] as const;
const required = ['tag', 'location', 'type', 'size_kg', 'manufactured_on'];

export interface Rejection {
  line: number;
  code: string;
  message: string;
}

export interface ImportReport {
  encoding: Encoding;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
  dryRun: boolean;
}

const yes = new Set(['yes', 'y', 'true', '1', '是']);
const no = new Set(['no', 'n', 'false', '0', '否', '']);

type Parsed = { ok: true; unit: UnitInput } | { ok: false; code: string; params?: Record<string, string | number> };

function parseRow(v: Record<string, string>, today: string): Parsed {
  const tag = Tag.safeParse(v.tag ?? '');
  if (!tag.success) return { ok: false, code: 'bad_tag' };
  if (!v.location) return { ok: false, code: 'missing_location' };
  const type = (v.type ?? '').toLowerCase() as ExtinguisherType;
  if (!extinguisherTypes.includes(type)) return { ok: false, code: 'unknown_type', params: { value: v.type ?? '' } };
  const size = Number(v.size_kg);
  if (!v.size_kg || !Number.isFinite(size) || size <= 0 || size > 100) return { ok: false, code: 'bad_size', params: { value: v.size_kg ?? '' } };
  for (const column of ['manufactured_on', 'last_repair_on'] as const) {
    const value = v[column] ?? '';
    if ((column === 'manufactured_on' || value) && !isIsoDay(value)) return { ok: false, code: 'bad_date', params: { column, value } };
  }
  const half = (v.half_monthly ?? '').toLowerCase();
  if (!yes.has(half) && !no.has(half)) return { ok: false, code: 'bad_half_monthly', params: { value: v.half_monthly ?? '' } };
  const unit: UnitInput = {
    tag: tag.data,
    location: v.location,
    zone: v.zone ?? '',
    type,
    sizeKg: size,
    manufacturedOn: v.manufactured_on!,
    lastRepairOn: v.last_repair_on || null,
    halfMonthly: yes.has(half),
    hasGauge: type !== 'co2',
  };
  const impossible = impossibleUnit(unit, today);
  return impossible ? { ok: false, code: impossible } : { ok: true, unit };
}

export async function importExtinguishers(
  deps: { db: Database; clock: Clock; t: TFunction; language: string; timeZone: string },
  bytes: Uint8Array,
  options: { dryRun: boolean; actor: string },
): Promise<ImportReport> {
  const file = readCsv(bytes, required);
  const today = dayOf(deps.clock.now(), deps.timeZone);
  const rejected: Rejection[] = [];
  const reject = (line: number, code: string, params: Record<string, string | number> = {}) =>
    rejected.push({ line, code, message: deps.t(`import.reasons.${code}`, { ...params, lng: deps.language }) });
  const seen = new Map<string, number>();
  const valid: Array<{ line: number; unit: UnitInput }> = [];
  for (const row of file.rows) {
    const parsed = parseRow(row.values, today);
    if (!parsed.ok) {
      reject(row.line, parsed.code, parsed.params);
      continue;
    }
    // A row never overwrites another row of the same file: the later one is refused.
    const earlier = seen.get(parsed.unit.tag);
    if (earlier !== undefined) {
      reject(row.line, 'duplicate_in_file', { value: parsed.unit.tag, line: earlier });
      continue;
    }
    seen.set(parsed.unit.tag, row.line);
    valid.push({ line: row.line, unit: parsed.unit });
  }

  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const apply = async (write: boolean) => {
    const now = deps.clock.now();
    const work = async (q: Queryable) => {
      for (const { unit } of valid) {
        const existing = await findUnitByTag(q, unit.tag);
        const fields = toFields(unit);
        if (existing && existing.retired_at == null && Object.entries(fields).every(([k, v]) => existing[k as keyof typeof existing] === v)) {
          unchanged++;
          continue;
        }
        if (existing) updated++;
        else added++;
        if (!write) continue;
        const id = existing ? existing.id : await insertUnit(q, fields, today, now);
        if (existing) {
          await updateUnit(q, id, fields, now);
          if (existing.retired_at != null) await q.run('UPDATE extinguishers SET retired_at = NULL, retired_reason = NULL, in_service_since = ? WHERE id = ?', [today, id]);
        }
        await appendAudit(q, { at: now, actor: options.actor, action: existing ? 'extinguisher.updated' : 'extinguisher.added', entity: 'extinguishers', entityId: id, record: { id, ...fields, via: 'import' } });
      }
    };
    // All valid rows in one transaction: an import is never half applied.
    if (write) await deps.db.transaction(work);
    else await work(deps.db);
  };
  await apply(!options.dryRun);
  return { encoding: file.encoding, rows: file.rows.length, added, updated, unchanged, rejected, dryRun: options.dryRun };
}
