/**
 * The site CA for tablets: `GET /ca.crt` (the certificate to install) and `GET /ca` (a page with
 * its SHA-256 fingerprint, to compare on the tablet before trusting it, and how). Both are public:
 * a certificate is not a secret, and a tablet needs it before it can pair. Trusting it is still
 * the tablet owner's act, and pairing still needs a one-time code. Runs in: the hub.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createI18n, type Language } from '../../../shared/i18n/index.js';
import type { SiteCaFile } from '../tls/site-ca.js';
import { securityHeaders } from './headers.js';

const t = createI18n().t;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** True when the request was for one of the CA paths (and has been answered). */
export function serveSiteCa(req: IncomingMessage, res: ServerResponse, pathname: string, ca: SiteCaFile | null, language: Language): boolean {
  if (pathname !== '/ca.crt' && pathname !== '/ca.der' && pathname !== '/ca') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...securityHeaders, Allow: 'GET, HEAD' }).end();
    return true;
  }
  if (!ca) {
    res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end(t('caPage.none', { lng: language }));
    return true;
  }
  if (pathname === '/ca.crt' || pathname === '/ca.der') {
    // PEM for most, DER for the phones that only take binary; the same certificate either way.
    const body = pathname === '/ca.crt' ? Buffer.from(ca.certPem) : ca.der;
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'application/x-x509-ca-cert',
      'Content-Disposition': `attachment; filename="safefloor-site-ca.${pathname === '/ca.crt' ? 'crt' : 'cer'}"`,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  const w = (key: string) => escapeHtml(t(`caPage.${key}`, { lng: language }));
  // No script and no inline style: the page lives under the same strict CSP as everything else.
  // The fingerprint may break after any colon (<wbr>): on a tablet held upright it is wider than the screen.
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${w('title')}</title></head>
<body>
<main>
<h1>${w('title')}</h1>
<p>${w('intro')}</p>
<h2>${w('fingerprintHeading')}</h2>
<p><code id="fingerprint">${escapeHtml(ca.fingerprint).replace(/:/g, ':<wbr>')}</code></p>
<p>${w('compare')}</p>
<p><a href="/ca.crt" download>${w('download')}</a> · <a href="/ca.der" download>${w('downloadDer')}</a></p>
<h2>${w('stepsHeading')}</h2>
<ol><li>${w('step1')}</li><li>${w('step2')}</li><li>${w('step3')}</li></ol>
<p>${w('pairing')}</p>
</main>
</body>
</html>
`;
  res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}
