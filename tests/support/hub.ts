/** Test helpers: a hub on a temporary database, over real HTTP, at a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceRole } from '../../shared/contract/index.js';
import type { Clock } from '../../electron/hub/clock.js';
import { seedDemo } from '../../electron/hub/demo.js';
import { openHub, type Hub } from '../../electron/hub/hub.js';
import { startHttpServer, type HttpServer } from '../../electron/hub/http/server.js';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  constructor(public ms = Date.parse('2026-11-26T01:00:00.000Z')) {}
  now() {
    return this.ms;
  }
  advance(ms: number) {
    this.ms += ms;
  }
}

export const tempDir = (prefix = 'safefloor-test-') => mkdtempSync(join(tmpdir(), prefix));

export interface TestHub {
  hub: Hub;
  http: HttpServer;
  clock: FixedClock;
  dataDir: string;
  tokens: Record<DeviceRole, string>;
  /** POST /api/v1/<method> with a role's token (or a raw token, or none). */
  call(method: string, input?: unknown, auth?: DeviceRole | { token: string | null }, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startTestHub(options: { demo?: boolean; staticDir?: string } = {}): Promise<TestHub> {
  const dataDir = tempDir();
  const clock = new FixedClock();
  const hub = await openHub({ dataDir, clock, validateOutput: true });
  if (options.demo ?? true) await seedDemo(hub.db, clock.now());
  const http = await startHttpServer(hub, { host: '127.0.0.1', port: 0, staticDir: options.staticDir });
  const tokens = {} as Record<DeviceRole, string>;
  for (const role of ['kiosk', 'warden', 'display', 'admin', 'integration'] as const) {
    tokens[role] = (await hub.devices.createToken(role, `test ${role}`)).token;
  }
  return {
    hub,
    http,
    clock,
    dataDir,
    tokens,
    async call(method, input = {}, auth = 'kiosk', headers = {}) {
      const token = typeof auth === 'string' ? tokens[auth] : auth.token;
      const res = await fetch(new URL(`/api/v1/${method}`, http.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify(input),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      await http.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
