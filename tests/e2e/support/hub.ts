/**
 * A real hub for one Playwright worker: the demo site on a temporary database, over real HTTP,
 * serving the built renderer, on the real clock (screens format real times).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DeviceRole } from '../../../shared/contract/roles.js';
import { pairingLink } from '../../../electron/hub/cli/hub-file.js';
import { seedDemo } from '../../../electron/hub/demo.js';
import { openHub } from '../../../electron/hub/hub.js';
import { startHttpServer } from '../../../electron/hub/http/server.js';
import { rendererDir, safefloorBin } from './paths.js';

const run = promisify(execFile);

export interface Person {
  employeeNo: string;
  name: string;
  team: string;
}

export interface E2eHub {
  url: string;
  /** A fresh one-time pairing link, as `safefloor device pair` would print it. */
  pairingLink(role: DeviceRole): Promise<string>;
  /** Runs the built command line against this hub's data folder; returns the link it printed. */
  pairingLinkFromCli(role: DeviceRole): Promise<string>;
  token(role: DeviceRole): Promise<string>;
  /** POST /api/v1/<method> as another device would (say, a second kiosk at the back door). */
  call(method: string, input: unknown, token: string): Promise<{ status: number; body: any }>;
  person(employeeNo: string): Promise<Person>;
  /** The person's latest presence event as the hub recorded it, or null. */
  lastPresence(employeeNo: string): Promise<{ kind: 'in' | 'out'; at: number } | null>;
  stop(): Promise<void>;
}

export interface E2eHubOptions {
  /** Fills the new data folder before the hub opens it (a spec that needs a big history). */
  prepare?(dataDir: string): Promise<void>;
}

export async function startE2eHub(options: E2eHubOptions = {}): Promise<E2eHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safefloor-e2e-'));
  await options.prepare?.(dataDir);
  // As a site runs it: answers are not re-checked against the contract here (the integration tests
  // do that), so these tests judge only what a person sees.
  const hub = await openHub({ dataDir });
  await seedDemo(hub.db, hub.clock.now());
  const http = await startHttpServer(hub, { host: '127.0.0.1', port: 0, staticDir: rendererDir });

  return {
    url: http.url,
    async pairingLink(role) {
      const { code } = await hub.devices.createPairing(role, `e2e ${role}`);
      return pairingLink(http.url, code);
    },
    async pairingLinkFromCli(role) {
      const { stdout } = await run(process.execPath, [safefloorBin, 'device', 'pair', '--data', dataDir, '--role', role, '--url', http.url]);
      const link = stdout.trim().split('\n').at(-1) ?? '';
      if (!link.includes('/pair#')) throw new Error(`safefloor device pair printed no link:\n${stdout}`);
      return link;
    },
    async token(role) {
      return (await hub.devices.createToken(role, `e2e ${role}`)).token;
    },
    async call(method, input, token) {
      const res = await fetch(new URL(`/api/v1/${method}`, http.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: await res.json() };
    },
    async person(employeeNo) {
      const row = await hub.db.get<{ name: string; team: string }>('SELECT name, team FROM people WHERE employee_no = ?', [employeeNo]);
      if (!row) throw new Error(`the demo site has no employee ${employeeNo}`);
      return { employeeNo, ...row };
    },
    async lastPresence(employeeNo) {
      const row = await hub.db.get<{ kind: 'in' | 'out'; at: number }>(
        `SELECT e.kind, e.at FROM presence_events e JOIN people p ON p.id = e.person_id
          WHERE p.employee_no = ? ORDER BY e.id DESC LIMIT 1`,
        [employeeNo],
      );
      return row ?? null;
    },
    async stop() {
      await http.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
