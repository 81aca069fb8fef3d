/**
 * `safefloor`: the hub's command line (serve, token create, device pair). Runs in: plain Node.
 * Output meant for scripts (a token, a link) stands alone on the last line.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isIsoDay } from '../../../shared/domain/time.js';
import { seedDemo } from '../demo.js';
import { recordCount } from '../export/manifest.js';
import { ExportRefused } from '../export/run-export.js';
import { verifyExport } from '../export/verify.js';
import { openHub } from '../hub.js';
import { startHttpServer } from '../http/server.js';
import { consoleLogger } from '../log.js';
import { softwareVersion } from '../version.js';
import { defaultDataDir, defaultPort, parsePort, parseRole, UsageError } from './args.js';
import { extinguishersImport } from './extinguishers.js';
import { pairingLink, readHubUrl, removeHubFile, writeHubFile } from './hub-file.js';
import { rosterCommand, rosterUsage } from './roster.js';
import { dbCommand, dbUsage } from './db.js';
import { purgeCommand, purgeUsage } from './purge.js';
import { checkHost, listenPlan, serveEmergencyOnly } from './listen.js';
import { DatabaseFileError } from '../db/errors.js';
import type { HttpServer } from '../http/server.js';

const usage = `SafeFloor ${softwareVersion}

Usage:
  safefloor serve [--data DIR] [--port N] [--host ADDR] [--lan] [--demo]
  safefloor token create --data DIR --role ROLE [--name NAME]
  safefloor device pair --data DIR --role ROLE [--name NAME] [--url URL]
  safefloor export --data DIR --out DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  safefloor verify DIR [--previous DIR] [--allowed-signers FILE]
  safefloor key --data DIR
  ${rosterUsage}
  safefloor extinguishers import --data DIR FILE.csv [--dry-run]
  ${dbUsage}
  ${purgeUsage}

LAN access (--lan, or the site setting lanAccess): HTTPS on every interface with the site's own
certificate; without it the hub answers on 127.0.0.1 only.

Roles: kiosk, warden, display, admin, integration.`;

/** The built renderer, found from wherever this file runs (bundled in dist/ or from source). */
function findRenderer(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'renderer', 'index.html')) && existsSync(join(dir, 'assets'))) return join(dir, 'renderer');
    dir = dirname(dir);
  }
  return undefined;
}

async function serve(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      lan: { type: 'boolean', default: false },
    },
  });
  const dataDir = resolve(values.data ?? defaultDataDir());
  const port = parsePort(values.port, defaultPort);
  // A LAN --host without --lan is refused before anything is opened (the site setting cannot make it plain HTTP either).
  checkHost(values.lan, values.host);
  const log = consoleLogger();
  const hub = await openHub({ dataDir, log }).catch(async (err: unknown) => {
    if (!(err instanceof DatabaseFileError)) throw err;
    // The database cannot be used: name it, say what can be done, and keep the emergency information on the screens.
    const http = await serveEmergencyOnly(err, { dataDir, lan: values.lan, host: values.host, port, staticDir: findRenderer(), now: Date.now() });
    stopOnSignal(http);
    return null;
  });
  if (!hub) return;
  if (values.demo) {
    const demo = await seedDemo(hub.db, hub.clock.now());
    console.log(demo.seeded ? `Demo site created: ${demo.people} staff (PIN 1234, badge BADGE-<employee number>).` : 'Demo: the database already has people; left as it is.');
  }
  const staticDir = findRenderer();
  if (!staticDir) console.log('The renderer is not built (npm run build): serving the API only.');
  const lan = values.lan || (await hub.settings.current()).lanAccess;
  const plan = await listenPlan({ lan, host: values.host, dataDir, now: hub.clock.now(), port, siteName: (await hub.settings.current()).signerName }).catch(async (err: unknown) => {
    await hub.close();
    throw err;
  });
  const http = await startHttpServer(hub, { host: plan.host, port, staticDir, tls: plan.tls, siteCa: plan.siteCa });
  for (const line of [...plan.notes, ...plan.finish(http.port)]) console.log(line);
  // Links for other devices (pairing) point where they can reach the hub: its LAN address when it has one.
  const reachable = plan.lanUrl(http.port) ?? http.url;
  writeHubFile(dataDir, reachable);
  if (values.demo) {
    for (const role of ['kiosk', 'warden', 'display'] as const) {
      const { code } = await hub.devices.createPairing(role, `demo ${role}`);
      console.log(`Open as ${role}: ${pairingLink(reachable, code)}`);
    }
  }
  console.log(`SafeFloor hub listening on ${http.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    removeHubFile(dataDir);
    await http.close();
    await hub.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The emergency-only server stops on SIGINT/SIGTERM like the hub does. */
function stopOnSignal(http: HttpServer) {
  const stop = () => void http.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function deviceOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } },
  });
  if (!values.data) throw new UsageError('--data DIR is required');
  return { dataDir: resolve(values.data), role: parseRole(values.role), name: values.name, url: values.url };
}

async function tokenCreate(argv: string[]) {
  const { dataDir, role, name } = deviceOptions(argv);
  const hub = await openHub({ dataDir });
  try {
    const { token, device } = await hub.devices.createToken(role, name ?? `${role} (command line)`);
    console.log(`Token for device ${device.id} "${device.name}" with role ${device.role}. It is shown once; keep it secret.`);
    console.log(token);
  } finally {
    await hub.close();
  }
}

async function devicePair(argv: string[]) {
  const { dataDir, role, name, url } = deviceOptions(argv);
  const hub = await openHub({ dataDir });
  try {
    const base = url ?? readHubUrl(dataDir) ?? `http://127.0.0.1:${defaultPort}/`;
    const { code, expiresAt } = await hub.devices.createPairing(role, name ?? `${role} device`);
    console.log(`One-time pairing link for a ${role} device, valid until ${new Date(expiresAt).toISOString()}. Open it in the device's browser:`);
    console.log(pairingLink(base, code));
  } finally {
    await hub.close();
  }
}

async function exportCommand(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  if (!values.data) throw new UsageError('--data DIR is required');
  if (!values.out) throw new UsageError('--out DIR is required');
  for (const day of [values.from, values.to]) if (day !== undefined && !isIsoDay(day)) throw new UsageError(`not a day (YYYY-MM-DD): ${day}`);
  const dataDir = resolve(values.data);
  const hub = await openHub({ dataDir });
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  try {
    let shown = -1;
    const result = await hub.exports.run({
      outDir: values.out,
      from: values.from,
      to: values.to,
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        const percent = total ? Math.floor((done / total) * 100) : 100;
        if (percent !== shown && process.stderr.isTTY) process.stderr.write(`\rexporting… ${percent}%`);
        shown = percent;
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const records = recordCount(result.manifest);
    console.log(`Exported ${records} records (${result.manifest.files.length} files) to ${result.dir}, signed by ${result.manifest.device.principal} ${result.manifest.device.fingerprint}.`);
  } finally {
    process.off('SIGINT', cancel);
    await hub.close();
  }
}

async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { previous: { type: 'string' }, 'allowed-signers': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('verify takes one folder');
  const result = await verifyExport(resolve(positionals[0]!), { previous: values.previous, allowedSigners: values['allowed-signers'] });
  if (result.ok) {
    console.log(result.summary);
    return 0;
  }
  console.error(`FAILED: ${result.failures.join('; ')}`);
  return 1;
}

async function keyCommand(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } } });
  if (!values.data) throw new UsageError('--data DIR is required');
  const hub = await openHub({ dataDir: resolve(values.data) });
  try {
    const key = await hub.exports.key();
    console.log(`Fingerprint: ${key.fingerprint}`);
    console.log('Give auditors this allowed_signers line through a separate channel:');
    console.log(key.allowedSigners);
  } finally {
    await hub.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'serve') {
      await serve(argv.slice(1));
      return -1; // keeps running
    }
    if (command === 'token' && sub === 'create') await tokenCreate(rest);
    else if (command === 'device' && sub === 'pair') await devicePair(rest);
    else if (command === 'export') await exportCommand(argv.slice(1));
    else if (command === 'verify') return await verifyCommand(argv.slice(1));
    else if (command === 'key') await keyCommand(argv.slice(1));
    else if (command === 'extinguishers' && sub === 'import') return await extinguishersImport(rest);
    else if (command === 'roster') return await rosterCommand(argv.slice(1));
    else if (command === 'db') return await dbCommand(argv.slice(1));
    else if (command === 'purge') return await purgeCommand(argv.slice(1));
    else if (command === undefined || command === '--help' || command === 'help') console.log(usage);
    else throw new UsageError(`unknown command: ${[command, sub].filter(Boolean).join(' ')}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`safefloor: ${(err as Error).message}\n\n${usage}`);
      return 2;
    }
    if (err instanceof ExportRefused) {
      console.error(`safefloor: export refused: ${err.message}. Nothing was signed or written.`);
      return 1;
    }
    console.error(`safefloor: ${(err as Error).message}`);
    return 1;
  }
}
