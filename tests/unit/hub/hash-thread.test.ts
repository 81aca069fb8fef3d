/**
 * The hashing thread writes the export's files and works out their SHA-512s off the event loop
 * (and on the event loop where no worker can start). Either way the file holds exactly the bytes
 * given, in order, the hash is the file's, an existing file is never overwritten, and a file
 * abandoned mid-way is closed so its folder can be removed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InlineThread, startHashThread, type HashThread } from '../../../electron/hub/export/hash-thread.js';
import { tempDir } from '../../support/hub.js';

const chunkOf = (text: string) => {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
};
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

describe.each([
  ['on a worker thread', () => startHashThread()],
  ['on the event loop', (): HashThread => new InlineThread()],
])('the hashing thread, %s', (_name, start) => {
  it('writes the bytes in order and gives their SHA-512, also for a file hashed again later', async () => {
    const thread = start();
    const dir = tempDir('safefloor-hash-');
    const pieces = Array.from({ length: 50 }, (_, i) => `line ${i}: 张伟, "quoted", ${'x'.repeat(i * 37)}\n`);
    const a = thread.open(join(dir, 'a.txt'));
    const b = thread.open(join(dir, 'b.txt'));
    for (const piece of pieces) {
      thread.write(a, chunkOf(piece));
      thread.write(b, chunkOf(piece.toUpperCase()));
      await thread.drained();
    }
    const [hashA, hashB] = await Promise.all([thread.close(a), thread.close(b)]);
    const bytesA = readFileSync(join(dir, 'a.txt'));
    expect(bytesA.toString()).toBe(pieces.join(''));
    expect(hashA).toBe(sha512(bytesA));
    expect(hashB).toBe(sha512(readFileSync(join(dir, 'b.txt'))));
    expect(await thread.hashFile(join(dir, 'a.txt'))).toBe(hashA);
    thread.end();
  });

  it('never overwrites a file that is there, and says so when the file is closed', async () => {
    const thread = start();
    const dir = tempDir('safefloor-hash-');
    writeFileSync(join(dir, 'taken.txt'), 'keep me');
    const file = thread.open(join(dir, 'taken.txt'));
    thread.write(file, chunkOf('other'));
    await expect(thread.close(file)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'taken.txt'), 'utf8')).toBe('keep me');
    await expect(thread.hashFile(join(dir, 'none.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    thread.end();
  });

  it('closes an abandoned file, so its folder can be removed', async () => {
    const thread = start();
    const dir = tempDir('safefloor-hash-');
    const file = thread.open(join(dir, 'half.txt'));
    thread.write(file, chunkOf('half of it'));
    await thread.abort(file);
    rmSync(dir, { recursive: true });
    expect(existsSync(dir)).toBe(false);
    thread.end();
  });
});
