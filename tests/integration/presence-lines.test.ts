/**
 * An export takes the presence events' lines as SQLite writes them (db/stores/export.ts
 * `presenceLines`, export/presence-lines.ts) wherever they are sure to be what kinds.ts's line
 * writers give, and reads the rest row by row. These tests hold the quick way to the same bytes
 * for any names, teams and numbers, and to giving a page back where it cannot be sure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/hub/db/migrations.js';
import type { Database } from '../../electron/hub/db/port.js';
import { openSqlite } from '../../electron/hub/db/sqlite.js';
import { presenceLines, presencePage, type Period } from '../../electron/hub/db/stores/export.js';
import { presenceKind } from '../../electron/hub/export/kinds.js';
import { exportTimes } from '../../electron/hub/export/local-time.js';
import { checkPresenceLines, putPresenceLines } from '../../electron/hub/export/presence-lines.js';
import { keepingSink } from '../support/byte-sink.js';
import { startTestHub, tempDir } from '../support/hub.js';

let db: Database;
beforeAll(async () => {
  db = await openSqlite(join(tempDir(), 'presence.db'));
  await migrate(db);
  // Device ids of one, several and a minus sign's digits, which the CSV line copies as SQLite wrote them.
  for (const id of [3, 12345, -7]) await db.run("INSERT INTO devices (id, name, role, created_at) VALUES (?, 'entrance', 'kiosk', 0)", [id]);
});
afterAll(async () => db.close());

const zone = 'Europe/London';
const time = exportTimes(zone);
const everything: Period = { from: -8.64e15, to: 8.64e15 };

interface Person {
  employee_no: string;
  name: string;
  team: string;
}
interface Event {
  kind: 'in' | 'out';
  at: number;
  method: 'badge' | 'pin' | 'auto';
  automatic: 0 | 1;
  device_id: number | null;
}

async function fill(person: Person, events: Event[]) {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM presence_events');
    await tx.run('DELETE FROM people');
    await tx.run("INSERT INTO people (id, employee_no, name, team, role, created_at, updated_at) VALUES (1, ?, ?, ?, 'staff', 0, 0)", [person.employee_no, person.name, person.team]);
    for (const e of events) await tx.run('INSERT INTO presence_events (person_id, kind, at, method, automatic, device_id) VALUES (1, ?, ?, ?, ?, ?)', [e.kind, e.at, e.method, e.automatic, e.device_id]);
  });
}

/** The page's lines the quick way, or null where it gives the page back. */
async function quickLines(): Promise<{ csv: string; jsonl: string } | null> {
  const page = await presenceLines(db, 0, everything, 100).catch(() => undefined);
  const events = page?.odd === 0 && page.lines ? checkPresenceLines(page.lines, page.n) : null;
  if (!events) return null;
  const csv = keepingSink();
  const jsonl = keepingSink();
  putPresenceLines(page!.lines!, events, time, csv, jsonl);
  return { csv: csv.text(), jsonl: jsonl.text() };
}

/** What the row-by-row way writes. */
async function rowLines() {
  const rows = await presencePage(db, 0, everything, 100);
  return { csv: rows.map((r) => presenceKind.csvLine!(r, time)).join(''), jsonl: rows.map((r) => presenceKind.jsonLine!(r, time)).join('') };
}

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('张伟', '李娜', '客服一组', '', 'a,b', 'say "hi"', 'back\\slash', 'line\nbreak', 'cr\rx', 'tab\tx', '=SUM(A1)', '+1', '-2', '@x', 'bell\u0007', 'sep\u2028'),
);
const plainText = fc.oneof(fc.constantFrom('张伟', '李娜', '王芳', '客服一组', 'Team 1', 'O’Brien', ''), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._]{0,12}$/));
const event = (at: fc.Arbitrary<number>) =>
  fc.record<Event>({ kind: fc.constantFrom('in', 'out'), at, method: fc.constantFrom('badge', 'pin', 'auto'), automatic: fc.constantFrom(0, 1), device_id: fc.constantFrom(null, 3, 12345, -7) });
const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('presence lines as SQLite writes them', () => {
  it('are the row-by-row lines, byte for byte, for the names and teams people have', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ employee_no: fc.stringMatching(/^[0-9]{1,8}$/), name: plainText, team: plainText }), fc.array(event(instant), { minLength: 1, maxLength: 8 }), async (person, events) => {
        await fill(person, events);
        const quick = await quickLines();
        expect(quick).not.toBeNull();
        expect(quick).toEqual(await rowLines());
      }),
      { numRuns: 60 },
    );
  });

  it('are taken only where they are the row-by-row lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ employee_no: text, name: text, team: text }), fc.array(event(fc.oneof(instant, fc.double({ min: -1e13, max: 1e13, noNaN: true }))), { minLength: 1, maxLength: 4 }), async (person, events) => {
        await fill(person, events);
        const quick = await quickLines();
        if (quick) expect(quick).toEqual(await rowLines());
      }),
      { numRuns: 300 },
    );
  });

  it('are given back for what CSV would quote or guard or JSON escapes, text that is not UTF-8, and instants that are not whole', async () => {
    const person = { employee_no: '1001', name: '张伟', team: '客服一组' };
    const events: Event[] = [{ kind: 'in', at: Date.UTC(2026, 10, 26, 1), method: 'badge', automatic: 0, device_id: 3 }];
    await fill(person, events);
    expect(await quickLines()).toEqual(await rowLines());
    for (const change of [{ name: 'Zhang, Wei' }, { name: 'say "hi"' }, { team: 'line\nbreak' }, { name: '=HYPERLINK("x")' }, { team: '-1' }, { employee_no: '+86' }, { name: 'back\\slash' }, { team: 'bell\u0007' }]) {
      await fill({ ...person, ...change }, events);
      expect(await quickLines(), JSON.stringify(change)).toBeNull();
    }
    await fill(person, [{ ...events[0]!, at: 1.5 }]);
    expect(await quickLines()).toBeNull();
    await fill(person, events);
    await db.run("UPDATE people SET name = CAST(X'e5bca0ff' AS TEXT)");
    expect(await quickLines()).toBeNull();
  });
});

describe('an export’s presence files', () => {
  it('hold the row-by-row lines whichever way each page went', async () => {
    const t = await startTestHub();
    try {
      t.clock.ms = Date.parse('2026-11-26T01:00:00Z');
      // Three people whose names CSV must quote or guard, beside ones it writes as they are.
      await t.hub.db.run(`UPDATE people SET name = 'Zhang, "Wei"' WHERE badge = 'BADGE-1001'`);
      await t.hub.db.run(`UPDATE people SET name = '=1+1' WHERE badge = 'BADGE-1003'`);
      await t.hub.db.run(`UPDATE people SET team = 'line\nbreak' WHERE badge = 'BADGE-1005'`);
      for (let round = 0; round < 2; round++) {
        for (const no of [1001, 1002, 1003, 1004, 1005, 1006]) expect((await t.call('presence.toggle', { badge: `BADGE-${no}` })).status).toBe(200);
        t.clock.advance(60 * 60_000);
      }
      const { dir } = await t.hub.exports.run({ outDir: join(tempDir('safefloor-export-'), 'out') });
      const rows = await presencePage(t.hub.db, 0, everything, 1000);
      const zoneTime = exportTimes('Asia/Shanghai');
      const body = (file: string) => readFileSync(join(dir, file), 'utf8').split('\r\n').slice(1).join('\r\n');
      expect(rows.length).toBe(12);
      expect(body('presence_events.csv')).toBe(rows.map((r) => presenceKind.csvLine!(r, zoneTime)).join(''));
      expect(readFileSync(join(dir, 'presence_events.jsonl'), 'utf8')).toBe(rows.map((r) => presenceKind.jsonLine!(r, zoneTime)).join(''));
    } finally {
      await t.stop();
    }
  });
});
