/**
 * The export writes its big kinds through direct line writers and cached time formatting (for
 * speed). What lands in the files must be exactly what the plain path gives: the record from
 * toRecord, its CSV line and its JSON Lines line, and localDateTime / toISOString for instants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../electron/hub/db/stores/audit.js';
import type { PresenceExportRow } from '../../../electron/hub/db/stores/export.js';
import { csvLine } from '../../../electron/hub/export/csv.js';
import { auditKind, presenceKind, type ExportRecord } from '../../../electron/hub/export/kinds.js';
import { exportTimes, isoTimeFormatter, isoTimeWriter, localTimeFormatter, localTimeWriter, maxTimeBytes } from '../../../electron/hub/export/local-time.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { localDateTime } from '../../../shared/domain/time.js';

const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
// From 1900 (zones with local mean time, offsets in seconds) to 2100.
const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
// Text as people type it into names and teams, and what a spreadsheet would take for a formula.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('=SUM(A1)', '+1', '-2', '@x', '\tx', 'a,b', 'say "hi"', 'line\nbreak', '张伟', ''));

/** The plain path: the record, then its lines as KindWriter.writePage writes them. */
function plainLines(kind: { jsonFields: readonly string[]; csvFields: readonly string[] }, record: ExportRecord) {
  const ordered: ExportRecord = {};
  for (const f of kind.jsonFields) ordered[f] = record[f] ?? null;
  return { csv: csvLine(kind.csvFields.map((f) => record[f])), jsonl: `${JSON.stringify(ordered)}\n` };
}

describe('the export’s time formatting', () => {
  it('gives localDateTime for any instant in any zone, in any order (across daylight-saving changes)', () => {
    for (const zone of zones) {
      const local = localTimeFormatter(zone);
      fc.assert(fc.property(fc.array(instant, { maxLength: 30 }), (instants) => {
        for (const at of instants) expect(local(at)).toBe(localDateTime(at, zone));
      }));
    }
  });

  it('gives localDateTime minute by minute through a day with a daylight-saving change', () => {
    const local = localTimeFormatter('Europe/London');
    for (let at = Date.UTC(2026, 2, 28, 22); at < Date.UTC(2026, 2, 29, 4); at += 59_999) expect(local(at)).toBe(localDateTime(at, 'Europe/London'));
    for (let at = Date.UTC(2026, 9, 24, 22); at < Date.UTC(2026, 9, 25, 4); at += 59_999) expect(local(at)).toBe(localDateTime(at, 'Europe/London'));
  });

  it('gives toISOString for any instant', () => {
    const iso = isoTimeFormatter();
    fc.assert(fc.property(fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { maxLength: 30 }), (instants) => {
      for (const at of instants) expect(iso(at)).toBe(new Date(at).toISOString());
    }));
  });

  /** What a byte writer writes for `at`, written after `before` bytes of something else (which it must leave alone). */
  const written = (put: (instant: number, bytes: Uint8Array, at: number) => number, at: number, before: number) => {
    const bytes = Buffer.alloc(before + maxTimeBytes, '#');
    const end = put(at, bytes, before);
    expect(end - before).toBeLessThanOrEqual(maxTimeBytes);
    expect(bytes.toString('latin1', 0, before)).toBe('#'.repeat(before));
    expect(bytes.toString('latin1', end)).toBe('#'.repeat(bytes.length - end));
    return bytes.toString('latin1', before, end);
  };

  it('writes the same texts as bytes, for any instant in any zone, in any order', () => {
    // Local time a day short of Date's ends (beyond them it has no text at all), from years with five and six digits.
    const dayMs = 86_400_000;
    const anyInstant = fc.oneof(instant, fc.integer({ min: -8.64e15 + dayMs, max: 8.64e15 - dayMs }));
    for (const zone of zones) {
      const putLocal = localTimeWriter(zone);
      const putIso = isoTimeWriter();
      fc.assert(fc.property(fc.array(fc.tuple(anyInstant, fc.nat(40)), { maxLength: 30 }), (instants) => {
        for (const [at, before] of instants) {
          expect(written(putLocal, at, before)).toBe(localDateTime(at, zone));
          expect(written(putIso, at, before)).toBe(new Date(at).toISOString());
        }
      }));
    }
  });
});

describe('the export’s direct line writers', () => {
  const zone = 'Asia/Shanghai';
  const time = exportTimes(zone);

  it('write a presence record exactly as the plain path does', () => {
    const row = fc.record<PresenceExportRow>({
      id: fc.integer({ min: 1 }),
      person_id: fc.integer({ min: 1 }),
      kind: fc.constantFrom('in', 'out'),
      at: instant,
      method: fc.constantFrom('badge', 'pin', 'auto'),
      automatic: fc.constantFrom(0, 1),
      device_id: fc.option(fc.integer({ min: 1 }), { nil: null }),
      employee_no: text,
      name: text,
      team: text,
    });
    fc.assert(fc.property(row, (r) => {
      const plain = plainLines(presenceKind, presenceKind.toRecord(r, zone));
      expect(presenceKind.csvLine!(r, time)).toBe(plain.csv);
      expect(presenceKind.jsonLine!(r, time)).toBe(plain.jsonl);
    }));
  });

  it('write an audit entry exactly as the plain path does', () => {
    const entry = fc.record<AuditEntry>({
      seq: fc.integer({ min: 1 }),
      at: instant,
      actor: text,
      action: text,
      entity: text,
      entity_id: fc.option(text, { nil: null }),
      record_hash: text,
      prev_hash: text,
      hash: text,
    });
    fc.assert(fc.property(entry, (e) => {
      const plain = plainLines(auditKind, auditKind.toRecord(e, zone));
      expect(auditKind.csvLine(e, time)).toBe(plain.csv);
      expect(auditKind.jsonLine(e)).toBe(plain.jsonl);
    }));
  });

  it('give verify the canonical JSON of what the audit log hashed, for any record read back (also a tampered one)', () => {
    const value = fc.oneof(fc.integer(), fc.double(), text, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 2 }));
    const record = fc.record(
      {
        id: value,
        at: fc.oneof(instant.map((at) => new Date(at).toISOString()), value),
        kind: value,
        person_id: value,
        method: value,
        automatic: value,
        device_id: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(record, (r) => {
      let expected: string | Error;
      try {
        expected = canonicalJson(presenceKind.audited(r as ExportRecord));
      } catch (err) {
        expected = err as Error;
      }
      if (expected instanceof Error) expect(() => presenceKind.auditedCanonical!(r)).toThrow(expected.message);
      else expect(presenceKind.auditedCanonical!(r)).toBe(expected);
    }));
  });
});

