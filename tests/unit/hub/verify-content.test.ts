/**
 * What verify says about an export's contents (the chain and every record against it) must not
 * depend on how fast it reads them. Held here against the plain reading verify had before its
 * fast paths (JSON.parse of every line, a Map of every record hash), on small exports in the
 * writer's shape and tampered every way: characters changed, keys reordered, escapes, spaces,
 * other numbers, lines swapped, lost, repeated or left unterminated. The same words, in the same
 * order, on the event loop and with the chain on a thread of its own.
 */
import { hash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, genesisHash, type AuditEntry } from '../../../electron/hub/db/stores/audit.js';
import { presenceKind, recordKinds } from '../../../electron/hub/export/kinds.js';
import type { Manifest } from '../../../electron/hub/export/manifest.js';
import { checkContent, Failed } from '../../../electron/hub/export/verify-content.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';

const sha256 = (text: string) => hash('sha256', text, 'hex');

// ---- The plain reading (verify-content.ts before its fast paths), kept here as the measure. ----

function linesOf(file: string, each: (line: number, value: Record<string, unknown>) => void) {
  let line = 0;
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${file}:${line} is not valid JSON`);
    }
  };
  const parts = readFileSync(file, 'utf8').split('\n');
  const rest = parts.pop()!;
  for (const text of parts) {
    line++;
    if (text) each(line, parse(text));
  }
  if (rest.trim()) each(++line, parse(rest));
}

function plainCheck(dir: string, manifest: Manifest): { records: number; failures: string[]; error: unknown } {
  const failures: string[] = [];
  const fail = (message: string) => (failures.push(message), new Failed(message));
  try {
    const index = new Map(recordKinds.map((k) => [k.name, new Map<string, unknown>()]));
    const c = manifest.chain;
    let expected = c?.firstSeq ?? 1;
    let prev: unknown = c?.prevHash ?? '';
    let count = 0;
    linesOf(join(dir, 'audit_log.jsonl'), (line, value) => {
      const entry = value as unknown as AuditEntry;
      if (!c) throw fail('audit_log.jsonl has entries but the manifest has no chain');
      if (entry.seq !== expected) throw fail(`audit entry ${expected} is missing (line ${line} has ${entry.seq})`);
      if (entry.prev_hash !== prev) throw fail(`audit entry ${entry.seq} does not link to the one before it`);
      if (entryHash(entry) !== entry.hash) throw fail(`audit entry ${entry.seq} was changed`);
      index.get(entry.entity)?.set(String(entry.entity_id), entry.record_hash);
      prev = entry.hash;
      expected++;
      count++;
    });
    if (c) {
      if (expected !== c.lastSeq + 1) throw fail(`the chain ends at ${expected - 1}, the manifest says ${c.lastSeq}`);
      if (prev !== c.lastHash) throw fail('the last audit entry is not the one the manifest names');
      if (count === 0) throw fail('the manifest names a chain but audit_log.jsonl is empty');
    }
    let records = 0;
    for (const kind of recordKinds.filter((k) => manifest.files.some((f) => f.path === `${k.name}.jsonl`))) {
      const name = `${kind.name}.jsonl`;
      const read: Array<{ line: number; id: string; digest?: string; problem?: string }> = [];
      let end: string | null = null;
      try {
        linesOf(join(dir, name), (line, value) => {
          const id = String(value.id);
          try {
            read.push({ line, id, digest: sha256(kind.auditedCanonical!(value)) });
          } catch (err) {
            read.push({ line, id, problem: (err as Error).message });
          }
        });
      } catch (err) {
        end = (err as Error).message;
      }
      for (const r of read) {
        const recorded = index.get(kind.name)!.get(r.id);
        if (!recorded) failures.push(`${name}:${r.line}: record ${r.id} has no audit entry in this export`);
        else {
          if (r.problem !== undefined) throw new Error(r.problem);
          if (r.digest !== recorded) failures.push(`${name}:${r.line}: record ${r.id} differs from what the audit log recorded`);
        }
        if (failures.length >= 20) throw new Failed();
        records++;
      }
      if (end !== null) throw new Error(end);
    }
    return { records, failures, error: null };
  } catch (error) {
    return { records: 0, failures, error };
  }
}

// ---- Small exports in the writer's shape, and ways to tamper with them. ----

interface Site {
  records: Array<Record<string, unknown>>;
  /** Per record: how many audit entries it has (0: none, 2: changed after it was written). */
  audits: number[];
  others: number;
  firstSeq: number;
}

const site = fc.record({
  records: fc.array(
    fc.record({
      id: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(999_999_999_999_999, 2 ** 40)),
      at: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((at) => new Date(at).toISOString()),
      kind: fc.constantFrom('in', 'out'),
      employee_no: fc.oneof(fc.constantFrom('1001', null), fc.string()),
      name: fc.oneof(fc.constantFrom('张伟', 'Zoë', 'say "hi"', 'a\\b'), fc.string()),
      team: fc.oneof(fc.constant(null), fc.string()),
      person_id: fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constant(null)),
      method: fc.constantFrom('badge', 'pin', 'm\u00e9thode', 'tab\there'),
      automatic: fc.boolean(),
      device_id: fc.oneof(fc.constant(null), fc.constantFrom('k1', 'kiosk-2')),
    }),
    { maxLength: 6 },
  ),
  audits: fc.array(fc.constantFrom(0, 1, 1, 1, 2), { minLength: 6, maxLength: 6 }),
  others: fc.integer({ min: 0, max: 2 }),
  firstSeq: fc.constantFrom(1, 1, 41),
});

const presenceFields = ['id', 'at', 'kind', 'employee_no', 'name', 'team', 'person_id', 'method', 'automatic', 'device_id'];
const presenceLine = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(presenceFields.map((f) => [f, r[f]])));
const auditLine = (e: AuditEntry) => JSON.stringify({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entity_id, record_hash: e.record_hash, prev_hash: e.prev_hash, hash: e.hash });

/** The export's two files and its manifest, as the writer makes them. */
function build(s: Site): { audit: string[]; presence: string[]; manifest: Manifest } {
  const entries: AuditEntry[] = [];
  let prev = s.firstSeq === 1 ? genesisHash : sha256('before');
  const add = (entity: string, entityId: string | null, record: unknown) => {
    const body = { seq: s.firstSeq + entries.length, at: 1795728675304 + entries.length, actor: 'device:1', action: `${entity}.write`, entity, entity_id: entityId, record_hash: sha256(canonicalJson(record)), prev_hash: prev };
    const entry = { ...body, hash: entryHash(body) };
    entries.push(entry);
    prev = entry.hash;
  };
  for (let i = 0; i < s.others; i++) add('briefings', String(i + 1), { id: i + 1, title: 'x' });
  s.records.forEach((r, i) => {
    const n = s.audits[i]!;
    if (n === 2) add('presence_events', String(r.id), { ...(presenceKind.audited(r as never) as object), kind: 'earlier' });
    if (n >= 1) add('presence_events', String(r.id), presenceKind.audited(r as never));
  });
  const first = entries[0];
  const last = entries.at(-1);
  const chain = first && last ? { firstSeq: first.seq, firstHash: first.hash, lastSeq: last.seq, lastHash: last.hash, prevHash: first.prev_hash } : null;
  const manifest = { chain, files: [{ path: 'audit_log.jsonl' }, { path: 'presence_events.jsonl' }] } as unknown as Manifest;
  return { audit: entries.map(auditLine), presence: s.records.map(presenceLine), manifest };
}

/** Changes to a file's lines: in one line, or to the lines themselves. */
const change = fc.oneof(
  fc.record({ line: fc.nat(), how: fc.constantFrom('char' as const), at: fc.nat(), op: fc.integer({ min: 0, max: 2 }), ch: fc.oneof(fc.constantFrom('"', '\\', ' ', ',', '0', '1', 'a', 'f', '.', 'e', '-', '\u0000', '\t', '\r', 'é', '\ud800', '}'), fc.string({ minLength: 1, maxLength: 1 })) }),
  fc.record({ line: fc.nat(), how: fc.constantFrom('reorder' as const, 'escape' as const, 'spaces' as const, 'numbers' as const, 'swap' as const, 'drop' as const, 'repeat' as const, 'crlf' as const, 'string-id' as const) }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function apply(lines: string[], c: Change): string[] {
  if (lines.length === 0) return lines;
  const out = [...lines];
  const i = c.line % out.length;
  const line = out[i]!;
  switch (c.how) {
    case 'char': {
      const at = c.at % (line.length + 1);
      out[i] = c.op === 0 ? line.slice(0, at) + c.ch + line.slice(at + 1) : c.op === 1 ? line.slice(0, at) + c.ch + line.slice(at) : line.slice(0, at) + line.slice(at + 1);
      break;
    }
    case 'reorder':
      try {
        out[i] = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line) as object).reverse()));
      } catch {
        // Not JSON any more (an earlier change): left as it is.
      }
      break;
    case 'escape':
      // The same value, written with escapes: valid JSON the writer would not write.
      out[i] = line.replace(/([a-z])(?=[a-z]*")/, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
      break;
    case 'spaces':
      out[i] = line.replace(/,"/g, ', "').replace(/":/g, '": ');
      break;
    case 'numbers':
      out[i] = line.replace(/:(\d+)([,}])/, ':$1.0$2');
      break;
    case 'string-id':
      out[i] = line.replace(/^\{"(id|seq)":(\d+)/, '{"$1":"$2"');
      break;
    case 'swap':
      if (out.length > 1) [out[i], out[(i + 1) % out.length]] = [out[(i + 1) % out.length]!, line];
      break;
    case 'drop':
      out.splice(i, 1);
      break;
    case 'repeat':
      out.splice(i, 0, line);
      break;
    case 'crlf':
      out[i] = `${line}\r`;
      break;
  }
  return out;
}

describe('verify’s reading of an export’s contents', () => {
  const root = mkdtempSync(join(tmpdir(), 'verify-content-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let n = 0;

  const exportOf = fc.record({
    site,
    auditChanges: fc.array(change, { maxLength: 2 }),
    presenceChanges: fc.array(change, { maxLength: 2 }),
    ending: fc.constantFrom('\n', '\n', '', '\n\n', '\n  '),
  });

  const write = (e: { site: Site; auditChanges: Change[]; presenceChanges: Change[]; ending: string }) => {
    const { audit, presence, manifest } = build(e.site);
    const dir = join(root, `e${n++}`);
    mkdirSync(dir);
    const text = (lines: string[]) => (lines.length ? lines.join('\n') + e.ending : '');
    writeFileSync(join(dir, 'audit_log.jsonl'), text(e.auditChanges.reduce(apply, audit)));
    writeFileSync(join(dir, 'presence_events.jsonl'), text(e.presenceChanges.reduce(apply, presence)));
    return { dir, manifest };
  };

  const outcome = (r: { records: number; failures: string[]; error: unknown }) => ({
    records: r.records,
    failures: r.failures,
    stopped: r.error instanceof Failed ? 'failed' : r.error ? (r.error as Error).message : null,
  });

  it('says what the plain reading says, on the event loop', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(exportOf, async (e) => {
        const { dir, manifest } = write(e);
        const expected = outcome(plainCheck(dir, manifest));
        expect(outcome(await checkContent(dir, manifest, { threadFrom: Number.MAX_SAFE_INTEGER }))).toEqual(expected);
        seen.add(expected.failures[0]?.replace(/\d+/g, '#') ?? expected.stopped?.replace(/.*(is not valid JSON)/, '$1') ?? 'ok');
      }),
      { numRuns: 400 },
    );
    // The tampering reached every kind of verdict.
    for (const verdict of ['ok', 'is not valid JSON', 'audit entry # was changed', 'presence_events.jsonl:#: record # differs from what the audit log recorded', 'presence_events.jsonl:#: record # has no audit entry in this export']) {
      expect(seen).toContain(verdict);
    }
  });

  it('says the same with the chain read on a thread of its own', async () => {
    await fc.assert(
      fc.asyncProperty(exportOf, async (e) => {
        const { dir, manifest } = write(e);
        expect(outcome(await checkContent(dir, manifest, { threadFrom: 0 }))).toEqual(outcome(plainCheck(dir, manifest)));
      }),
      { numRuns: 10 },
    );
  });
});
