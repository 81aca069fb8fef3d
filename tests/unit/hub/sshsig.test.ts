import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyStore, loadOrCreateDeviceKey } from '../../../electron/hub/export/device-key.js';
import { allowedSignersLine, fingerprint, signMessage, sshPublicKey, verifySha512 } from '../../../electron/hub/export/sshsig.js';
import { tempDir } from '../../support/hub.js';
import { createHash } from 'node:crypto';

// The real tool an auditor runs. `.ci/run` makes sure it is installed.
function sshKeygenVerify(dir: string, message: Buffer, signature: string, signers: string, principal: string, namespace = 'file') {
  writeFileSync(join(dir, 'allowed_signers'), `${signers}\n`);
  writeFileSync(join(dir, 'msg.sig'), signature);
  return spawnSync('ssh-keygen', ['-Y', 'verify', '-f', join(dir, 'allowed_signers'), '-I', principal, '-n', namespace, '-s', join(dir, 'msg.sig')], {
    input: message,
    encoding: 'utf8',
  });
}

describe('SSHSIG made in Node', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const message = Buffer.from('{"files":[{"path":"presence_events.csv","sha512":"ab"}],"名称":"入口签到机"}\n');

  it('is accepted by ssh-keygen -Y verify', () => {
    const dir = tempDir();
    const result = sshKeygenVerify(dir, message, signMessage(message, privateKey), allowedSignersLine('safefloor-entrance', privateKey), 'safefloor-entrance');
    expect(result.stdout + result.stderr).toMatch(/Good "file" signature for safefloor-entrance/);
    expect(result.status).toBe(0);
  });

  it('is rejected by ssh-keygen when one byte of the message changes, or for another key or namespace', () => {
    const dir = tempDir();
    const signature = signMessage(message, privateKey);
    const changed = Buffer.from(message);
    changed[5] = changed[5]! ^ 1;
    expect(sshKeygenVerify(dir, changed, signature, allowedSignersLine('p', privateKey), 'p').status).not.toBe(0);
    const other = generateKeyPairSync('ed25519').privateKey;
    expect(sshKeygenVerify(dir, message, signature, allowedSignersLine('p', other), 'p').status).not.toBe(0);
    expect(sshKeygenVerify(dir, message, signMessage(message, privateKey, 'email'), allowedSignersLine('p', privateKey), 'p').status).not.toBe(0);
  });

  it('is armoured with LF line endings and 70-column lines', () => {
    const armored = signMessage(message, privateKey);
    expect(armored).not.toContain('\r');
    const body = armored.split('\n').slice(1, -2);
    expect(body.every((line) => line.length <= 70)).toBe(true);
  });

  it('is checked by our own verifier the same way', () => {
    const hash = createHash('sha512').update(message).digest();
    const signature = signMessage(message, privateKey);
    expect(verifySha512(hash, signature, sshPublicKey(privateKey))).toBe(true);
    expect(verifySha512(createHash('sha512').update('other').digest(), signature, sshPublicKey(privateKey))).toBe(false);
    expect(verifySha512(hash, signature, sshPublicKey(generateKeyPairSync('ed25519').privateKey))).toBe(false);
    expect(verifySha512(hash, 'garbage', sshPublicKey(privateKey))).toBe(false);
  });

  it('has the fingerprint ssh-keygen -l shows', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'key.pub'), `${sshPublicKey(privateKey)} test\n`);
    const listed = spawnSync('ssh-keygen', ['-l', '-f', join(dir, 'key.pub')], { encoding: 'utf8' });
    expect(listed.stdout).toContain(fingerprint(privateKey));
  });
});

describe('the device key', () => {
  it('is made once, kept readable by its owner only, and the same key comes back', () => {
    const dir = tempDir();
    const store = fileKeyStore(dir);
    const first = loadOrCreateDeviceKey(store);
    const again = loadOrCreateDeviceKey(store);
    expect(sshPublicKey(again)).toBe(sshPublicKey(first));
    expect(statSync(join(dir, 'keys', 'device-ed25519.pem')).mode & 0o777).toBe(0o600);
  });
});
