/**
 * LAN access: off by default (plain HTTP on 127.0.0.1); `serve --lan` serves HTTPS only, with a
 * server certificate signed by the site's own CA (kept owner-only in the data folder), which
 * tablets download from /ca.crt after comparing its fingerprint on /ca. All traffic here stays on
 * the loopback interface.
 */
import type { ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../electron/hub/http/server.js';
import { lanTls, serverNames } from '../../electron/hub/services/lan.js';
import { permittedRanges } from '../../electron/hub/tls/addresses.js';
import { caPermittedDns } from '../../electron/hub/tls/certificates.js';
import { tlsDir } from '../../electron/hub/tls/site-ca.js';
import { ensureBuilt, runCli, startServe, stopChild } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/** A LAN as the hub would see it: a private address tablets use, a public one it must leave out. */
const interfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: '192.168.10.20', family: 'IPv4', internal: false },
    { address: '203.0.113.7', family: 'IPv4', internal: false },
  ],
} as unknown as NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>;

function get(url: string, options: { ca?: string; host?: string } = {}): Promise<{ status: number; body: string; peer?: X509Certificate }> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'GET', ...(options.ca ? { ca: options.ca } : {}), ...(options.host ? { servername: options.host } : {}), agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => {
          const socket = res.socket as import('node:tls').TLSSocket;
          const raw = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate().raw : undefined;
          resolve({ status: res.statusCode ?? 0, body, peer: raw ? new X509Certificate(raw) : undefined });
        });
      },
    );
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/** The fingerprint the /ca page shows, as a person reads it (the page may break it after a colon). */
const shownFingerprint = (html: string) => /<code id="fingerprint">(.*?)<\/code>/.exec(html)?.[1]?.replace(/<wbr>/g, '');

describe('the site certificate and HTTPS', () => {
  let t: TestHub;
  let https: HttpServer;
  let caPem: string;
  beforeAll(async () => {
    t = await startTestHub();
    const tls = await lanTls({ dataDir: t.dataDir, now: Date.now(), siteName: 'Test floor', hostname: 'Kiosk-01', interfaces });
    caPem = tls.ca.certPem;
    https = await startHttpServer(t.hub, { host: '127.0.0.1', port: 0, tls: { key: tls.key, cert: tls.cert }, siteCa: tls.ca });
  });
  afterAll(async () => {
    await https.close();
    await t.stop();
  });

  it('answers health over HTTPS with a certificate that chains to the site CA', async () => {
    expect(https.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get(new URL('/api/v1/health', https.url).href, { ca: caPem });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
    const ca = new X509Certificate(caPem);
    expect(res.peer!.checkIssued(ca)).toBe(true);
    expect(res.peer!.verify(ca.publicKey)).toBe(true);
    expect(res.peer!.subjectAltName).toContain('IP Address:192.168.10.20');
    expect(res.peer!.subjectAltName).toContain('DNS:kiosk-01.local');
    expect(res.peer!.subjectAltName).not.toContain('203.0.113.7');
    // Without the site CA, a client refuses it: nobody can pass for the hub without that CA's key.
    await expect(get(new URL('/api/v1/health', https.url).href)).rejects.toThrow(/self.signed|unable to (get|verify)|certificate/i);
  });

  it('does not serve plain HTTP on the HTTPS port', async () => {
    const plain = new URL('/api/v1/health', https.url.replace('https:', 'http:')).href;
    const outcome = await get(plain).then(
      (res) => res.status,
      () => 'refused',
    );
    // Node answers a plain request on a TLS port with a bare 400 at most, never the API.
    expect(outcome === 'refused' || outcome === 400).toBe(true);
  });

  it('offers the CA at /ca.crt and its SHA-256 fingerprint at /ca (public: no token), under the strict CSP', async () => {
    const crt = await get(new URL('/ca.crt', https.url).href, { ca: caPem });
    expect(crt.status).toBe(200);
    expect(crt.body).toBe(caPem);
    const page = await get(new URL('/ca', https.url).href, { ca: caPem });
    expect(page.status).toBe(200);
    expect(shownFingerprint(page.body)).toBe(new X509Certificate(caPem).fingerprint256);
    expect(page.body).not.toMatch(/<script|style=/i);
  });

  it('makes a name-constrained CA: it may vouch only for private addresses, localhost, .local and this computer', () => {
    const ca = new X509Certificate(caPem);
    expect(ca.ca).toBe(true);
    expect(caPermittedDns(caPem)).toEqual(['localhost', 'local', 'kiosk-01']);
    expect(permittedRanges).toContain('192.168.0.0/16');
    expect(serverNames('kiosk-01', interfaces, ['localhost', 'local']).dns).toEqual(['localhost', 'kiosk-01.local']);
  });

  it('keeps the keys owner-only, keeps the CA, and makes a new server certificate when the addresses change', async () => {
    const dir = tlsDir(t.dataDir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const f of ['ca.key', 'ca.crt', 'server.key', 'server.crt']) expect(statSync(join(dir, f)).mode & 0o777, f).toBe(0o600);
    const again = await lanTls({ dataDir: t.dataDir, now: Date.now(), siteName: 'Test floor', hostname: 'Kiosk-01', interfaces });
    expect(again.renewed).toBe(false);
    const moved = { ...interfaces, eth0: [{ address: '10.1.2.3', family: 'IPv4', internal: false }] } as unknown as typeof interfaces;
    const renewed = await lanTls({ dataDir: t.dataDir, now: Date.now(), siteName: 'Test floor', hostname: 'Kiosk-01', interfaces: moved });
    expect(renewed.renewed).toBe(true);
    expect(renewed.ca.certPem).toBe(caPem);
    expect(new X509Certificate(renewed.cert).subjectAltName).toContain('IP Address:10.1.2.3');
    // Near its end, the server certificate is made again at start.
    const later = await lanTls({ dataDir: t.dataDir, now: Date.now() + 380 * 24 * 60 * 60_000, siteName: 'Test floor', hostname: 'Kiosk-01', interfaces: moved });
    expect(later.renewed).toBe(true);
  });
});

describe('safefloor serve', () => {
  const children: ChildProcess[] = [];
  beforeAll(() => ensureBuilt());
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => stopChild(c)));
  });

  /** `safefloor serve` on the folder, stopped after the test. */
  async function serve(dataDir: string, args: string[]) {
    const started = await startServe(['--data', dataDir, '--port', '0', ...args]);
    children.push(started.child);
    return started;
  }

  it('--lan serves HTTPS on every interface with the site certificate and prints the CA fingerprint', async () => {
    const dataDir = (await import('../support/hub.js')).tempDir('safefloor-lan-');
    const { url, output } = await serve(dataDir, ['--lan']);
    const out = output();
    expect(url).toMatch(/^https:\/\//);
    const caPem = readFileSync(join(tlsDir(dataDir), 'ca.crt'), 'utf8');
    expect(out).toContain(`Site CA fingerprint (SHA-256), to compare on each tablet: ${new X509Certificate(caPem).fingerprint256}`);
    const health = await get(new URL('/api/v1/health', url).href, { ca: caPem });
    expect(health.status).toBe(200);
    // Every API call still needs a paired token.
    const res = await fetch(new URL('/api/v1/health', url)).catch((e: Error) => e);
    expect(res).toBeInstanceOf(Error);
  });

  it('without --lan, a site that made its CA still offers it: /ca.der is the certificate, /ca its fingerprint', async () => {
    const dataDir = (await import('../support/hub.js')).tempDir('safefloor-lan-');
    const tls = await lanTls({ dataDir, now: Date.now(), siteName: 'Test floor', hostname: 'Kiosk-01', interfaces });
    const { url } = await serve(dataDir, []);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const der = Buffer.from(await (await fetch(new URL('/ca.der', url))).arrayBuffer());
    expect(der.equals(new X509Certificate(tls.ca.certPem).raw)).toBe(true);
    expect(shownFingerprint(await (await fetch(new URL('/ca', url))).text())).toBe(new X509Certificate(tls.ca.certPem).fingerprint256);
  });

  it('without --lan it refuses a non-loopback --host: the LAN never gets plain HTTP', () => {
    const refused = runCli(['serve', '--data', '/nonexistent-never-created', '--host', '0.0.0.0', '--port', '0']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/without TLS: add --lan/);
  });
});
