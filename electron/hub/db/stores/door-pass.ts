/**
 * A sign-in or sign-out at the door written in one statement: the event, its audit entry and the
 * checks that nothing changed since the door looked, all at once. Runs in: the hub.
 *
 * Each statement is a round trip to SQLite's thread, and a sign-in used six (the badge, BEGIN, the
 * door's state, the event, its audit entry, COMMIT) where the cheapest durable acknowledgement
 * uses one. Here the badge and the door's state are read together before (db/stores/presence.ts),
 * or remembered from the person's last pass, and the write is one INSERT into a temporary view
 * whose INSTEAD OF trigger refuses it when anything the door decided on is not what it was: the
 * person (active, badge, name, training), their latest event and self-check, the last event id,
 * the audit log's end. Otherwise it inserts the event (with the next id) and its audit entry.
 * One statement is its own transaction, so with nothing else in the writer's queue there is no
 * BEGIN or COMMIT either.
 * When the statement is refused (someone else wrote in between, or this connection does not know
 * yet where the log ends), the caller does the write the usual way, inside a transaction.
 */
import type { Queryable } from '../port.js';
import { appendedAudit, auditEndsBefore, nextAuditEntry, type AuditEntry } from './audit.js';
import type { PersonRow } from './people.js';
import { lastEventIdOf, rememberLastEventId, type PresenceEventRow } from './presence.js';

// Temporary: they belong to the writer connection (made at its first door pass), not to the file.
const schema = [
  `CREATE TEMP VIEW IF NOT EXISTS door_pass AS
     SELECT NULL AS id, NULL AS person_id, NULL AS kind, NULL AS at, NULL AS method, NULL AS device_id, NULL AS expected_event_id,
            NULL AS seq, NULL AS actor, NULL AS action, NULL AS entity_id, NULL AS record_hash, NULL AS prev_hash, NULL AS hash,
            NULL AS employee_no, NULL AS name, NULL AS team, NULL AS role, NULL AS badge, NULL AS training_passed_on, NULL AS training_expires_on,
            NULL AS last_check_at`,
  `CREATE TEMP TRIGGER IF NOT EXISTS door_pass_insert INSTEAD OF INSERT ON door_pass BEGIN
     SELECT RAISE(ABORT, 'door_pass_stale')
      WHERE coalesce((SELECT max(id) FROM main.presence_events), 0) <> NEW.id - 1
         OR coalesce((SELECT event_id FROM main.presence_current WHERE person_id = NEW.person_id), 0) <> NEW.expected_event_id
         OR NOT (${auditEndsBefore('NEW.seq', 'NEW.prev_hash')})
         -- The person as the door knew them (the door may have remembered them from an earlier scan).
         OR NOT EXISTS (SELECT 1 FROM main.people p WHERE p.id = NEW.person_id AND p.active = 1 AND p.employee_no = NEW.employee_no
                          AND p.name = NEW.name AND p.team = NEW.team AND p.role = NEW.role AND p.badge IS NEW.badge
                          AND p.training_passed_on IS NEW.training_passed_on AND p.training_expires_on IS NEW.training_expires_on)
         OR (SELECT max(at) FROM main.appearance_checks WHERE person_id = NEW.person_id) IS NOT NEW.last_check_at;
     INSERT INTO main.presence_events (id, person_id, kind, at, method, automatic, device_id)
       VALUES (NEW.id, NEW.person_id, NEW.kind, NEW.at, NEW.method, 0, NEW.device_id);
     INSERT INTO main.audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash)
       VALUES (NEW.seq, NEW.at, NEW.actor, NEW.action, 'presence_events', NEW.entity_id, NEW.record_hash, NEW.prev_hash, NEW.hash);
   END`,
];

/** Connections that have the view and its trigger. */
const prepared = new WeakSet<Queryable>();

export interface DoorPass {
  person_id: number;
  kind: PresenceEventRow['kind'];
  at: number;
  method: PresenceEventRow['method'];
  device_id: number | null;
  /** The person's latest event as the door read it (0: none). */
  expectedEventId: number;
  /** Who did it, for the audit log. */
  actor: string;
  /** The person as the door decided on them: the write is refused if any of this changed since. */
  person: Pick<PersonRow, 'employee_no' | 'name' | 'team' | 'role' | 'badge' | 'training_passed_on' | 'training_expires_on'>;
  /** Their latest self-check as the door read it (null: none). */
  lastCheckAt: number | null;
}

/**
 * Writes the pass in one statement, run as a one-statement transaction on the writer
 * (`db.transaction(tx => passInOneStatement(tx, …), { oneStatement: true })`). Null: refused,
 * nothing written; write it the usual way.
 */
export async function passInOneStatement(tx: Queryable, pass: DoorPass): Promise<PresenceEventRow | null> {
  const lastId = lastEventIdOf(tx);
  if (lastId === undefined) return null;
  const row: PresenceEventRow = { id: lastId + 1, person_id: pass.person_id, kind: pass.kind, at: pass.at, method: pass.method, automatic: 0, device_id: pass.device_id };
  const action = pass.kind === 'in' ? 'presence.sign_in' : 'presence.sign_out';
  const entry: AuditEntry | undefined = nextAuditEntry(tx, { at: pass.at, actor: pass.actor, action, entity: 'presence_events', entityId: row.id, record: row });
  if (!entry) return null;
  try {
    if (!prepared.has(tx)) {
      for (const sql of schema) await tx.run(sql);
      prepared.add(tx);
    }
    // Positional parameters, in the columns' order: binding 22 named ones cost a sign-in about 20 µs more.
    await tx.run(
      `INSERT INTO temp.door_pass (id, person_id, kind, at, method, device_id, expected_event_id, seq, actor, action, entity_id, record_hash, prev_hash, hash,
                                   employee_no, name, team, role, badge, training_passed_on, training_expires_on, last_check_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.person_id,
        row.kind,
        row.at,
        row.method,
        row.device_id,
        pass.expectedEventId,
        entry.seq,
        entry.actor,
        entry.action,
        entry.entity_id,
        entry.record_hash,
        entry.prev_hash,
        entry.hash,
        pass.person.employee_no,
        pass.person.name,
        pass.person.team,
        pass.person.role,
        pass.person.badge,
        pass.person.training_passed_on,
        pass.person.training_expires_on,
        pass.lastCheckAt,
      ],
    );
  } catch (err) {
    // Refused by the trigger, or the view went with a rolled-back batch: forget what this
    // connection remembered and let the caller write it the usual way.
    if (!/door_pass/.test(String((err as Error)?.message))) throw err;
    if (!/door_pass_stale/.test(String((err as Error)?.message))) prepared.delete(tx);
    rememberLastEventId(tx, undefined);
    appendedAudit(tx, null);
    return null;
  }
  rememberLastEventId(tx, row.id);
  appendedAudit(tx, entry);
  return row;
}
