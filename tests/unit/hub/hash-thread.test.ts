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
import { chunkBytes, InlineThread, startHashThread, type HashThread } from '../../../electron/hub/export/hash-thread.js';
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

  it('lends each chunk again only once it is written: many chunks filled while earlier ones wait still reach the file as filled', async () => {
    const thread = start();
    const dir = tempDir('safefloor-hash-');
    const file = thread.open(join(dir, 'chunks.bin'));
    const expected: Buffer[] = [];
    const lent = new Set<ArrayBufferLike>();
    // 80 chunks (more than may wait for the thread) in bursts of 20 between waits, each filled
    // with its own bytes and partly (as a writer's last chunk is).
    for (let i = 0; i < 80; i++) {
      const chunk = thread.chunk();
      expect(chunk.length).toBe(chunkBytes);
      lent.add(chunk.buffer);
      const used = chunkBytes - i * 1000;
      for (let at = 0; at < used; at += 4) chunk.writeUInt32LE((i * 2654435761 + at) >>> 0, at);
      const part = chunk.subarray(0, used);
      expected.push(Buffer.from(part));
      thread.write(file, part);
      if (i % 20 === 19) await thread.drained();
    }
    const hash = await thread.close(file);
    const written = readFileSync(join(dir, 'chunks.bin'));
    expect(written.equals(Buffer.concat(expected))).toBe(true);
    expect(hash).toBe(sha512(written));
    // The memory is reused rather than a fresh chunk made every time.
    expect(lent.size).toBeLessThan(80);
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
