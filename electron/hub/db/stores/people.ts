/** Queries about people on the roster. Runs in: the hub. */
import type { PersonRole } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';

export interface PersonRow {
  id: number;
  employee_no: string;
  name: string;
  team: string;
  role: PersonRole;
  badge: string | null;
  pin_hash: string | null;
  active: 0 | 1;
  failed_pins: number;
  locked_until: number | null;
  training_passed_on: string | null;
  training_expires_on: string | null;
}

export const personColumns = 'id, employee_no, name, team, role, badge, pin_hash, active, failed_pins, locked_until, training_passed_on, training_expires_on';

export const findPersonByEmployeeNo = (db: Queryable, employeeNo: string) =>
  db.get<PersonRow>(`SELECT ${personColumns} FROM people WHERE employee_no = ?`, [employeeNo]);

export const findPersonByBadge = (db: Queryable, badge: string) =>
  db.get<PersonRow>(`SELECT ${personColumns} FROM people WHERE badge = ?`, [badge]);

export async function setPinFailures(tx: Queryable, personId: number, failures: number, lockedUntil: number | null, now: number) {
  await tx.run('UPDATE people SET failed_pins = ?, locked_until = ?, updated_at = ? WHERE id = ?', [
    failures,
    lockedUntil,
    now,
    personId,
  ]);
}

export interface NewPerson {
  employeeNo: string;
  name: string;
  team: string;
  role: PersonRole;
  badge: string | null;
  pinHash: string | null;
  active?: boolean;
  trainingPassedOn?: string | null;
  trainingExpiresOn?: string | null;
}

export async function insertPerson(tx: Queryable, person: NewPerson, now: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO people (employee_no, name, team, role, badge, pin_hash, active, training_passed_on, training_expires_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      person.employeeNo,
      person.name,
      person.team,
      person.role,
      person.badge,
      person.pinHash,
      person.active === false ? 0 : 1,
      person.trainingPassedOn ?? null,
      person.trainingExpiresOn ?? null,
      now,
      now,
    ],
  );
  return lastId;
}

export const findPersonById = (db: Queryable, id: number) => db.get<PersonRow>(`SELECT ${personColumns} FROM people WHERE id = ?`, [id]);

/** Every person, for the roster import to compare a file against (a few thousand rows at most). */
export const allPeople = (db: Queryable) => db.all<PersonRow>(`SELECT ${personColumns} FROM people ORDER BY employee_no`);

/** The stored fields a change may touch; the PIN hash only when given. */
export interface PersonUpdate {
  name: string;
  team: string;
  role: PersonRole;
  badge: string | null;
  active: boolean;
  trainingPassedOn: string | null;
  trainingExpiresOn: string | null;
  pinHash?: string;
}

export async function updatePerson(tx: Queryable, id: number, next: PersonUpdate, now: number): Promise<void> {
  await tx.run(
    `UPDATE people SET name = ?, team = ?, role = ?, badge = ?, active = ?, training_passed_on = ?, training_expires_on = ?,
            pin_hash = coalesce(?, pin_hash), updated_at = ? WHERE id = ?`,
    [next.name, next.team, next.role, next.badge, next.active ? 1 : 0, next.trainingPassedOn, next.trainingExpiresOn, next.pinHash ?? null, now, id],
  );
}

/** A new PIN, and any lockout lifted. */
export async function setPin(tx: Queryable, id: number, pinHash: string, now: number): Promise<void> {
  await tx.run('UPDATE people SET pin_hash = ?, failed_pins = 0, locked_until = NULL, updated_at = ? WHERE id = ?', [pinHash, now, id]);
}

/** LIKE pattern for "contains", with the wildcards in the text taken literally. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Active people whose name, employee number or team contains the text (a visitor's host). */
export const searchPeople = (db: Queryable, query: string, limit: number) =>
  db.all<Pick<PersonRow, 'employee_no' | 'name' | 'team'>>(
    `SELECT employee_no, name, team FROM people
      WHERE active = 1 AND (name LIKE $q ESCAPE '\\' OR employee_no LIKE $q ESCAPE '\\' OR team LIKE $q ESCAPE '\\')
      ORDER BY (employee_no = $exact) DESC, (name = $exact) DESC, name, employee_no LIMIT $limit`,
    { q: contains(query), exact: query, limit },
  );

export interface PeopleFilter {
  query?: string;
  team?: string;
  status: 'active' | 'inactive' | 'all';
}

function filterSql(filter: PeopleFilter): { where: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.status !== 'all') clauses.push(filter.status === 'active' ? 'active = 1' : 'active = 0');
  if (filter.query) {
    clauses.push(`(name LIKE $q ESCAPE '\\' OR employee_no LIKE $q ESCAPE '\\' OR badge = $exact)`);
    params.q = contains(filter.query);
    params.exact = filter.query;
  }
  if (filter.team !== undefined) {
    clauses.push('team = $team');
    params.team = filter.team;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** People for the admin list, by team and name (the training filter is applied by the caller). */
export function listPeople(db: Queryable, filter: PeopleFilter): Promise<PersonRow[]> {
  const { where, params } = filterSql(filter);
  return db.all<PersonRow>(`SELECT ${personColumns} FROM people ${where} ORDER BY team, name, employee_no`, params);
}

export const teamNames = async (db: Queryable) =>
  (await db.all<{ team: string }>("SELECT DISTINCT team FROM people WHERE active = 1 AND team <> '' ORDER BY team")).map((r) => r.team);

export const countPeople = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM people'))?.n ?? 0;
