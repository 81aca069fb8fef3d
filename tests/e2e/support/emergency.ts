/**
 * What the emergency specs share: their own people on the roster (employee numbers 5500–5599, used
 * by no other spec), their own warden to end emergencies with, screens in further browser contexts,
 * the takeover stopwatch, and a hub whose HTTP door can be shut and opened again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { DeviceRole } from '../../../shared/contract/roles.js';
import { pairingLink } from '../../../electron/hub/cli/hub-file.js';
import { seedDemo } from '../../../electron/hub/demo.js';
import { openHub, type Hub } from '../../../electron/hub/hub.js';
import { startHttpServer, type HttpServer } from '../../../electron/hub/http/server.js';
import { homeLandmark } from '../fixtures.js';
import type { E2eHub } from './hub.js';
import { rendererDir } from './paths.js';

export const pin = '1234';
/** The department head of the demo site: adds the specs' people to the roster. */
const admin = { employeeNo: '1004', pin };
/** The specs' own fire warden, so that no other spec's wrong PINs can lock it out. */
export const warden = { employeeNo: '5590', name: '欧阳守安', team: '安全组', role: 'warden' as const };

export interface RosterPerson {
  employeeNo: string;
  name: string;
  team: string;
  role?: 'staff' | 'supervisor' | 'warden' | 'admin';
}

export const badgeOf = (employeeNo: string) => `EVB-${employeeNo}`;

/** Any hub the specs talk to over HTTP: the worker's, or an isolated one. */
export interface CallableHub {
  url: string;
  token(role: DeviceRole): Promise<string>;
  pairingLink(role: DeviceRole): Promise<string>;
  call(method: string, input: unknown, token: string): Promise<{ status: number; body: any }>;
}

export class EmergencyKit {
  private tokens = new Map<DeviceRole, string>();
  constructor(readonly hub: CallableHub) {}

  async tokenFor(role: DeviceRole): Promise<string> {
    let token = this.tokens.get(role);
    if (!token) {
      token = await this.hub.token(role);
      this.tokens.set(role, token);
    }
    return token;
  }

  async call(role: DeviceRole, method: string, input: unknown): Promise<{ status: number; body: any }> {
    return this.hub.call(method, input, await this.tokenFor(role));
  }

  /** Puts people on the roster (once: a second call for the same number changes nothing). */
  async addPeople(people: RosterPerson[]): Promise<void> {
    for (const person of [warden, ...people]) {
      const res = await this.call('admin', 'people.add', {
        auth: admin,
        person: { employeeNo: person.employeeNo, name: person.name, team: person.team, role: person.role ?? 'staff', badge: badgeOf(person.employeeNo), pin },
      });
      if (res.status !== 200 && res.body?.error?.code !== 'employee_no_taken') throw new Error(`people.add ${person.employeeNo}: ${JSON.stringify(res.body)}`);
    }
  }

  /** Signs them in at a back-door kiosk; they are on the next roll call. */
  async signIn(people: RosterPerson[]): Promise<void> {
    await this.addPeople(people);
    for (const person of people) {
      const res = await this.call('kiosk', 'presence.signIn', { badge: badgeOf(person.employeeNo) });
      if (res.status !== 200 && res.body?.error?.code !== 'already_signed_in') throw new Error(`sign-in ${person.employeeNo}: ${JSON.stringify(res.body)}`);
    }
  }

  async signOut(people: RosterPerson[]): Promise<void> {
    for (const person of people) await this.call('kiosk', 'presence.signOut', { badge: badgeOf(person.employeeNo) });
  }

  /** Starts one from the warden's tablet, as the API would; `returnedAt` is when the answer arrived. */
  async start(kind: 'fire' | 'gas' | 'power' | 'other', drill: boolean): Promise<{ id: number; calledAt: number; returnedAt: number }> {
    const token = await this.tokenFor('warden');
    const calledAt = Date.now();
    const res = await this.hub.call('emergency.start', { kind, drill }, token);
    const returnedAt = Date.now();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { id: res.body.emergency.id, calledAt, returnedAt };
  }

  async current(): Promise<any> {
    return (await this.call('display', 'emergency.current', {})).body.emergency;
  }

  /** Ends whatever runs (the specs share a hub: none may leave an emergency behind). */
  async endAny(): Promise<void> {
    const active = await this.current();
    if (!active) return;
    await this.addPeople([]);
    const res = await this.call('warden', 'emergency.end', { emergencyId: active.id, employeeNo: warden.employeeNo, pin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}

export const evacuation = (page: Page) => page.getByTestId('evacuation');

/** Another screen in its own browser context (its own storage: its own device), paired as `role`. */
export async function openScreen(
  browser: Browser,
  hub: CallableHub,
  role: DeviceRole,
  options: { viewport?: { width: number; height: number }; waitFor?: 'home' | 'evacuation' } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    baseURL: hub.url,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(await hub.pairingLink(role));
  // A browser's first page on a busy two-core machine can take seconds to load.
  const firstLoad = { timeout: 15_000 };
  if ((options.waitFor ?? 'home') === 'home') await expect(role === 'admin' ? page.getByRole('main', { name: '管理' }) : homeLandmark(page, role)).toBeVisible(firstLoad);
  else await expect(evacuation(page)).toBeVisible(firstLoad);
  return { page, context };
}

/**
 * Starts a stopwatch in the page: the wall-clock time (Date.now, the same clock as the test's) of
 * the first frame in which the evacuation display is in the document and laid out.
 */
export async function watchForTakeover(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { e2eTakeoverAt: number | null };
    w.e2eTakeoverAt = null;
    const seen = () => {
      const el = document.querySelector('[data-testid="evacuation"]');
      return el !== null && el.getBoundingClientRect().height > 0;
    };
    const observer = new MutationObserver(() => {
      if (w.e2eTakeoverAt !== null || !seen()) return;
      observer.disconnect();
      // The frame that paints it.
      requestAnimationFrame(() => {
        w.e2eTakeoverAt = Date.now();
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export async function takeoverAt(page: Page): Promise<number> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { e2eTakeoverAt: number | null }).e2eTakeoverAt)).not.toBeNull();
  return page.evaluate(() => (window as unknown as { e2eTakeoverAt: number }).e2eTakeoverAt);
}

/** Marks this document, to tell later whether something reloaded or left the page. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));
}

export async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument === true);
}

/**
 * A hub of its own, for the test that takes the hub away: the HTTP door closes (every stream and
 * connection cut, as when the hub's computer drops off the network) and opens again on the same
 * address, with the same data, so the screens' stored tokens still work.
 */
export interface DetachableHub extends CallableHub {
  hub: Hub;
  goAway(): Promise<void>;
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDetachableHub(): Promise<DetachableHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safefloor-e2e-away-'));
  const hub = await openHub({ dataDir });
  await seedDemo(hub.db, hub.clock.now());
  let http: HttpServer | null = await startHttpServer(hub, { host: '127.0.0.1', port: 0, staticDir: rendererDir });
  const port = http.port;
  const url = http.url;
  return {
    hub,
    url,
    async token(role) {
      return (await hub.devices.createToken(role, `e2e ${role}`)).token;
    },
    async pairingLink(role) {
      const { code } = await hub.devices.createPairing(role, `e2e ${role}`);
      return pairingLink(url, code);
    },
    async call(method, input, token) {
      // Straight to the dispatcher: works while the HTTP door is shut, as another door to the hub would.
      const result = await hub.dispatch({ method, input, token, language: 'zh-CN' });
      return { status: result.status, body: result.body };
    },
    async goAway() {
      await http?.close();
      http = null;
    },
    async comeBack() {
      http = await startHttpServer(hub, { host: '127.0.0.1', port, staticDir: rendererDir });
    },
    async stop() {
      await http?.close();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The worker's hub, as the kit wants it. */
export const asCallable = (hub: E2eHub): CallableHub => hub;
