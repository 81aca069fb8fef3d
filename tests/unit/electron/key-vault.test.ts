import { EventEmitter } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFromParent, type FromHubMessage, type ParentPortLike } from '../../../electron/hub/process-entry.js';
import { createLocalHubLink } from '../../../electron/main/hub-link.js';
import { createKeyVault } from '../../../electron/main/key-vault.js';
import { FakeSafeStorage, FakeUtilityProcess } from '../../support/fake-electron.js';
import { tempDir } from '../../support/hub.js';

const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

class Port extends EventEmitter implements ParentPortLike {
  readonly posted: FromHubMessage[] = [];
  postMessage(message: FromHubMessage) {
    this.posted.push(message);
  }
  send(data: unknown) {
    this.emit('message', { data });
  }
}

describe('the signing key in the OS keystore', () => {
  it('is written encrypted, never as the plain PEM, and read back', () => {
    const dir = tempDir();
    const vault = createKeyVault(new FakeSafeStorage(), dir)!;
    expect(vault.load()).toBeNull();
    vault.save(pem);
    const stored = readFileSync(join(dir, 'keys', 'device-ed25519.pem.enc'));
    expect(stored.toString()).not.toContain('PRIVATE KEY');
    expect(vault.load()).toBe(pem);
  });

  it('is not offered where the OS has no keystore (the hub then keeps it in its data folder)', () => {
    const storage = new FakeSafeStorage();
    storage.available = false;
    expect(createKeyVault(storage, tempDir())).toBeNull();
  });

  it('the shell starts the hub with --key-from-parent, hands the key over, and stores the one the hub makes', () => {
    const utilityProcess = new FakeUtilityProcess();
    const saved: string[] = [];
    const link = createLocalHubLink({ utilityProcess, modulePath: 'hub.cjs', args: ['--data', '/x'], keyVault: { load: () => null, save: (p) => saved.push(p) } });
    try {
      const child = utilityProcess.last;
      expect(child.args).toContain('--key-from-parent');
      expect(child.posted[0]).toEqual({ type: 'key', pem: null, canCreate: true });
      child.reply({ type: 'save-key', pem });
      expect(saved).toEqual([pem]);
    } finally {
      link.close();
    }
  });

  it('a key that exists but cannot be decrypted is never replaced', async () => {
    const utilityProcess = new FakeUtilityProcess();
    const link = createLocalHubLink({
      utilityProcess,
      modulePath: 'hub.cjs',
      args: [],
      keyVault: {
        load: () => {
          throw new Error('keyring locked');
        },
        save: () => {
          throw new Error('must not be called');
        },
      },
    });
    try {
      expect(utilityProcess.last.posted[0]).toEqual({ type: 'key', pem: null, canCreate: false });
    } finally {
      link.close();
    }
    const port = new Port();
    const pending = keyFromParent(port, 1000);
    port.send({ type: 'key', pem: null, canCreate: false });
    const store = await pending;
    expect(store.load()).toBeNull();
    expect(() => store.save(pem)).toThrow(/cannot be read now/);
    expect(port.posted).toEqual([]);
  });

  it('the hub process uses the key it was handed, and sends back one it makes', async () => {
    const port = new Port();
    const pending = keyFromParent(port, 1000);
    port.send({ type: 'call', id: 1, method: 'x', input: {}, language: 'en' }); // not the key: ignored
    port.send({ type: 'key', pem, canCreate: true });
    const store = await pending;
    expect(store.load()).toBe(pem);
    store.save('another');
    expect(port.posted).toEqual([{ type: 'save-key', pem: 'another' }]);
    await expect(keyFromParent(new Port(), 20)).rejects.toThrow(/did not hand over the signing key/);
  });
});
