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
}

const columns = 'id, employee_no, name, team, role, badge, pin_hash, active, failed_pins, locked_until';

export const findPersonByEmployeeNo = (db: Queryable, employeeNo: string) =>
  db.get<PersonRow>(`SELECT ${columns} FROM people WHERE employee_no = ?`, [employeeNo]);

export const findPersonByBadge = (db: Queryable, badge: string) =>
  db.get<PersonRow>(`SELECT ${columns} FROM people WHERE badge = ?`, [badge]);

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
}

export async function insertPerson(tx: Queryable, person: NewPerson, now: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO people (employee_no, name, team, role, badge, pin_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [person.employeeNo, person.name, person.team, person.role, person.badge, person.pinHash, now, now],
  );
  return lastId;
}

export const countPeople = async (db: Queryable) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM people'))?.n ?? 0;
