// `npm start`: the desktop app when the Electron runtime is on this machine; otherwise one line
// saying so, and the same UI served to a browser (`safefloor serve --demo`, which prints the URL).
// Arguments after `npm start --` go to whichever runs. Runs in: plain Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/**
 * The Electron binary, found the way the electron package finds it but without its side effect:
 * requiring 'electron' downloads the runtime when it is missing, which cannot work here.
 */
function electronBinary() {
  let dir;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(dir, 'dist', relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** Builds dist/ when a piece this start needs is missing. */
function ensureBuilt(needed) {
  if (needed.every((file) => existsSync(join(root, file)))) return;
  console.log('Building SafeFloor first (npm run build) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const missing = needed.filter((file) => !existsSync(join(root, file)));
  if (missing.includes('dist/hub/cli.mjs') || missing.includes('dist/electron/main.cjs')) {
    console.error(`safefloor: the build did not produce ${missing.join(', ')}; see the errors above.`);
    process.exit(1);
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)));
  child.on('error', (err) => {
    console.error(`safefloor: could not start ${command}: ${err.message}`);
    process.exit(1);
  });
}

const electron = electronBinary();
if (electron) {
  ensureBuilt(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/hub-process.cjs', 'dist/renderer/index.html']);
  run(electron, ['.', ...args]);
} else {
  console.log('The Electron runtime is not available on this machine (its binary was never downloaded), so SafeFloor serves the same UI to a browser instead:');
  ensureBuilt(['dist/hub/cli.mjs', 'dist/renderer/index.html']);
  // The hub's heap flags, as every hub starts (electron/hub/heap-flags.ts).
  run(process.execPath, ['--max-semi-space-size=8', '--heap-growing-percent=100', join(root, 'bin', 'safefloor.js'), 'serve', '--demo', ...args]);
}
