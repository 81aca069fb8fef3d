/**
 * The site's certificate authority and the hub's server certificate. Runs in: the hub.
 *
 * Node can sign but cannot build an X.509 certificate, so the certificates are assembled with
 * @peculiar/x509 (a maintained TypeScript X.509 library) on top of Node's own WebCrypto: the keys
 * are made and every signature is computed by node:crypto (OpenSSL), the library only writes the
 * ASN.1. ECDSA P-256 throughout: fast to make, accepted by every tablet browser.
 *
 * A tablet that trusts the site CA would trust anything it signs. So the CA is name-constrained
 * (RFC 5280, critical): it can only vouch for private, loopback and link-local addresses, for
 * `localhost`, `*.local` and this computer's own name. A stolen CA key could not impersonate a bank.
 */
// tsyringe, inside @peculiar/x509, needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, GeneralSubtree, GeneralSubtrees, id_ce_nameConstraints, NameConstraints } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { permittedRanges } from './addresses.js';
import type { SiteCaFile } from './site-ca.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const dayMs = 24 * 60 * 60_000;
/** Ten years: the CA is installed once on each tablet; making a new one means installing it again. */
export const caValidityDays = 3650;
/** Under 398 days: the longest server certificate Apple and Chrome accept. Renewed automatically. */
export const serverValidityDays = 397;

export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

/** A serial number: 16 random bytes, positive (the top bit clear). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

type Key = webcrypto.CryptoKey;

async function newKeys(): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

async function privateKeyPem(key: Key): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importPrivateKey(pem: string): Promise<Key> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
}

/** The DNS names a CA for this computer may vouch for: localhost, anything under .local, its own name. */
export function permittedDnsNames(hostname: string): string[] {
  const own = hostname.toLowerCase();
  return [...new Set(['localhost', 'local', ...(isDnsName(own) ? [own] : [])])];
}

const isDnsName = (name: string) => /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(name);

function nameConstraints(hostname: string): x509.Extension {
  const subtrees = [
    ...permittedDnsNames(hostname).map((dNSName) => new GeneralSubtree({ base: new GeneralName({ dNSName }) })),
    ...permittedRanges.map((iPAddress) => new GeneralSubtree({ base: new GeneralName({ iPAddress }) })),
  ];
  const value = AsnConvert.serialize(new NameConstraints({ permittedSubtrees: new GeneralSubtrees(subtrees) }));
  return new x509.Extension(id_ce_nameConstraints, true, value);
}

/** Makes the site CA: self-signed, may sign server certificates only (path length 0), name-constrained. */
export async function createSiteCa(options: { now: number; siteName: string; hostname: string }): Promise<KeyPairPem> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: [{ CN: [`SafeFloor site CA (${options.siteName})`] }, { O: ['SafeFloor'] }],
    // A day back: a tablet whose clock is a little behind must not see a certificate from the future.
    notBefore: new Date(options.now - dayMs),
    notAfter: new Date(options.now + caValidityDays * dayMs),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      nameConstraints(options.hostname),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

export interface ServerNames {
  dns: string[];
  ips: string[];
}

/** Makes the hub's TLS certificate for these names and addresses, signed by the site CA. */
export async function createServerCertificate(ca: KeyPairPem, names: ServerNames, options: { now: number }): Promise<KeyPairPem> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importPrivateKey(ca.keyPem);
  const keys = await newKeys();
  const altNames: x509.JsonGeneralName[] = [
    ...names.dns.map((value) => ({ type: 'dns' as const, value })),
    ...names.ips.filter((ip) => isIP(ip) !== 0).map((value) => ({ type: 'ip' as const, value })),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: [{ CN: [names.dns[0] ?? names.ips[0] ?? 'safefloor-hub'] }, { O: ['SafeFloor'] }],
    issuer: caCert.subjectName,
    notBefore: new Date(options.now - dayMs),
    notAfter: new Date(options.now + serverValidityDays * dayMs),
    signingAlgorithm: algorithm,
    signingKey: caKey,
    publicKey: keys.publicKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(altNames, false),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

export interface CertificateFacts {
  notAfter: number;
  dns: string[];
  ips: string[];
  /** Whether it is signed by `ca` (checked with the CA's public key). */
  signedBy(caPem: string): Promise<boolean>;
}

/** What a certificate says: its expiry, its names, and who signed it. */
export function readCertificate(pem: string): CertificateFacts {
  const cert = new x509.X509Certificate(pem);
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const json = san?.names.toJSON() ?? [];
  return {
    notAfter: cert.notAfter.getTime(),
    dns: json.filter((n) => n.type === 'dns').map((n) => n.value),
    ips: json.filter((n) => n.type === 'ip').map((n) => n.value),
    signedBy: async (caPem: string) => {
      const ca = new x509.X509Certificate(caPem);
      return cert.issuer === ca.subject && (await cert.verify({ publicKey: ca.publicKey, signatureOnly: true }));
    },
  };
}

/** The DNS names a CA's name constraints permit (what a server certificate it signs may carry). */
export function caPermittedDns(caPem: string): string[] {
  const ext = new x509.X509Certificate(caPem).getExtension(id_ce_nameConstraints);
  if (!ext) return [];
  const constraints = AsnConvert.parse(ext.value, NameConstraints);
  return (constraints.permittedSubtrees ?? []).flatMap((subtree) => (subtree.base.dNSName ? [subtree.base.dNSName] : []));
}

/** A CA certificate as the download page offers it: PEM, DER, and the SHA-256 fingerprint of the DER as browsers and phones show it (AA:BB:…). */
export function describeCa(certPem: string): SiteCaFile {
  const der = Buffer.from(new x509.X509Certificate(certPem).rawData);
  return { certPem, der, fingerprint: createHash('sha256').update(der).digest('hex').toUpperCase().match(/.{2}/g)!.join(':') };
}
