/**
 * A pass at the door is written in one statement when nothing changed since the door looked
 * (door-pass.ts), else refused with nothing written so that the caller writes it inside a
 * transaction. Either way the history, the door's state and the audit chain must come out exactly
 * as the usual write would leave them.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/hub/db/migrations.js';
import type { Database } from '../../../electron/hub/db/port.js';
import { openSqlite } from '../../../electron/hub/db/sqlite.js';
import { appendAudit, checkAuditChain, entryHash } from '../../../electron/hub/db/stores/audit.js';
import { passInOneStatement, type DoorPass } from '../../../electron/hub/db/stores/door-pass.js';
import { doorState, insertPresenceEvent } from '../../../electron/hub/db/stores/presence.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { createHash } from 'node:crypto';
import { tempDir } from '../../support/hub.js';

const open: Database[] = [];
async function fresh() {
  const db = await openSqlite(join(tempDir(), 'test.db'));
  open.push(db);
  await migrate(db);
  for (let i = 1; i <= 3; i++) await db.run("INSERT INTO people (employee_no, name, team, role, created_at, updated_at) VALUES (?, ?, 'T', 'staff', 0, 0)", [String(1000 + i), `P${i}`]);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close().catch(() => undefined)));
});

/** The usual write: the event and its audit entry inside a transaction (this also tells the writer where things end). */
const usual = (db: Database, person: number, kind: 'in' | 'out', at: number) =>
  db.transaction(async (tx) => {
    const row = await insertPresenceEvent(tx, { person_id: person, kind, at, method: 'badge', automatic: 0, device_id: null });
    await appendAudit(tx, { at, actor: 'device:1', action: kind === 'in' ? 'presence.sign_in' : 'presence.sign_out', entity: 'presence_events', entityId: row.id, record: row });
    return row;
  });

const pass = async (db: Database, person: number, kind: 'in' | 'out', at: number): Promise<DoorPass> => {
  const state = await doorState(db, person);
  return {
    person_id: person,
    kind,
    at,
    method: 'badge',
    device_id: null,
    expectedEventId: state.last_event_id,
    actor: 'device:1',
    person: (await db.get<DoorPass['person']>('SELECT employee_no, name, team, role, badge, training_passed_on, training_expires_on FROM people WHERE id = ?', [person]))!,
    lastCheckAt: state.last_check_at,
  };
};
const oneStatement = (db: Database, p: DoorPass) => db.transaction((tx) => passInOneStatement(tx, p), { oneStatement: true });
const counts = async (db: Database) => db.get<{ events: number; entries: number }>('SELECT (SELECT count(*) FROM presence_events) AS events, (SELECT count(*) FROM audit_log) AS entries');

describe('a pass in one statement', () => {
  it('writes the event and the audit entry the usual write would, and keeps the chain whole', async () => {
    const db = await fresh();
    await usual(db, 1, 'in', 1000);
    const row = await oneStatement(db, await pass(db, 2, 'in', 2000));
    expect(row).toEqual({ id: 2, person_id: 2, kind: 'in', at: 2000, method: 'badge', automatic: 0, device_id: null });
    expect(await db.get('SELECT * FROM presence_events WHERE id = 2')).toEqual(row);
    expect(await db.get('SELECT person_id, event_id, kind, at FROM presence_current WHERE person_id = 2')).toEqual({ person_id: 2, event_id: 2, kind: 'in', at: 2000 });
    const entry = await db.get<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(entry).toMatchObject({ actor: 'device:1', action: 'presence.sign_in', entity: 'presence_events', entity_id: '2', at: 2000 });
    expect(entry!.record_hash).toBe(createHash('sha256').update(canonicalJson(row)).digest('hex'));
    expect(entry!.hash).toBe(entryHash(entry as never));
    // And the next usual write goes on from there.
    await usual(db, 3, 'in', 3000);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it('is refused, with nothing written, when the person passed the door since it looked', async () => {
    const db = await fresh();
    await usual(db, 1, 'in', 1000);
    const looked = await pass(db, 1, 'out', 2000);
    await usual(db, 1, 'out', 1500);
    const before = await counts(db);
    expect(await oneStatement(db, looked)).toBeNull();
    expect(await counts(db)).toEqual(before);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });

  it('is refused when another event or audit entry was written by other means, and works again after the usual write', async () => {
    const db = await fresh();
    await usual(db, 1, 'in', 1000);
    // Written on the side (as the command line beside the hub would): the writer's guesses are stale.
    await db.run("INSERT INTO presence_events (person_id, kind, at, method, automatic) VALUES (2, 'in', 1100, 'pin', 0)");
    const before = await counts(db);
    expect(await oneStatement(db, await pass(db, 3, 'in', 1200))).toBeNull();
    expect(await counts(db)).toEqual(before);
    await usual(db, 3, 'in', 1300);
    expect(await oneStatement(db, await pass(db, 1, 'out', 1400))).toMatchObject({ id: 4, kind: 'out' });
    const tail = await db.get<{ seq: number }>('SELECT max(seq) AS seq FROM audit_log');
    await db.run("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash) VALUES (?, 1, 'x', 'x', 'x', NULL, 'x', 'x', 'x')", [tail!.seq + 1]);
    expect(await oneStatement(db, await pass(db, 2, 'out', 1500))).toBeNull();
    expect(await db.get('SELECT count(*) AS n FROM presence_events WHERE at = 1500')).toEqual({ n: 0 });
  });

  it('is refused when anything the door decided on changed for the person: their row, their badge, their self-check', async () => {
    const db = await fresh();
    await usual(db, 1, 'in', 1000);
    const changes = [
      "UPDATE people SET name = 'Renamed' WHERE id = 2",
      "UPDATE people SET active = 0 WHERE id = 2",
      "UPDATE people SET training_expires_on = '2020-01-01' WHERE id = 2",
      "UPDATE people SET badge = 'B-NEW' WHERE id = 2",
      "UPDATE people SET role = 'warden' WHERE id = 2",
    ];
    for (const change of changes) {
      const looked = await pass(db, 2, 'in', 2000);
      await db.run(change);
      const before = await counts(db);
      expect(await oneStatement(db, looked), change).toBeNull();
      expect(await counts(db)).toEqual(before);
      // The usual write tells the writer again where things end.
      await usual(db, 3, (await doorState(db, 3)).last_kind === 'in' ? 'out' : 'in', 2100);
    }
    const looked = await pass(db, 1, 'out', 3000);
    await db.run("INSERT INTO checklists (version, items, created_at) VALUES (1, '[]', 0)");
    await db.run("INSERT INTO appearance_checks (person_id, checklist_id, at, flagged, required_flagged, via) VALUES (1, 1, 2500, '[]', 0, 'ticket')");
    expect(await oneStatement(db, looked)).toBeNull();
  });

  it('is not tried before the writer has written a pass the usual way', async () => {
    const db = await fresh();
    expect(await oneStatement(db, await pass(db, 1, 'in', 1000))).toBeNull();
    expect(await counts(db)).toMatchObject({ events: 0 });
  });

  it('keeps each pass all-or-nothing inside a batch of concurrent ones', async () => {
    const db = await fresh();
    await usual(db, 1, 'in', 1000);
    // Twenty passes at once: the writer runs them as one batch; each person's state moves on as they go.
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const person = (i % 3) + 1;
        return oneStatement(db, await pass(db, person, i % 2 === 0 ? 'in' : 'out', 2000 + i));
      }),
    );
    const written = results.filter(Boolean).length;
    expect(written).toBeGreaterThan(0);
    expect(await counts(db)).toMatchObject({ events: 1 + written });
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
    const ids = (await db.all<{ id: number }>('SELECT id FROM presence_events ORDER BY id')).map((r) => r.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
  });
});
