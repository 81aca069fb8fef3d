/**
 * Verify reads lines in the export's own shape without JSON.parse (verify-fast.ts) and decides
 * which lines may take that way (verify-lines.ts). Whatever a line holds — the writer's shape,
 * escapes, other key orders, spaces, other numbers, tampering — the fast way must either decline
 * or give exactly what JSON.parse and the audit log's own canonical forms give.
 */
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, type AuditEntry } from '../../../electron/hub/db/stores/audit.js';
import { presenceKind, type ExportRecord } from '../../../electron/hub/export/kinds.js';
import { fastAuditLine, fastPresenceLine, instantText, isoInstant, type AuditLine, type PresenceLine } from '../../../electron/hub/export/verify-fast.js';
import { noEntry, numericId, RecordHashIndex } from '../../../electron/hub/export/verify-index.js';
import { eachInChunk, eachLine } from '../../../electron/hub/export/verify-lines.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';

const sha256 = (text: string) => hash('sha256', text, 'hex');
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const instant = fc.integer({ min: Date.UTC(0, 0, 1) - 1e12, max: Date.UTC(9999, 11, 31) });
// Strings as they come: plain words, any text, and what JSON has to escape.
const text = fc.oneof(
  fc.constantFrom('hub', 'device:1', 'presence.sign_in', 'presence_events', 'briefings', '12', '007', '', '张伟', 'say "hi"', 'a\\b', 'tab\there', '\u2028', '\ud800', '😀'),
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const number = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.double(), fc.constantFrom(0, -0, 1e21, 2 ** 53, 123456789012345, 1234567890123456));
const value = fc.oneof(text, number, fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.record({ a: fc.integer() }));

/** A line changed the way a person or a bug might: a character replaced, added or removed. */
function tamper(line: string, at: number, how: number, ch: string): string {
  const i = at % (line.length + 1);
  if (how === 0) return line.slice(0, i) + ch + line.slice(i + 1);
  if (how === 1) return line.slice(0, i) + ch + line.slice(i);
  return line.slice(0, i) + line.slice(i + 1);
}
const tampering = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.oneof(fc.constantFrom('"', '\\', ' ', ',', ':', '{', '}', '0', '9', 'a', 'e', '.', '-', '\n', '\r', '\u0000', '\u001f', 'n', 't', 'é', '\ud800'), fc.string({ minLength: 1, maxLength: 1 })));

/** Whether verify-lines calls the line clean (the fast paths are only ever given clean lines). */
function cleanLine(line: string): boolean {
  if (line.includes('\n')) return false;
  let clean = false;
  eachInChunk(`${line}\n`, 0, (_t, _s, _e, _l, c) => void (clean = c), false);
  return clean;
}

/** The writer's audit line (auditKind.jsonLine) for an entry. */
const auditLine = (e: Record<string, unknown>) =>
  `{"seq":${JSON.stringify(e.seq)},"at":${JSON.stringify(e.at)},"actor":${JSON.stringify(e.actor)},"action":${JSON.stringify(e.action)},"entity":${JSON.stringify(e.entity)},` +
  `"entity_id":${JSON.stringify(e.entity_id)},"record_hash":${JSON.stringify(e.record_hash)},"prev_hash":${JSON.stringify(e.prev_hash)},"hash":${JSON.stringify(e.hash)}}`;

const auditScratch = (): AuditLine => ({ canonical: '', seq: 0, entity: 0, entityEnd: 0, entityIdNumber: 0, entityId: null, recordHash: 0, recordHashEnd: 0, prevHash: 0, prevHashEnd: 0, hash: 0, hashEnd: 0 });

/** The fast path's reading of an audit line must be what JSON.parse and entryHash make of it. */
function holdAuditLine(line: string) {
  const read = cleanLine(line) ? fastAuditLine(line, 0, line.length, auditScratch()) : null;
  if (read === null) return false;
  const entry = JSON.parse(line) as AuditEntry;
  expect(sha256(read.canonical)).toBe(entryHash(entry));
  expect(read.seq).toBe(entry.seq);
  expect(line.slice(read.entity, read.entityEnd)).toBe(entry.entity);
  const key = read.entityIdNumber === read.entityIdNumber ? String(read.entityIdNumber) : (read.entityId ?? 'null');
  expect(key).toBe(String(entry.entity_id));
  expect(Number.isNaN(read.entityIdNumber)).toBe(Number.isNaN(numericId(String(entry.entity_id))));
  expect(line.slice(read.recordHash, read.recordHashEnd)).toBe(entry.record_hash);
  expect(line.slice(read.prevHash, read.prevHashEnd)).toBe(entry.prev_hash);
  expect(line.slice(read.hash, read.hashEnd)).toBe(entry.hash);
  return true;
}

/** The general way for a presence record: presenceKind's canonical form of the parsed line (or what it throws). */
function presenceCanonical(record: Record<string, unknown>): string | Error {
  try {
    return presenceKind.auditedCanonical!(record);
  } catch (err) {
    return err as Error;
  }
}

function holdPresenceLine(line: string) {
  const read = cleanLine(line) ? fastPresenceLine(line, 0, line.length, { id: 0, canonical: '' } satisfies PresenceLine) : null;
  if (read === null) return false;
  const record = JSON.parse(line) as Record<string, unknown>;
  expect(read.canonical).toBe(presenceCanonical(record));
  expect(read.canonical).toBe(canonicalJson(presenceKind.audited(record as ExportRecord)));
  expect(String(read.id)).toBe(String(record.id));
  expect(read.id).toBe(numericId(String(record.id)));
  return true;
}

const presenceFields = ['id', 'at', 'kind', 'employee_no', 'name', 'team', 'person_id', 'method', 'automatic', 'device_id'] as const;

describe('verify’s fast way through an audit line', () => {
  const entry = fc.record({
    seq: fc.oneof(fc.integer({ min: 1, max: 999_999_999_999_999 }), number),
    at: fc.oneof(instant, number),
    actor: text,
    action: text,
    entity: text,
    entity_id: fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }).map(String), text, fc.constant(null)),
    record_hash: fc.oneof(hex64, text),
    prev_hash: fc.oneof(hex64, text),
    hash: fc.oneof(hex64, text),
  });

  const plain = fc.record({
    seq: fc.integer({ min: 1, max: 999_999_999_999_999 }),
    at: fc.integer({ min: 0, max: 999_999_999_999_999 }),
    actor: fc.constantFrom('hub', 'device:12', 'cli'),
    action: fc.stringMatching(/^[a-z_.]{1,20}$/),
    entity: fc.constantFrom('presence_events', 'briefings'),
    entity_id: fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }).map(String), fc.constant(null)),
    record_hash: hex64,
    prev_hash: hex64,
    hash: hex64,
  });

  it('takes the writer’s lines of plain entries', () => {
    fc.assert(fc.property(plain, (e) => void expect(holdAuditLine(auditLine(e))).toBe(true)));
  });

  it('gives what JSON.parse and entryHash give, or declines, for any entry, tampered or not', () => {
    let taken = 0;
    fc.assert(fc.property(fc.oneof(plain, entry), fc.option(tampering), (e, t) => {
      const line = t ? tamper(auditLine(e), ...t) : auditLine(e);
      if (holdAuditLine(line)) taken++;
    }), { numRuns: 3000 });
    // Many of them, tampered ones too, went the fast way.
    expect(taken).toBeGreaterThan(600);
  });

  it('declines valid JSON in another shape: keys reordered or repeated, spaces, escapes, other numbers', () => {
    const e = { seq: 7, at: 1795728675304, actor: 'hub', action: 'presence.sign_in', entity: 'presence_events', entity_id: '12', record_hash: 'a'.repeat(64), prev_hash: 'b'.repeat(64), hash: 'c'.repeat(64) };
    const line = auditLine(e);
    expect(holdAuditLine(line)).toBe(true);
    const others = [
      JSON.stringify(Object.fromEntries(Object.entries(e).reverse())),
      JSON.stringify({ ...e, extra: 1 }),
      line.replace('{', '{ '),
      line.replace('"seq":7', '"seq":7.0'),
      line.replace('"seq":7', '"seq":7e0'),
      line.replace('"seq":7', '"seq":07'),
      line.replace('"seq":7', '"seq":-7'),
      line.replace('"hub"', '"h\\u0075b"'),
      line.replace('"entity_id":"12"', '"entity_id":12'),
      line.replace('}', ',"seq":8}'),
      `${line} `,
      `${line}\r`,
    ];
    for (const other of others) expect(holdAuditLine(other)).toBe(false);
  });
});

describe('verify’s fast way through a presence line', () => {
  const record = fc.record({
    id: fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }), value),
    at: fc.oneof(instant.map((at) => new Date(at).toISOString()), fc.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), value),
    kind: value,
    employee_no: value,
    name: value,
    team: value,
    person_id: value,
    method: value,
    automatic: value,
    device_id: value,
  });
  const line = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(presenceFields.map((f) => [f, r[f]])));

  const plain = fc.record({
    id: fc.integer({ min: 0, max: 999_999_999_999_999 }),
    at: instant.map((at) => new Date(at).toISOString()),
    kind: fc.constantFrom('in', 'out'),
    employee_no: fc.oneof(fc.stringMatching(/^\d{1,8}$/), fc.constant(null)),
    name: fc.oneof(fc.constantFrom('张伟', 'Zoë'), fc.stringMatching(/^[A-Za-z ]{0,20}$/)),
    team: fc.oneof(fc.constant(null), fc.stringMatching(/^[A-Za-z ]{0,20}$/)),
    person_id: fc.oneof(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.constant(null)),
    method: fc.constantFrom('badge', 'pin', 'kiosk'),
    automatic: fc.boolean(),
    device_id: fc.oneof(fc.constant(null), fc.stringMatching(/^[a-z0-9-]{1,12}$/)),
  });

  it('takes the writer’s lines of plain records', () => {
    fc.assert(fc.property(plain, (r) => void expect(holdPresenceLine(line(r))).toBe(true)));
  });

  it('gives what JSON.parse and presenceKind’s canonical form give, or declines, for any record, tampered or not', () => {
    let taken = 0;
    fc.assert(fc.property(fc.oneof(plain, record), fc.option(tampering), (r, t) => {
      if (holdPresenceLine(t ? tamper(line(r), ...t) : line(r))) taken++;
    }), { numRuns: 4000 });
    expect(taken).toBeGreaterThan(400);
  });

  it('declines valid JSON in another shape', () => {
    const r = { id: 5, at: '2026-11-15T07:10:16.271Z', kind: 'in', employee_no: '100005', name: 'Person 5', team: 'Team 5', person_id: 5, method: 'badge', automatic: false, device_id: null };
    const plain = line(r);
    expect(holdPresenceLine(plain)).toBe(true);
    for (const other of [
      JSON.stringify(Object.fromEntries(Object.entries(r).reverse())),
      plain.replace('"kind":"in"', '"kind":"\\u0069n"'),
      plain.replace('"id":5', '"id":5.0'),
      plain.replace('"id":5', '"id":"5"'),
      plain.replace('"person_id":5', '"person_id":5e0'),
      plain.replace('.271Z', '.271+00:00'),
      plain.replace('T07:10', 'T24:10'),
      plain.replace(':16.271', ':60.271'),
      plain.replace('"at":"2026', '"at":"+02026'),
      plain.replace(',"device_id":null', ''),
      `${plain} `,
    ]) {
      expect(holdPresenceLine(other)).toBe(false);
    }
  });

  it('writes instants as String does', () => {
    const any = fc.oneof(instant, fc.integer({ min: 0, max: 2e15 }), fc.double(), fc.constantFrom(1e8, 1e8 - 1, 1e8 + 1, 1e15 - 1, 1e15, 1e9, 1e14 + 7, 0.5, -1e9));
    fc.assert(fc.property(fc.array(any, { maxLength: 20 }), (ats) => {
      for (const at of ats) expect(instantText(at)).toBe(String(at));
    }));
  });

  it('reads instants as Date.parse does, impossible days included', () => {
    const iso = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 999 }));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(fc.property(iso, ([y, mo, d, h, mi, s, ms]) => {
      const textOf = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
      const fast = isoInstant(textOf, 0);
      if (!Number.isNaN(fast)) expect(fast).toBe(Date.parse(textOf));
      else if (h <= 23 && mi <= 59 && s <= 59) expect(Date.parse(textOf)).toBeNaN();
    }));
  });
});

describe('the lines verify reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The lines as the whole file split at line feeds gives them (as verify read them before). */
  function reference(bytes: Buffer): Array<[number, string]> {
    const parts = bytes.toString('utf8').split('\n');
    const last = parts.pop()!;
    const lines: Array<[number, string]> = [];
    parts.forEach((line, i) => line && lines.push([i + 1, line]));
    if (last.trim()) lines.push([parts.length + 1, last]);
    return lines;
  }

  it('are the lines of the whole text, numbered alike, in any bytes, across pieces and reads, with long lines', async () => {
    const piece = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('\n', '\r\n', '  ', '\\', '\u0001', 'é', '😀', '\n\n'),
      fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
    );
    const bytes = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map((p) => Buffer.from(p.join(''))),
      fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom(16, 1000, 1 << 20), async (content, readBytes) => {
        const file = join(dir, `f${n++}`);
        writeFileSync(file, content);
        const lines: Array<[number, string]> = [];
        await eachLine(file, (t, s, e, l, clean) => {
          const line = t.slice(s, e);
          lines.push([l, line]);
          // A clean line has nothing JSON.stringify would write another way (but its quotes).
          if (clean) expect(JSON.stringify(line.replaceAll('"', ''))).toBe(`"${line.replaceAll('"', '')}"`);
        }, { readBytes });
        expect(lines).toEqual(reference(content));
      }),
      { numRuns: 150 },
    );
  });

  it('calls a line clean only without backslashes, control characters and lone surrogates', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\\', '\t', '\u0000', '\ud800', '\udc00', '😀', 'é')), { maxLength: 10 }), (parts) => {
      const textOf = `${parts.join('')}\n${parts.reverse().join('')}\n`;
      eachInChunk(textOf, 0, (t, s, e, _l, clean) => {
        const line = t.slice(s, e).replaceAll('"', '');
        const asItStands = JSON.stringify(line) === `"${line}"`;
        if (clean) expect(asItStands).toBe(true);
        // A lone surrogate anywhere in the chunk makes it all go the general way.
        if ((textOf as string & { isWellFormed(): boolean }).isWellFormed()) expect(clean).toBe(asItStands);
      }, false);
    }));
  });
});

describe('the index of record hashes', () => {
  it('holds what a Map of the ids’ text would, the last value set winning, whatever the order of sets and lookups', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 2e15 }).map(String), fc.integer({ min: 0, max: 50 }).map(String), fc.constantFrom('0', '00', '01', '-1', '1.0', 'null', '', ' 1', '999999999999999', '1000000000000000'), fc.string());
    const val = fc.oneof(hex64, hex64.map((h) => h.toUpperCase()), fc.constantFrom('', 'x'), fc.integer(), fc.constant(null), fc.constant(undefined));
    const sets = fc.oneof(
      fc.array(fc.tuple(key, val), { maxLength: 300 }),
      // The export's usual case: rising ids, each once.
      fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), val), { maxLength: 300 }).map((steps) => {
        let id = 0;
        return steps.map(([step, v]) => [String((id += step)), v] as [string, unknown]);
      }),
    );
    fc.assert(fc.property(sets, fc.array(key, { maxLength: 50 }), fc.boolean(), (pairs, asked, sorted) => {
      const index = new RecordHashIndex(pairs.length % 3 ? 0 : pairs.length);
      const map = new Map<string, unknown>();
      for (const [k, v] of pairs) {
        map.set(k, v);
        const n = numericId(k);
        if (typeof v === 'string' && !Number.isNaN(n) && k.length % 2) index.setHexOf(n, `"${v}"`, 1, v.length + 1);
        else index.set(k, v);
      }
      const copy = new RecordHashIndex(index.toData());
      const keys = [...map.keys(), ...asked, '12345', 'nope'];
      if (sorted) keys.sort((a, b) => numericId(a) - numericId(b));
      for (const k of keys) {
        const entry = copy.findText(k);
        const expected = map.get(k);
        if (!map.has(k)) expect(entry).toBe(noEntry);
        else if (copy.holdsDigest(entry)) {
          expect(Buffer.from(copy.digests().subarray(entry * 32, entry * 32 + 32)).toString('hex')).toBe(expected);
        } else {
          expect(entry).not.toBe(noEntry);
          expect(copy.value(entry, k)).toBe(expected);
        }
      }
    }), { numRuns: 500 });
  });
});
