import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/hub/http/headers.js';
import { privilegedSchemes, registerAppProtocol } from '../../../electron/main/protocol.js';
import { FakeApp, FakeProtocol } from '../../support/fake-electron.js';
import { tempDir } from '../../support/hub.js';

let dir: string;
let protocol: FakeProtocol;
beforeAll(() => {
  dir = tempDir('safefloor-protocol-');
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(dir, 'renderer-evil.txt'), 'SIBLING SECRET');
  const app = new FakeApp();
  app.becomeReady();
  protocol = new FakeProtocol(app);
  registerAppProtocol(protocol, root);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('is a standard, secure scheme that supports fetch', () => {
    expect(privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves index.html with the strict CSP and the security headers', async () => {
    const res = await protocol.fetch('app://safefloor/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toMatch(/<script type="module"/);
  });

  it('serves the app’s files, and index.html for any screen route', async () => {
    const js = await protocol.fetch('app://safefloor/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const route = await protocol.fetch('app://safefloor/warden/extinguishers');
    expect(route.status).toBe(200);
    expect(await route.text()).toMatch(/<!doctype html>/);
    expect((await protocol.fetch('app://safefloor/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal, however it is spelled', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2frenderer-evil.txt',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%252e%252e%252fsecret.txt',
      '/index.html%00.js',
    ]) {
      const res = await protocol.fetch(`app://safefloor${path}`);
      expect([400, 404], path).toContain(res.status);
      const body = await res.text();
      expect(body, path).not.toMatch(/SECRET|root:/);
    }
  });

  it('serves nothing for another host and nothing but GET and HEAD', async () => {
    expect((await protocol.fetch('app://other/')).status).toBe(404);
    expect((await protocol.fetch('app://safefloor/', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await protocol.fetch('app://safefloor/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
