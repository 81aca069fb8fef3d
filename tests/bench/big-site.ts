/**
 * A big site for the benchmarks: thousands of people, a million historical presence events (with
 * 2,000 people on site at the end), each event with its audit entry in an unbroken hash chain, so
 * that exports and verify do their real work. Made directly in SQLite, in batches.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { lastCloseAt } from '../../shared/domain/shift.js';
import { openHub } from '../../electron/hub/hub.js';
import { entryHash, genesisHash } from '../../electron/hub/db/stores/audit.js';

export interface BigSite {
  people: number;
  events: number;
  onSite: number;
  start: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** History that ends a minute ago, so the people on site signed in today (forgotten sign-outs are closed overnight). */
export const recentStart = (events: number) => Date.now() - events * 1000 - 60_000;

export async function makeBigSite(dataDir: string, site: BigSite = { people: 5000, events: 1_000_000, onSite: 2000, start: recentStart(1_002_000) }) {
  const hub = await openHub({ dataDir });
  const db = hub.db;
  // Bench data only: no fsync per batch (the hub itself always runs with synchronous=FULL).
  await db.exec('PRAGMA synchronous = OFF');
  await db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${site.people})
    INSERT INTO people (employee_no, name, team, role, badge, pin_hash, created_at, updated_at)
    SELECT 100000 + i, 'Person ' || i, 'Team ' || (i % 12), 'staff', 'BIG-' || (100000 + i), NULL, ${site.start}, ${site.start} FROM n;
  `);
  // Events in time order: person p gets its k-th event as event p + k * people. Each person's
  // events alternate in/out starting with in; an even count leaves them out. The first `onSite`
  // people get one more sign-in at the end.
  const perPerson = Math.floor(site.events / site.people);
  const rows: Array<[number, number, string, number]> = [];
  for (let k = 0; k < perPerson; k++) {
    for (let p = 1; p <= site.people; p++) rows.push([rows.length + 1, p, k % 2 === 0 ? 'in' : 'out', site.start + (rows.length + 1) * 1000]);
  }
  // The people on site signed in after the latest daily close (else the hub would close their
  // sign-ins as forgotten when it opens): within the last minutes, but never before that close.
  const { timeZone, dailyCloseAt } = await hub.settings.current();
  let now = Date.now();
  if (now - lastCloseAt(now, timeZone, dailyCloseAt) < 10_000) {
    await new Promise((r) => setTimeout(r, 10_000));
    now = Date.now();
  }
  const from = Math.max(lastCloseAt(now, timeZone, dailyCloseAt) + 1000, site.start + (rows.length + 1) * 1000);
  const step = Math.min(1000, (now - 5000 - from) / site.onSite);
  for (let p = 1; p <= site.onSite; p++) rows.push([rows.length + 1, p, perPerson % 2 === 0 ? 'in' : 'out', Math.round(from + (p - 1) * step)]);
  // Whatever the hub wrote on opening (default checklists …) stays at the head of the chain.
  const last = await db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  let prev = last?.hash ?? genesisHash;
  const seqBase = last?.seq ?? 0;
  const batch = 2000;
  for (let from = 0; from < rows.length; from += batch) {
    const slice = rows.slice(from, from + batch);
    const events: string[] = [];
    const audits: string[] = [];
    for (const [id, person, kind, at] of slice) {
      events.push(`(${id},${person},'${kind}',${at},'badge',0,NULL)`);
      const record = { id, person_id: person, kind, at, method: 'badge', automatic: 0, device_id: null };
      const body = { seq: seqBase + id, at, actor: 'device:1', action: kind === 'in' ? 'presence.sign_in' : 'presence.sign_out', entity: 'presence_events', entity_id: String(id), record_hash: sha256(canonicalJson(record)), prev_hash: prev };
      const hash = entryHash(body);
      prev = hash;
      audits.push(`(${seqBase + id},${at},'device:1','${body.action}','presence_events','${id}','${body.record_hash}','${body.prev_hash}','${hash}')`);
    }
    await db.exec(
      `BEGIN; INSERT INTO presence_events (id, person_id, kind, at, method, automatic, device_id) VALUES ${events.join(',')};
       INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash) VALUES ${audits.join(',')}; COMMIT;`,
    );
  }
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await hub.close();
  return { events: rows.length, onSite: site.onSite, people: site.people };
}
