/**
 * People admin: search, list, add, edit, deactivate, reset PIN, record training. Runs in: the hub.
 * Every change is authorised by a supervisor (see supervisor-auth.ts) and audited with their id.
 * Nobody is ever deleted: a person who left is deactivated and their records stay.
 */
import { ApiError, type PersonDetail, type PersonRole, type SupervisorAuth } from '../../../shared/contract/index.js';
import { expiryFor, isTrainingProblem, trainingStatus, type TrainingStatus } from '../../../shared/domain/training.js';
import { calendarDayOf } from '../../../shared/domain/shift.js';
import type { SiteSettings } from '../../../shared/domain/site-settings.js';
import { hashPin } from '../auth/pin.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database, Queryable } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import {
  findPersonByBadge,
  findPersonByEmployeeNo,
  findPersonById,
  insertPerson,
  listPeople,
  searchPeople,
  setPin,
  teamNames,
  updatePerson,
  type PersonRow,
} from '../db/stores/people.js';
import { insertTrainingRecord, trainingHistory } from '../db/stores/training.js';
import type { SettingsSource } from './settings.js';
import type { SupervisorAuthService } from './supervisor-auth.js';

export interface PeopleDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
  supervisor: SupervisorAuthService;
}

/** The person as the audit log hashes it: no PIN hash, and who made the change. */
export const auditedPerson = (p: PersonRow, by: number | null) => ({
  id: p.id,
  employee_no: p.employee_no,
  name: p.name,
  team: p.team,
  role: p.role,
  badge: p.badge,
  active: p.active,
  training_passed_on: p.training_passed_on,
  training_expires_on: p.training_expires_on,
  by,
});

export function personTraining(p: Pick<PersonRow, 'training_passed_on' | 'training_expires_on'>, today: string, site: SiteSettings) {
  const dates = { passedOn: p.training_passed_on, expiresOn: p.training_expires_on };
  return { status: trainingStatus(dates, today, site.trainingExpiringDays), ...dates };
}

export function personDetail(p: PersonRow, today: string, site: SiteSettings, now: number): PersonDetail {
  return {
    employeeNo: p.employee_no,
    name: p.name,
    team: p.team,
    role: p.role,
    badge: p.badge,
    hasPin: p.pin_hash !== null,
    active: p.active === 1,
    lockedUntil: p.locked_until !== null && p.locked_until > now ? toInstant(p.locked_until) : null,
    training: personTraining(p, today, site),
  };
}

export function createPeopleService({ db, clock, settings, supervisor }: PeopleDeps) {
  async function site() {
    const s = await settings.current();
    return { site: s, today: calendarDayOf(clock.now(), s.timeZone) };
  }

  async function view(p: PersonRow): Promise<PersonDetail> {
    const { site: s, today } = await site();
    return personDetail(p, today, s, clock.now());
  }

  async function existing(q: Queryable, employeeNo: string): Promise<PersonRow> {
    const person = await findPersonByEmployeeNo(q, employeeNo);
    if (!person) throw new ApiError('unknown_person');
    return person;
  }

  async function badgeFree(q: Queryable, badge: string | null, personId: number | null) {
    if (badge === null) return;
    const holder = await findPersonByBadge(q, badge);
    if (holder && holder.id !== personId) throw new ApiError('badge_taken', { employeeNo: holder.employee_no });
  }

  function checkTraining(passedOn: string | null, expiresOn: string | null, today: string) {
    if ((passedOn && passedOn > today) || (passedOn && expiresOn && expiresOn < passedOn)) throw new ApiError('invalid_training_dates');
  }

  /** Applies a change to one person inside a transaction, audited, and answers with the person after it. */
  async function change(
    auth: SupervisorAuth,
    caller: Caller,
    action: string,
    work: (tx: Queryable, by: PersonRow, now: number) => Promise<PersonRow>,
  ): Promise<PersonDetail> {
    const by = await supervisor.authorise(auth, caller);
    const now = clock.now();
    const after = await db.transaction(async (tx) => {
      const person = await work(tx, by, now);
      await appendAudit(tx, { at: now, actor: actorOf(caller), action, entity: 'people', entityId: person.id, record: auditedPerson(person, by.id) });
      return person;
    });
    return view(after);
  }

  const reread = async (tx: Queryable, id: number) => (await findPersonById(tx, id))!;

  return {
    async search(query: string, limit: number) {
      const rows = await searchPeople(db, query, limit);
      return { people: rows.map((r) => ({ employeeNo: r.employee_no, name: r.name, team: r.team })) };
    },

    async list(filter: {
      query?: string;
      team?: string;
      status: 'active' | 'inactive' | 'all';
      training: 'any' | 'problem' | TrainingStatus;
      offset: number;
      limit: number;
    }) {
      const { site: s, today } = await site();
      const now = clock.now();
      const wanted = (status: TrainingStatus) =>
        filter.training === 'any' || (filter.training === 'problem' ? isTrainingProblem(status) : status === filter.training);
      const people = (await listPeople(db, filter)).map((p) => personDetail(p, today, s, now)).filter((p) => wanted(p.training.status));
      return { total: people.length, people: people.slice(filter.offset, filter.offset + filter.limit), teams: await teamNames(db) };
    },

    async get(employeeNo: string) {
      const person = await existing(db, employeeNo);
      const history = await trainingHistory(db, person.id);
      return {
        ...(await view(person)),
        trainingHistory: history.map((h) => ({
          passedOn: h.passed_on,
          expiresOn: h.expires_on,
          source: h.source,
          recordedAt: toInstant(h.at),
          recordedBy: h.recorded_by_employee_no,
        })),
      };
    },

    async add(
      input: {
        auth: SupervisorAuth;
        person: { employeeNo: string; name: string; team: string; role: PersonRole; badge: string | null; pin?: string; trainingPassedOn: string | null; trainingExpiresOn: string | null };
      },
      caller: Caller,
    ) {
      const { site: s, today } = await site();
      const p = input.person;
      const expiresOn = p.trainingPassedOn ? expiryFor(p.trainingPassedOn, p.trainingExpiresOn, s.trainingValidMonths) : p.trainingExpiresOn;
      checkTraining(p.trainingPassedOn, expiresOn, today);
      // Hashed before the transaction: a write transaction holds only database work.
      const pinHash = p.pin ? await hashPin(p.pin) : null;
      return change(input.auth, caller, 'people.create', async (tx, by, now) => {
        if (await findPersonByEmployeeNo(tx, p.employeeNo)) throw new ApiError('employee_no_taken', { employeeNo: p.employeeNo });
        await badgeFree(tx, p.badge, null);
        const id = await insertPerson(
          tx,
          { employeeNo: p.employeeNo, name: p.name, team: p.team, role: p.role, badge: p.badge, pinHash, trainingPassedOn: p.trainingPassedOn, trainingExpiresOn: expiresOn },
          now,
        );
        if (p.trainingPassedOn || expiresOn) {
          await insertTrainingRecord(tx, { person_id: id, passed_on: p.trainingPassedOn, expires_on: expiresOn, source: 'admin', recorded_by: by.id, at: now, device_id: caller.device?.id ?? null });
        }
        return reread(tx, id);
      });
    },

    update(input: { auth: SupervisorAuth; employeeNo: string; changes: { name?: string; team?: string; role?: PersonRole; badge?: string | null } }, caller: Caller) {
      return change(input.auth, caller, 'people.update', async (tx, _by, now) => {
        const person = await existing(tx, input.employeeNo);
        const c = input.changes;
        const badge = c.badge === undefined ? person.badge : c.badge;
        await badgeFree(tx, badge, person.id);
        await updatePerson(
          tx,
          person.id,
          {
            name: c.name ?? person.name,
            team: c.team ?? person.team,
            role: c.role ?? person.role,
            badge,
            active: person.active === 1,
            trainingPassedOn: person.training_passed_on,
            trainingExpiresOn: person.training_expires_on,
          },
          now,
        );
        return reread(tx, person.id);
      });
    },

    setActive(input: { auth: SupervisorAuth; employeeNo: string; active: boolean }, caller: Caller) {
      return change(input.auth, caller, input.active ? 'people.reactivate' : 'people.deactivate', async (tx, _by, now) => {
        const person = await existing(tx, input.employeeNo);
        await updatePerson(
          tx,
          person.id,
          {
            name: person.name,
            team: person.team,
            role: person.role,
            badge: person.badge,
            active: input.active,
            trainingPassedOn: person.training_passed_on,
            trainingExpiresOn: person.training_expires_on,
          },
          now,
        );
        return reread(tx, person.id);
      });
    },

    async resetPin(input: { auth: SupervisorAuth; employeeNo: string; pin: string }, caller: Caller) {
      const pinHash = await hashPin(input.pin);
      return change(input.auth, caller, 'people.pin_reset', async (tx, _by, now) => {
        const person = await existing(tx, input.employeeNo);
        await setPin(tx, person.id, pinHash, now);
        return reread(tx, person.id);
      });
    },

    async recordTraining(input: { auth: SupervisorAuth; employeeNos: string[]; passedOn: string; expiresOn: string | null }, caller: Caller) {
      const { site: s, today } = await site();
      const expiresOn = expiryFor(input.passedOn, input.expiresOn, s.trainingValidMonths);
      checkTraining(input.passedOn, expiresOn, today);
      const by = await supervisor.authorise(input.auth, caller);
      const now = clock.now();
      const unique = [...new Set(input.employeeNos)];
      const rows = await db.transaction(async (tx) => {
        const done: PersonRow[] = [];
        for (const employeeNo of unique) {
          const person = await existing(tx, employeeNo);
          await updatePerson(
            tx,
            person.id,
            { name: person.name, team: person.team, role: person.role, badge: person.badge, active: person.active === 1, trainingPassedOn: input.passedOn, trainingExpiresOn: expiresOn },
            now,
          );
          const record = await insertTrainingRecord(tx, {
            person_id: person.id,
            passed_on: input.passedOn,
            expires_on: expiresOn,
            source: 'admin',
            recorded_by: by.id,
            at: now,
            device_id: caller.device?.id ?? null,
          });
          await appendAudit(tx, { at: now, actor: actorOf(caller), action: 'training.recorded', entity: 'training_records', entityId: record.id, record });
          done.push(await reread(tx, person.id));
        }
        return done;
      });
      return { people: rows.map((p) => personDetail(p, today, s, now)) };
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
