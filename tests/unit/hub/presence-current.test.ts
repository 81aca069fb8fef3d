/**
 * presence_current is derived from the presence history by triggers. Who is on site, the daily
 * close and the door read it, so it must always say what the history says: each person's latest
 * event, also for a database upgraded with history already in it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../electron/hub/db/migrations.js';
import type { Database } from '../../../electron/hub/db/port.js';
import { openSqlite } from '../../../electron/hub/db/sqlite.js';
import { insertPresenceEvent, onSitePeople, signedInBefore } from '../../../electron/hub/db/stores/presence.js';
import { tempDir } from '../../support/hub.js';

const open: Database[] = [];
async function fresh() {
  const db = await openSqlite(join(tempDir(), 'test.db'));
  open.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close().catch(() => undefined)));
});

const currentIndex = migrations.findIndex((m) => m.sql.includes('CREATE TABLE presence_current'));

async function addPeople(db: Database, n: number) {
  for (let i = 1; i <= n; i++) {
    await db.run("INSERT INTO people (employee_no, name, team, role, created_at, updated_at) VALUES (?, ?, 'T', 'staff', 0, 0)", [String(1000 + i), `P${i}`]);
  }
}

/** The latest event of each person, straight from the history (what presence_current must equal). */
const fromHistory = (db: Database) =>
  db.all<{ person_id: number; event_id: number; kind: string; at: number }>(
    `SELECT e.person_id, e.id AS event_id, e.kind, e.at FROM presence_events e
      WHERE e.id = (SELECT max(id) FROM presence_events WHERE person_id = e.person_id) ORDER BY e.person_id`,
  );
const current = (db: Database) => db.all('SELECT person_id, event_id, kind, at FROM presence_current ORDER BY person_id');

/** A reproducible walk of sign-ins and sign-outs over a few people. */
function* walk(people: number, events: number) {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < events; i++) yield { person: (next() % people) + 1, kind: next() % 2 === 0 ? ('in' as const) : ('out' as const), at: 1000 + i };
}

describe('presence_current', () => {
  it('holds every person’s latest event as each one is written', async () => {
    const db = await fresh();
    await migrate(db);
    await addPeople(db, 6);
    for (const e of walk(6, 120)) {
      await db.transaction((tx) => insertPresenceEvent(tx, { person_id: e.person, kind: e.kind, at: e.at, method: 'badge', automatic: 0, device_id: null }));
    }
    expect(await current(db)).toEqual(await fromHistory(db));
    const onSite = (await fromHistory(db)).filter((r) => r.kind === 'in');
    expect((await onSitePeople(db)).map((r) => r.event_id)).toEqual(onSite.sort((a, b) => a.at - b.at).map((r) => r.event_id));
    expect((await signedInBefore(db, 1060)).map((r) => r.person_id)).toEqual(onSite.filter((r) => r.at < 1060).map((r) => r.person_id).sort((a, b) => a - b));
  });

  it('is filled from the history when an older database is upgraded', async () => {
    const db = await fresh();
    await migrate(db, migrations.slice(0, currentIndex));
    await addPeople(db, 5);
    for (const e of walk(5, 80)) {
      await db.run("INSERT INTO presence_events (person_id, kind, at, method) VALUES (?, ?, ?, 'badge')", [e.person, e.kind, e.at]);
    }
    await migrate(db);
    expect(await current(db)).toEqual(await fromHistory(db));
    expect((await current(db)).length).toBe(5);
  });

  it('follows the history should an event ever be changed or removed', async () => {
    const db = await fresh();
    await migrate(db);
    await addPeople(db, 3);
    for (const e of walk(3, 30)) await db.run("INSERT INTO presence_events (person_id, kind, at, method) VALUES (?, ?, ?, 'badge')", [e.person, e.kind, e.at]);
    const latest = (await fromHistory(db))[0]!;
    await db.run('DELETE FROM presence_events WHERE id = ?', [latest.event_id]);
    expect(await current(db)).toEqual(await fromHistory(db));
    await db.run("UPDATE presence_events SET kind = CASE kind WHEN 'in' THEN 'out' ELSE 'in' END WHERE id = (SELECT max(id) FROM presence_events)");
    expect(await current(db)).toEqual(await fromHistory(db));
    await db.run('DELETE FROM presence_events WHERE person_id = 2');
    expect(await current(db)).toEqual(await fromHistory(db));
  });
});
