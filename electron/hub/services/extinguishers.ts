/**
 * The extinguisher registry and its monthly checks. Runs in: the hub. Dates and statuses come from
 * the pure engine in shared/domain/extinguisher-rules.ts with the site's rule table.
 */
import { ApiError, type ExtinguisherUnit } from '../../../shared/contract/index.js';
import { engineAnswers, extinguisherChecklist, checklistSource, inspectorItems, type ItemResult } from '../../../shared/domain/extinguisher-checklist.js';
import { checkStatus, lifeStatus, nextRepairOn, periodOf, previousPeriod, scrapOn, type ExtinguisherType, type RuleSet } from '../../../shared/domain/extinguisher-rules.js';
import { dayOf } from '../../../shared/domain/time.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import {
  checkDaysSince,
  checksBetween,
  cosignOf,
  findUnitByTag,
  insertCheck,
  insertCosign,
  insertUnit,
  lastCheckDays,
  lastCheckOf,
  retireUnit,
  unitsInService,
  updateUnit,
  type UnitFields,
  type UnitRow,
} from '../db/stores/extinguishers.js';
import { allHazards, allHazardUpdates, hazardsOfUnit, insertHazard, updatesOf } from '../db/stores/hazards.js';
import { findPersonByEmployeeNo } from '../db/stores/people.js';
import { hazardViews } from './hazards.js';
import type { PinCheck } from './pin-check.js';
import type { SettingsSource } from './settings.js';

export interface ExtinguishersDeps {
  db: Database;
  clock: Clock;
  checkPin: PinCheck;
  settings: SettingsSource;
}

export interface UnitInput {
  tag: string;
  location: string;
  zone: string;
  type: ExtinguisherType;
  sizeKg: number;
  manufacturedOn: string;
  lastRepairOn: string | null;
  halfMonthly: boolean;
  hasGauge: boolean;
}

export const toFields = (u: UnitInput): UnitFields => ({
  tag: u.tag,
  location: u.location,
  zone: u.zone,
  type: u.type,
  size_kg: u.sizeKg,
  manufactured_on: u.manufacturedOn,
  last_repair_on: u.lastRepairOn,
  half_monthly: u.halfMonthly ? 1 : 0,
  has_gauge: u.hasGauge ? 1 : 0,
});

/** Why a unit cannot be right, whoever sends it (screen or import): null when it can. */
export function impossibleUnit(u: Pick<UnitInput, 'manufacturedOn' | 'lastRepairOn'>, today: string): 'manufactured_in_future' | 'repair_before_manufacture' | 'repair_in_future' | null {
  if (u.manufacturedOn > today) return 'manufactured_in_future';
  if (u.lastRepairOn && u.lastRepairOn < u.manufacturedOn) return 'repair_before_manufacture';
  if (u.lastRepairOn && u.lastRepairOn > today) return 'repair_in_future';
  return null;
}

export function createExtinguishersService({ db, clock, checkPin, settings }: ExtinguishersDeps) {
  async function context() {
    const site = await settings.current();
    const today = dayOf(clock.now(), site.timeZone);
    return { site, today, rules: site.extinguisherRules as RuleSet };
  }

  function view(u: UnitRow, today: string, rules: RuleSet, checkDays: readonly string[], lastChecked: string | null, openHazards: number): ExtinguisherUnit {
    const dates = { type: u.type, manufacturedOn: u.manufactured_on, lastRepairOn: u.last_repair_on };
    return {
      tag: u.tag,
      type: u.type,
      location: u.location,
      zone: u.zone,
      sizeKg: u.size_kg,
      manufacturedOn: u.manufactured_on,
      lastRepairOn: u.last_repair_on,
      halfMonthly: u.half_monthly === 1,
      hasGauge: u.has_gauge === 1,
      nextRepairOn: nextRepairOn(dates, rules),
      scrapOn: scrapOn(dates, rules),
      lifeStatus: lifeStatus(dates, today, rules),
      checkStatus: checkStatus({ halfMonthly: u.half_monthly === 1, inServiceSince: u.in_service_since }, checkDays, today),
      lastCheckedOn: lastChecked,
      ruleSource: rules.source,
      openHazards,
    };
  }

  async function listUnits(): Promise<{ today: string; units: ExtinguisherUnit[] }> {
    const { today, rules } = await context();
    // Enough history for this period and the one before, for monthly and half-monthly units alike.
    const since = previousPeriod(today, false).start;
    const [units, days, last, hazards, updates] = await Promise.all([unitsInService(db), checkDaysSince(db, since), lastCheckDays(db), allHazards(db), allHazardUpdates(db)]);
    const daysOf = new Map<number, string[]>();
    for (const d of days) {
      const list = daysOf.get(d.extinguisher_id);
      if (list) list.push(d.checked_on);
      else daysOf.set(d.extinguisher_id, [d.checked_on]);
    }
    const lastOf = new Map(last.map((l) => [l.extinguisher_id, l.last]));
    const open = new Map<number, number>();
    hazardViews(hazards, updates, today).forEach((view, i) => {
      const unitId = hazards[i]!.extinguisher_id;
      if (unitId != null && view.status !== 'verified') open.set(unitId, (open.get(unitId) ?? 0) + 1);
    });
    return { today, units: units.map((u) => view(u, today, rules, daysOf.get(u.id) ?? [], lastOf.get(u.id) ?? null, open.get(u.id) ?? 0)) };
  }

  async function unitByTag(tag: string): Promise<ExtinguisherUnit> {
    const found = (await listUnits()).units.find((u) => u.tag === tag);
    if (!found) throw new ApiError('unknown_extinguisher', { tag });
    return found;
  }

  return {
    list: listUnits,

    async get(tag: string) {
      const row = await findUnitByTag(db, tag);
      if (!row || row.retired_at != null) throw new ApiError('unknown_extinguisher', { tag });
      const { today } = await context();
      const [unit, last, hazards] = await Promise.all([unitByTag(tag), lastCheckOf(db, row.id), hazardsOfUnit(db, row.id)]);
      const updates = await updatesOf(db, hazards.map((h) => h.id));
      const openHazards = hazardViews(hazards, updates, today)
        .filter((h) => h.status !== 'verified')
        .map(({ fixedById: _f, ...h }) => h);
      return {
        unit,
        lastCheck: last
          ? {
              id: last.id,
              checkedOn: last.checked_on,
              at: toInstant(last.at),
              inspector: { employeeNo: last.employee_no, name: last.name },
              results: JSON.parse(last.results) as Record<string, ItemResult>,
              gauge: last.gauge,
              note: last.note,
              ruleSet: last.rule_set,
            }
          : null,
        openHazards,
      };
    },

    /** Adds a unit, or edits the unit with that tag (a retired unit comes back into service). */
    async save(input: UnitInput, caller: Caller): Promise<ExtinguisherUnit> {
      const { today } = await context();
      const impossible = impossibleUnit(input, today);
      if (impossible) throw new ApiError('invalid_input', { detail: impossible });
      const now = clock.now();
      await db.transaction(async (tx) => {
        const existing = await findUnitByTag(tx, input.tag);
        const fields = toFields(input);
        let id: number;
        if (existing) {
          id = existing.id;
          await updateUnit(tx, id, fields, now);
          if (existing.retired_at != null) await tx.run('UPDATE extinguishers SET retired_at = NULL, retired_reason = NULL, in_service_since = ? WHERE id = ?', [today, id]);
        } else {
          id = await insertUnit(tx, fields, today, now);
        }
        await appendAudit(tx, { at: now, actor: actorOf(caller), action: existing ? 'extinguisher.updated' : 'extinguisher.added', entity: 'extinguishers', entityId: id, record: { id, ...fields } });
      });
      return unitByTag(input.tag);
    },

    async retire(tag: string, reason: string, caller: Caller) {
      const now = clock.now();
      await db.transaction(async (tx) => {
        const unit = await findUnitByTag(tx, tag);
        if (!unit || unit.retired_at != null) throw new ApiError('unknown_extinguisher', { tag });
        await retireUnit(tx, unit.id, reason, now);
        await appendAudit(tx, { at: now, actor: actorOf(caller), action: 'extinguisher.retired', entity: 'extinguishers', entityId: unit.id, record: { id: unit.id, retired_at: now, reason } });
      });
      return { tag, retired: true as const };
    },

    async check(input: { tag: string; results: Record<string, ItemResult>; gauge: 'green' | 'red' | 'yellow' | 'na'; note: string; inspectorEmployeeNo: string; signature: string }, caller: Caller) {
      const row = await findUnitByTag(db, input.tag);
      if (!row || row.retired_at != null) throw new ApiError('unknown_extinguisher', { tag: input.tag });
      const unexpected = Object.keys(input.results).filter((k) => !inspectorItems.includes(Number(k)));
      if (unexpected.length) throw new ApiError('invalid_input', { detail: `results: ${unexpected.join(', ')}` });
      const missing = inspectorItems.filter((no) => !(String(no) in input.results));
      if (missing.length) throw new ApiError('check_incomplete', { items: missing.join(', ') });
      const inspector = await findPersonByEmployeeNo(db, input.inspectorEmployeeNo);
      if (!inspector) throw new ApiError('unknown_person');
      if (!inspector.active) throw new ApiError('person_inactive');
      const { today, rules, site } = await context();
      const life = lifeStatus({ type: row.type, manufacturedOn: row.manufactured_on, lastRepairOn: row.last_repair_on }, today, rules);
      const results: Record<string, ItemResult> = { ...input.results };
      for (const [no, answer] of Object.entries(engineAnswers(life))) results[no] = answer;
      // A needle out of the green is item 17 failing, whatever was tapped.
      if (input.gauge === 'red' || input.gauge === 'yellow') results['17'] = 'fail';
      const failed = extinguisherChecklist.filter((item) => results[String(item.no)] === 'fail');
      const at = clock.now();
      const { checkId, opened } = await db.transaction(async (tx) => {
        const ruleSet = `${checklistSource}; ${rules.source}`;
        const checkId = await insertCheck(tx, { unitId: row.id, checkedOn: today, at, inspectorId: inspector.id, ruleSet, results: JSON.stringify(results), gauge: input.gauge, note: input.note, signature: input.signature, deviceId: caller.device?.id ?? null });
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'extinguisher.checked', entity: 'extinguisher_checks', entityId: checkId, record: { id: checkId, extinguisher_id: row.id, checked_on: today, inspector_id: inspector.id, rule_set: ruleSet, results, gauge: input.gauge, note: input.note } });
        // A defect already open for this unit and item is not opened twice.
        const existing = await hazardsOfUnit(tx, row.id);
        const existingUpdates = await updatesOf(tx, existing.map((h) => h.id));
        const openItems = new Set(hazardViews(existing, existingUpdates, today).filter((h) => h.status !== 'verified').map((h) => h.itemNo));
        const opened: number[] = [];
        for (const item of failed) {
          if (openItems.has(item.no)) continue;
          const description = item.label[site.language];
          const id = await insertHazard(tx, { source: 'check', description, location: row.location, unitId: row.id, checkId, itemNo: item.no, at, deviceId: caller.device?.id ?? null });
          await appendAudit(tx, { at, actor: actorOf(caller), action: 'hazard.reported', entity: 'hazards', entityId: id, record: { id, source: 'check', check_id: checkId, item_no: item.no, extinguisher_id: row.id } });
          opened.push(id);
        }
        return { checkId, opened };
      });
      return { checkId, hazardsOpened: opened, unit: await unitByTag(input.tag) };
    },

    async cosign(input: { month: string; employeeNo: string; pin: string; signature: string }, caller: Caller) {
      const person = await checkPin(input.employeeNo, input.pin, caller);
      // The department head co-signs: an admin on the roster, or a supervisor standing in.
      if (person.role !== 'admin' && person.role !== 'supervisor') throw new ApiError('pin_not_authorised');
      const checks = await checksBetween(db, `${input.month}-01`, `${input.month}-31`);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const id = await insertCosign(tx, input.month, person.id, input.signature, at, caller.device?.id ?? null);
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'extinguisher.round_cosigned', entity: 'check_round_cosigns', entityId: id, record: { id, month: input.month, person_id: person.id, checks: checks.length } });
      });
      return { month: input.month, cosignedAt: toInstant(at), checks: checks.length };
    },

    async dashboard() {
      const { units, today } = await listUnits();
      const hazards = await allHazards(db);
      const updates = await allHazardUpdates(db);
      const open = hazardViews(hazards, updates, today).filter((v) => v.status !== 'verified');
      return {
        today,
        total: units.length,
        checked: units.filter((u) => u.checkStatus === 'done').length,
        due: units.filter((u) => u.checkStatus === 'due').length,
        overdue: units.filter((u) => u.checkStatus === 'overdue').length,
        repairDue: units.filter((u) => u.lifeStatus === 'repair_due').length,
        scrapDue: units.filter((u) => u.lifeStatus === 'scrap_due').length,
        hazardsOpen: open.length,
        hazardsOverdue: open.filter((v) => v.overdue).length,
      };
    },

    /** The month's checks and co-signature, for the printable record. */
    async monthRecord(month: string) {
      const [checks, cosign] = await Promise.all([checksBetween(db, `${month}-01`, `${month}-31`), cosignOf(db, month)]);
      return { checks, cosign: cosign ?? null, period: periodOf(`${month}-01`, false) };
    },
  };
}

export type ExtinguishersService = ReturnType<typeof createExtinguishersService>;
