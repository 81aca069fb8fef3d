/** Hazards and their rectification (五定): report, plan, fix, verify by a second person. Runs in: the hub. */
import { ApiError, type HazardStatus, type HazardView } from '../../../shared/contract/index.js';
import { dayOf } from '../../../shared/domain/time.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database, Queryable } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { findUnitByTag } from '../db/stores/extinguishers.js';
import {
  allHazards,
  allHazardUpdates,
  findHazard,
  insertHazard,
  insertHazardUpdate,
  updatesOf,
  type HazardRow,
  type HazardUpdateRow,
} from '../db/stores/hazards.js';
import type { PinCheck } from './pin-check.js';
import type { SettingsSource } from './settings.js';

export interface HazardsDeps {
  db: Database;
  clock: Clock;
  checkPin: PinCheck;
  settings: SettingsSource;
}

interface Plan {
  responsible: string;
  measures: string;
  funding: string;
  deadline: string;
  interimSafeguard: string;
}

/** A hazard's state is the fold of its updates: the report itself is never rewritten. */
export function hazardView(h: HazardRow, updates: readonly HazardUpdateRow[], today: string): HazardView & { fixedById: number | null } {
  let status: HazardStatus = 'open';
  let plan: Plan | null = null;
  let fixedBy: string | null = null;
  let fixedById: number | null = null;
  let verifiedBy: string | null = null;
  for (const u of updates) {
    if (u.kind === 'plan') {
      plan = JSON.parse(u.details) as Plan;
      if (status === 'open') status = 'in_progress';
    } else if (u.kind === 'fixed') {
      status = 'fixed';
      fixedBy = u.person_name;
      fixedById = u.person_id;
    } else if (u.kind === 'verified') {
      status = 'verified';
      verifiedBy = u.person_name;
    }
  }
  return {
    id: h.id,
    source: h.source,
    description: h.description,
    location: h.location,
    extinguisherTag: h.extinguisher_tag,
    itemNo: h.item_no,
    reportedAt: toInstant(h.reported_at),
    status,
    plan,
    fixedBy,
    fixedById,
    verifiedBy,
    overdue: (status === 'open' || status === 'in_progress') && plan != null && plan.deadline < today,
  };
}

/** Views of many hazards from all their updates, grouping the updates once. */
export function hazardViews(rows: readonly HazardRow[], updates: readonly HazardUpdateRow[], today: string) {
  const byHazard = new Map<number, HazardUpdateRow[]>();
  for (const u of updates) {
    const list = byHazard.get(u.hazard_id);
    if (list) list.push(u);
    else byHazard.set(u.hazard_id, [u]);
  }
  return rows.map((h) => hazardView(h, byHazard.get(h.id) ?? [], today));
}

const strip = ({ fixedById: _fixedById, ...view }: HazardView & { fixedById: number | null }): HazardView => view;

export function createHazardsService({ db, clock, checkPin, settings }: HazardsDeps) {
  const today = async () => dayOf(clock.now(), (await settings.current()).timeZone);

  async function load(q: Queryable, id: number) {
    const h = await findHazard(q, id);
    if (!h) throw new ApiError('unknown_hazard');
    return hazardView(h, await updatesOf(q, [id]), await today());
  }

  async function update(id: number, caller: Caller, kind: HazardUpdateRow['kind'], allowed: readonly HazardStatus[], details: unknown, personId: number | null, check?: (current: ReturnType<typeof hazardView>) => void) {
    const at = clock.now();
    await db.transaction(async (tx) => {
      const current = await load(tx, id);
      if (!allowed.includes(current.status)) throw new ApiError('hazard_wrong_state', { status: current.status });
      check?.(current);
      const updateId = await insertHazardUpdate(tx, { hazardId: id, kind, details, personId, at, deviceId: caller.device?.id ?? null });
      await appendAudit(tx, { at, actor: actorOf(caller), action: `hazard.${kind}`, entity: 'hazard_updates', entityId: updateId, record: { id: updateId, hazard_id: id, kind, details, person_id: personId, at } });
    });
    return strip(await load(db, id));
  }

  return {
    async report(input: { description: string; location: string; extinguisherTag?: string }, caller: Caller): Promise<HazardView> {
      const unit = input.extinguisherTag ? await findUnitByTag(db, input.extinguisherTag) : undefined;
      if (input.extinguisherTag && !unit) throw new ApiError('unknown_extinguisher', { tag: input.extinguisherTag });
      const at = clock.now();
      const source = caller.device?.role === 'kiosk' ? 'kiosk' : 'warden';
      const id = await db.transaction(async (tx) => {
        const id = await insertHazard(tx, { source, description: input.description, location: input.location, unitId: unit?.id ?? null, checkId: null, itemNo: null, at, deviceId: caller.device?.id ?? null });
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'hazard.reported', entity: 'hazards', entityId: id, record: { id, source, description: input.description, location: input.location, extinguisher_id: unit?.id ?? null } });
        return id;
      });
      return strip(await load(db, id));
    },

    async list(status: 'open' | 'all'): Promise<{ hazards: HazardView[] }> {
      const [rows, updates, day] = await Promise.all([allHazards(db), allHazardUpdates(db), today()]);
      const views = hazardViews(rows, updates, day).map(strip);
      const shown = status === 'all' ? views : views.filter((v) => v.status !== 'verified');
      // Overdue first, then the oldest.
      return { hazards: shown.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.id - b.id) };
    },

    plan: (input: { hazardId: number } & Plan, caller: Caller) => {
      const { hazardId, ...plan } = input;
      return update(hazardId, caller, 'plan', ['open', 'in_progress'], plan, null);
    },

    async fix(input: { hazardId: number; employeeNo: string; pin: string; note: string }, caller: Caller) {
      const person = await checkPin(input.employeeNo, input.pin, caller);
      return update(input.hazardId, caller, 'fixed', ['open', 'in_progress'], { note: input.note }, person.id);
    },

    async verify(input: { hazardId: number; employeeNo: string; pin: string; note: string }, caller: Caller) {
      const person = await checkPin(input.employeeNo, input.pin, caller);
      return update(input.hazardId, caller, 'verified', ['fixed'], { note: input.note }, person.id, (current) => {
        if (current.fixedById === person.id) throw new ApiError('verifier_must_differ');
      });
    },
  };
}

export type HazardsService = ReturnType<typeof createHazardsService>;
