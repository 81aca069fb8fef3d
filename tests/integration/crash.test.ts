/**
 * Power cut: `safefloor serve` (the built command, a separate process) takes a stream of sign-ins
 * from several clients at once and is killed with SIGKILL at a random moment, again and again.
 * After each restart every sign-in whose success answer reached a client must be in
 * presence_events with the kind it was answered with, the file must pass PRAGMA integrity_check,
 * every presence event must have its audit entry, and the audit chain must be whole.
 *
 * CRASH_LOOPS=<n> npx vitest run tests/integration/crash.test.ts  another number of kills (npm test: 20, the QUALITY.md bar)
 * CRASH_SEED=<n>                                                  replays one run's kill times and badges
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/hub/db/stores/audit.js';
import type { Queryable } from '../../electron/hub/db/port.js';
import { ensureBuilt, runCli, startServe, stopChild } from '../support/cli.js';
import { tempDir } from '../support/hub.js';

const loops = Math.max(1, Number(process.env.CRASH_LOOPS ?? 20));
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const clients = 4;
const dataDir = tempDir('safefloor-crash-');
let running: Awaited<ReturnType<typeof startServe>> | null = null;

afterAll(async () => {
  if (running) await stopChild(running.child);
});

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const rand = random(seed);

/** A read-only look at the database file, as another program would take it (the hub keeps running). */
async function inspect(file: string) {
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(db)));
  });
  const all = <T>(sql: string, params: unknown[] = []) =>
    new Promise<T[]>((resolve, reject) => raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows))));
  const q: Queryable = {
    all: (sql, params) => all(sql, params as unknown[]),
    get: async (sql, params) => (await all(sql, params as unknown[]))[0] as never,
    run: () => Promise.reject(new Error('read-only')),
  };
  try {
    const integrity = (await all<{ integrity_check: string }>('PRAGMA integrity_check')).map((r) => r.integrity_check);
    const events = new Map((await all<{ id: number; kind: string }>('SELECT id, kind FROM presence_events')).map((r) => [r.id, r.kind]));
    const unaudited = await all<{ id: number }>(
      `SELECT p.id FROM presence_events p
        WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'presence_events' AND a.entity_id = CAST(p.id AS TEXT))`,
    );
    const chain = await checkAuditChain(q);
    return { integrity, events, unaudited: unaudited.map((r) => r.id), chain };
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
  }
}

async function signInStream(url: string, token: string, acked: Map<number, string>, stop: { now: boolean; onAck(): void }) {
  // Each client scans badges of the demo site's 240 people; a toggle signs in whoever is out and out whoever is in.
  while (!stop.now) {
    const badge = `BADGE-${1001 + Math.floor(rand() * 240)}`;
    try {
      const res = await fetch(new URL('/api/v1/presence.toggle', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ badge }),
      });
      const body = (await res.json()) as { event?: { id: number; kind: string } };
      // Only a success answer that arrived whole counts as acknowledged.
      if (res.status === 200 && body.event) {
        acked.set(body.event.id, body.event.kind);
        stop.onAck();
      }
    } catch {
      // The hub was killed with this request in flight: the client never heard back, so it claims nothing.
      return;
    }
  }
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe(`power cut: SIGKILL in a stream of sign-ins, ${loops} times (seed ${seed})`, () => {
  it('keeps every acknowledged sign-in and leaves nothing half-written', async () => {
    ensureBuilt();
    const token = runCli(['token', 'create', '--data', dataDir, '--role', 'kiosk', '--name', 'crash test']).lastLine;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const acked = new Map<number, string>();
    const perLoop: number[] = [];
    for (let loop = 0; loop < loops; loop++) {
      running = await startServe(['--data', dataDir, '--port', '0', '--demo']);
      const { child, url } = running;
      // What the previous loop's clients were told must have survived the kill and the restart.
      const state = await inspect(join(dataDir, 'safefloor.db'));
      const context = `seed ${seed}, after kill ${loop}`;
      expect(state.integrity, context).toEqual(['ok']);
      expect(state.chain, context).toMatchObject({ ok: true });
      expect(state.unaudited, context).toEqual([]);
      for (const [id, kind] of acked) expect(state.events.get(id), `${context}: event ${id}`).toBe(kind);

      const before = acked.size;
      let flowing!: () => void;
      const firstAck = new Promise<void>((resolve) => (flowing = resolve));
      const stop = { now: false, onAck: () => flowing() };
      const streams = Array.from({ length: clients }, () => signInStream(url, token, acked, stop));
      // Once sign-ins flow (a slow machine may take a while to answer the first), cut the power at a random moment.
      await Promise.race([firstAck, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * 500)));
      child.kill('SIGKILL');
      await killed(child);
      stop.now = true;
      await Promise.all(streams);
      running = null;
      perLoop.push(acked.size - before);
    }
    // The last kill is checked too, after one more start.
    running = await startServe(['--data', dataDir, '--port', '0']);
    const final = await inspect(join(dataDir, 'safefloor.db'));
    expect(final.integrity).toEqual(['ok']);
    expect(final.chain).toMatchObject({ ok: true });
    expect(final.unaudited).toEqual([]);
    for (const [id, kind] of acked) expect(final.events.get(id), `seed ${seed}, final: event ${id}`).toBe(kind);
    // A run where the kills fell before any sign-in would prove nothing.
    expect(perLoop.filter((n) => n > 0).length, `acknowledged per loop: ${perLoop.join(', ')}`).toBe(loops);
    expect(await stopChild(running.child)).toBe(0);
    running = null;
  }, 60_000 + loops * 10_000);
});
