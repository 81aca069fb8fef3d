/**
 * An export takes the audit log's lines as SQLite writes them (db/stores/export.ts `auditLines`,
 * export/audit-lines.ts) wherever they are sure to be what the line writers give, and reads the
 * rest row by row. These tests hold the two ways to the same bytes for any entries, and hold the
 * quick way to giving a stretch back whenever the chain is not whole.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/hub/db/migrations.js';
import type { Database } from '../../electron/hub/db/port.js';
import { openSqlite, openSqliteReader } from '../../electron/hub/db/sqlite.js';
import { entryHash, genesisHash, type AuditEntry } from '../../electron/hub/db/stores/audit.js';
import { auditLines } from '../../electron/hub/db/stores/export.js';
import { checkAuditLines, putAuditLines } from '../../electron/hub/export/audit-lines.js';
import { auditPass } from '../../electron/hub/export/audit-pass.js';
import { csvLine, utf8Bom } from '../../electron/hub/export/csv.js';
import { startHashThread } from '../../electron/hub/export/hash-thread.js';
import { auditKind } from '../../electron/hub/export/kinds.js';
import { exportTimes } from '../../electron/hub/export/local-time.js';
import { exportPageSize } from '../../electron/hub/export/pages.js';
import { keepingSink } from '../support/byte-sink.js';
import { tempDir } from '../support/hub.js';

let db: Database;
beforeAll(async () => {
  db = await openSqlite(join(tempDir(), 'audit.db'));
  await migrate(db);
});
afterAll(async () => db.close());
beforeEach(async () => {
  await db.run('DELETE FROM audit_log');
});

const zone = 'Asia/Shanghai';
const time = exportTimes(zone);

type Fields = Pick<AuditEntry, 'actor' | 'action' | 'entity' | 'entity_id' | 'record_hash'> & { at: number };

/** Appends entries as a whole, linked chain (hashed as the hub hashes them); gives them back as SQLite now holds them. */
async function appendChain(list: Fields[]): Promise<AuditEntry[]> {
  let prev = genesisHash;
  await db.transaction(async (tx) => {
    for (const [i, f] of list.entries()) {
      const entry = { seq: i + 1, ...f, prev_hash: prev };
      const hash = entryHash(entry);
      await tx.run('INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        entry.seq, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id, entry.record_hash, entry.prev_hash, hash,
      ]);
      prev = hash;
    }
  });
  return db.all<AuditEntry>('SELECT * FROM audit_log ORDER BY seq');
}

/** What the row-by-row way writes for these entries. */
const rowLines = (rows: AuditEntry[]) => ({
  csv: rows.map((r) => auditKind.csvLine(r, time)).join(''),
  jsonl: rows.map((r) => auditKind.jsonLine(r)).join(''),
});

const sink = () => keepingSink();

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const id = fc.stringMatching(/^[a-z][a-z0-9_.:]{0,20}$/);
// What the hub writes (ids, numbers as text), and what it never should but a database may hold.
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('a,b', 'say "hi"', 'back\\slash', 'line\nbreak', 'tab\tx', '=SUM(A1)', '+1', '-2', '@x', '张伟', '', 'del\x7f', 'é'),
);
const plainFields = fc.record<Fields>({ at: fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), actor: id, action: id, entity: id, entity_id: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)), record_hash: hex });
const anyFields = fc.record<Fields>({
  at: fc.oneof(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -1e12, max: -1 }), fc.double({ min: 0, max: 4e12, noNaN: true })),
  actor: fc.oneof(id, tricky),
  action: fc.oneof(id, tricky),
  entity: fc.oneof(id, tricky),
  entity_id: fc.option(fc.oneof(fc.stringMatching(/^[0-9]{1,9}$/), tricky)),
  record_hash: fc.oneof(hex, tricky),
});

describe('the audit log’s lines as SQLite writes them', () => {
  it('are the row-by-row lines, byte for byte, for plain entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plainFields, { minLength: 1, maxLength: 20 }), async (list) => {
        await db.run('DELETE FROM audit_log');
        const rows = await appendChain(list);
        const page = (await auditLines(db, 0, rows.length))!;
        expect(page).toMatchObject({ n: rows.length, odd: 0 });
        const entries = checkAuditLines(page.lines!, rows.length, { expected: 1, prev: genesisHash });
        expect(entries).not.toBeNull();
        const csv = sink();
        const jsonl = sink();
        putAuditLines(page.lines!, entries!, time.putLocal, csv, jsonl);
        expect({ csv: csv.text(), jsonl: jsonl.text() }).toEqual(rowLines(rows));
      }),
      { numRuns: 40 },
    );
  });

  it('are taken only where they are the row-by-row lines', async () => {
    await fc.assert(
      fc.asyncProperty(anyFields, async (fields) => {
        await db.run('DELETE FROM audit_log');
        const rows = await appendChain([fields]);
        const page = (await auditLines(db, 0, 1))!;
        const entries = page.odd === 0 ? checkAuditLines(page.lines!, 1, { expected: 1, prev: genesisHash }) : null;
        if (!entries) return;
        const csv = sink();
        const jsonl = sink();
        putAuditLines(page.lines!, entries, time.putLocal, csv, jsonl);
        expect({ csv: csv.text(), jsonl: jsonl.text() }).toEqual(rowLines(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('are taken for text JSON and CSV both write as it is, and given back where JSON escapes it, CSV would quote or guard it or a number differs', async () => {
    const plain = { at: 1_795_000_000_000, actor: 'device:1', action: 'presence.sign_in', entity: 'presence_events', entity_id: '7', record_hash: 'ab'.repeat(32) };
    const taken = async (change: Partial<Fields>) => {
      await db.run('DELETE FROM audit_log');
      const rows = await appendChain([{ ...plain, ...change }]);
      const page = await auditLines(db, 0, 1);
      const entries = page?.odd === 0 ? checkAuditLines(page.lines!, 1, { expected: 1, prev: genesisHash }) : null;
      if (!entries) return false;
      const csv = sink();
      const jsonl = sink();
      putAuditLines(page!.lines!, entries, time.putLocal, csv, jsonl);
      expect({ csv: csv.text(), jsonl: jsonl.text() }, JSON.stringify(change)).toEqual(rowLines(rows));
      return true;
    };
    for (const change of [{}, { entity_id: null }, { entity_id: '' }, { actor: '张伟' }, { entity: 'del\x7f' }, { entity_id: 'say \u2028' }, { actor: 'x'.repeat(5000) }, { entity: '长'.repeat(2000) }]) {
      expect(await taken(change), JSON.stringify(change)).toBe(true);
    }
    // The CSV line is written from the JSON Lines line's text, which an escape would change.
    for (const change of [{ action: 'back\\slash' }, { entity: 'bell\u0007' }, { actor: 'a,b' }, { action: 'say "hi"' }, { entity: 'cr\rx' }, { entity_id: 'line\nbreak' }, { actor: '=SUM(A1)' }, { entity_id: '-2' }, { action: '@x' }, { record_hash: 'not hex' }, { at: 1.5 }, { at: -5 }]) {
      expect(await taken(change), JSON.stringify(change)).toBe(false);
    }
  });

  it('count as odd exactly the entries with a text JSON escapes or that is not text', async () => {
    const plain = { at: 1_795_000_000_000, actor: 'device:1', action: 'presence.sign_in', entity: 'presence_events', entity_id: '7', record_hash: 'ab'.repeat(32) };
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tricky);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('actor', 'action', 'entity', 'entity_id'), anyText, async (field, text) => {
        await db.run('DELETE FROM audit_log');
        await appendChain([{ ...plain, [field]: text }]);
        const { odd } = (await auditLines(db, 0, 1))!;
        expect(odd! > 0, JSON.stringify(text)).toBe(JSON.stringify(text) !== `"${text}"`);
      }),
      { numRuns: 300 },
    );
    // A BLOB where text belongs.
    await db.run('DELETE FROM audit_log');
    await appendChain([plain]);
    await db.run("UPDATE audit_log SET entity = X'6869'");
    expect((await auditLines(db, 0, 1))!.odd).toBe(1);
  });

  it('are given back when an entry was changed, is missing, does not link, or starts elsewhere', async () => {
    const list = Array.from({ length: 5 }, (_, i) => ({ at: 1_795_000_000_000 + i, actor: 'device:1', action: 'presence.sign_in', entity: 'presence_events', entity_id: String(i + 1), record_hash: 'cd'.repeat(32) }));
    const rows = await appendChain(list);
    const check = async (expected = 1, prev = genesisHash) => {
      const page = (await auditLines(db, expected - 1, 5))!;
      return page.odd === 0 && page.n === 6 - expected ? checkAuditLines(page.lines!, page.n, { expected, prev }) : null;
    };
    expect(await check()).not.toBeNull();
    expect(await check(1, rows[0]!.hash)).toBeNull();
    expect(await check(3, rows[1]!.hash)).not.toBeNull();
    expect(await check(3, rows[0]!.hash)).toBeNull();

    await db.run("UPDATE audit_log SET actor = 'device:2' WHERE seq = 3");
    expect(await check()).toBeNull();
    await db.run("UPDATE audit_log SET actor = 'device:1' WHERE seq = 3");
    // A previous hash that ends like the one before but is longer.
    await db.run("UPDATE audit_log SET prev_hash = 'x' || prev_hash WHERE seq = 4");
    expect(await check()).toBeNull();
    await db.run('UPDATE audit_log SET prev_hash = substr(prev_hash, 2) WHERE seq = 4');
    // Re-hashed after the change, so only the link to the one before is broken.
    const relinked = { ...rows[3]!, prev_hash: rows[0]!.hash };
    await db.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 4', [relinked.prev_hash, entryHash(relinked)]);
    expect(await check()).toBeNull();
    await db.run('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 4', [rows[3]!.prev_hash, rows[3]!.hash]);
    expect(await check()).not.toBeNull();
    // Text that is not UTF-8, hashed again over SQLite's own bytes: the rows would read it otherwise.
    await db.run("UPDATE audit_log SET actor = CAST(X'64ff' AS TEXT) WHERE seq = 5");
    const last = (await auditLines(db, 4, 5))!.lines!;
    const canonicalStart = last.indexOf(10) + 1;
    await db.run('UPDATE audit_log SET hash = ? WHERE seq = 5', [createHash('sha256').update(last.subarray(canonicalStart, last.indexOf(10, canonicalStart))).digest('hex')]);
    expect(await check()).toBeNull();
    await db.run('DELETE FROM audit_log WHERE seq = 2');
    expect((await auditLines(db, 0, 5))!.n).toBe(4);
  });
});

describe('the audit log’s part of an export', () => {
  it.each([1, 2, 3])('writes plain and odd stretches alike, page after page, as the row-by-row way would (%i connections reading ahead)', async (connections) => {
    const count = exportPageSize * 4 + 500;
    const list: Fields[] = Array.from({ length: count }, (_, i) => ({
      at: 1_795_000_000_000 + i * 61_000,
      actor: `device:${i % 7}`,
      action: 'presence.sign_in',
      entity: 'presence_events',
      entity_id: i % 11 === 0 ? null : String(i),
      record_hash: (i % 256).toString(16).padStart(2, '0').repeat(32),
    }));
    // The second and fourth pages hold an entry only the row-by-row way writes right.
    list[exportPageSize + 17]!.actor = 'Zhang, "W"';
    list[exportPageSize * 3 + 5]!.entity_id = '=1+1';
    const rows = await appendChain(list);
    const dir = tempDir('safefloor-audit-pass-');
    const thread = startHashThread();
    const labels = auditKind.csvFields.map(String);
    const more = await Promise.all(Array.from({ length: connections - 1 }, () => openSqliteReader(db.file)));
    try {
      const result = await auditPass([db, ...more], thread, { dir, labels, timeZone: zone, range: { firstSeq: 1, lastSeq: count } }, () => undefined);
      expect(result.chain).toEqual({ firstSeq: 1, firstHash: rows[0]!.hash, lastSeq: count, lastHash: rows[count - 1]!.hash, prevHash: genesisHash });
      const expected = rowLines(rows);
      expect(readFileSync(join(dir, 'audit_log.csv'), 'utf8')).toBe(utf8Bom + csvLine(labels) + expected.csv);
      expect(readFileSync(join(dir, 'audit_log.jsonl'), 'utf8')).toBe(expected.jsonl);
    } finally {
      thread.end();
      await Promise.all(more.map((reader) => reader.close()));
    }
  });
});
