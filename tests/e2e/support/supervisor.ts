/**
 * A hub for the supervisor's screens whose clock can be set back: the demo site, plus sign-ins and
 * self-checks made through the real API at chosen past instants (weeks of compliance), then the
 * clock back on real time for the browser. Its own database per worker, so the figures a test
 * asserts are the ones it made, not what another spec file's kiosk did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { DeviceRole } from '../../../shared/contract/roles.js';
import { addDays, localInstant, siteDayOf, weekStartOf } from '../../../shared/domain/shift.js';
import { pairingLink } from '../../../electron/hub/cli/hub-file.js';
import type { Clock } from '../../../electron/hub/clock.js';
import { seedDemo } from '../../../electron/hub/demo.js';
import { openHub, type Hub } from '../../../electron/hub/hub.js';
import { startHttpServer } from '../../../electron/hub/http/server.js';
import { homeLandmark } from '../fixtures.js';
import { rendererDir } from './paths.js';

export const siteZone = 'Asia/Shanghai';
const demoTeams = ['话务一组', '话务二组', '话务三组', '在线客服组', '投诉处理组', '质检培训组'];
/** The demo site deals its staff round the six teams: 1001 話务一组, 1002 话务二组, … */
export const teamOf = (employeeNo: number) => demoTeams[(employeeNo - 1001) % demoTeams.length]!;

/** Real time, or a set instant moving on with real time while seeding the past. */
class SettableClock implements Clock {
  offset = 0;
  now() {
    return Date.now() + this.offset;
  }
}

export type CheckOutcome = 'passed' | 'failed' | 'none';

export interface SupervisorSite {
  url: string;
  hub: Hub;
  /** A kiosk's token, for what the door does (visitors, sign-ins by PIN). */
  kiosk: string;
  pairingLink(role: DeviceRole): Promise<string>;
  call(method: string, input: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** Runs `work` with the hub's clock at `at` (ms), then returns the clock to real time. */
  at<T>(at: number, work: () => Promise<T>): Promise<T>;
  /** Sets the hub's clock to `at` from now on, moving on with real time (screenshots at a set hour). */
  travelTo(at: number): void;
  /** Badge sign-in at the kiosk, then the self-check through its ticket (or none). */
  signInAndCheck(employeeNo: number, outcome: CheckOutcome, note?: string): Promise<{ signIn: any; check: any }>;
  signOut(employeeNo: number): Promise<void>;
  /** The site day now, and the Monday that starts its week. */
  today(): { day: string; weekStart: string };
  /** A site-local time on a site day, as an instant. */
  instant(day: string, time: string): number;
  stop(): Promise<void>;
}

async function startSupervisorSite(): Promise<SupervisorSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safefloor-e2e-supervisor-'));
  const clock = new SettableClock();
  const hub = await openHub({ dataDir, clock, backups: false });
  await seedDemo(hub.db, clock.now());
  const http = await startHttpServer(hub, { host: '127.0.0.1', port: 0, staticDir: rendererDir });
  const kiosk = (await hub.devices.createToken('kiosk', 'e2e kiosk')).token;
  const admin = (await hub.devices.createToken('admin', 'e2e desk')).token;

  const call = async (method: string, input: unknown, token = admin) => {
    const res = await fetch(new URL(`/api/v1/${method}`, http.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: await res.json() };
  };
  const ok = async (method: string, input: unknown, token?: string) => {
    const answer = await call(method, input, token);
    if (answer.status !== 200) throw new Error(`${method} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  return {
    url: http.url,
    hub,
    kiosk,
    call,
    async pairingLink(role) {
      const { code } = await hub.devices.createPairing(role, `e2e ${role}`);
      return pairingLink(http.url, code);
    },
    async at(at, work) {
      const before = clock.offset;
      clock.offset = at - Date.now();
      try {
        return await work();
      } finally {
        clock.offset = before;
      }
    },
    travelTo(at) {
      clock.offset = at - Date.now();
    },
    async signInAndCheck(employeeNo, outcome, note = '') {
      const signIn = await ok('presence.signIn', { badge: `BADGE-${employeeNo}` }, kiosk);
      if (outcome === 'none') return { signIn, check: null };
      const checklist = await ok('checklist.current', {}, kiosk);
      const firstRequired = checklist.items.find((i: { required: boolean }) => i.required).id;
      const check = await ok(
        'appearance.submit',
        { ticket: signIn.selfCheckTicket.ticket, checklistVersion: checklist.version, flagged: outcome === 'failed' ? [firstRequired] : [], note },
        kiosk,
      );
      return { signIn, check };
    },
    async signOut(employeeNo) {
      await ok('presence.signOut', { badge: `BADGE-${employeeNo}` }, kiosk);
    },
    today() {
      const day = siteDayOf(Date.now(), siteZone, '03:00');
      return { day, weekStart: weekStartOf(day) };
    },
    instant: (day, time) => localInstant(day, time, siteZone),
    async stop() {
      await http.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Fixtures {
  /** Opens a fresh pairing link for the role and waits until the role's home screen shows. */
  pairAs(role: DeviceRole): Promise<void>;
}

export const test = base.extend<Fixtures, { site: SupervisorSite }>({
  site: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const site = await startSupervisorSite();
      await use(site);
      await site.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ site }, use) => use(site.url),
  pairAs: async ({ page, site }, use) => {
    await use(async (role) => {
      await page.goto(await site.pairingLink(role));
      await expect(homeLandmark(page, role)).toBeVisible();
    });
  },
});

export { addDays, expect };
