/**
 * SHA-512 on a thread of its own, for exports and verify. Runs in: the hub.
 *
 * An export hashes and writes about a gigabyte for a million records, and verify hashes it all
 * again; on the event loop that is seconds during which nothing else moves. A worker thread does
 * it beside the loop instead, on the machine's other core: the export fills chunks of memory that
 * the thread lends it (shared, not copied) and hands each full one back to hash and write, and
 * verify hands it the file names to hash while the loop parses the records.
 *
 * The chunks are reused once written. A fresh 1 MB buffer per chunk, moved to the thread and freed
 * there, cost a page fault for every 4 KB the writer then filled: copying 450 MB into fresh buffers
 * took 990 ms against 174-197 ms into reused memory (same machine, same minute).
 *
 * The worker's program is plain JavaScript that needs only Node's own modules, so it starts the
 * same from the sources (tests), the command line's bundle and the Electron hub process. Where a
 * worker cannot start, the same work runs on the event loop (slower, same result).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const program = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const files = new Map();
const reply = (m) => parentPort.postMessage(m);
const errorOf = (err) => ({ message: String(err && err.message), code: err && err.code });
const writeAll = (fd, bytes) => { let at = 0; while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at); };
parentPort.on('message', (m) => {
  if (m.op === 'open') {
    try { files.set(m.id, { fd: fs.openSync(m.path, 'wx'), hash: createHash('sha512'), error: null }); }
    catch (err) { files.set(m.id, { fd: null, hash: null, error: errorOf(err) }); }
  } else if (m.op === 'write') {
    const f = files.get(m.id);
    const bytes = new Uint8Array(m.memory, m.offset, m.length);
    if (!f.error) { try { f.hash.update(bytes); writeAll(f.fd, bytes); } catch (err) { f.error = errorOf(err); } }
    reply({ op: 'written', id: m.id, length: m.length });
  } else if (m.op === 'close' || m.op === 'abort') {
    const f = files.get(m.id);
    files.delete(m.id);
    if (f.fd !== null) { try { fs.closeSync(f.fd); } catch (err) { f.error = f.error || errorOf(err); } }
    if (m.op === 'abort') reply({ op: 'closed', id: m.id, sha512: '' });
    else reply(f.error ? { op: 'closed', id: m.id, error: f.error } : { op: 'closed', id: m.id, sha512: f.hash.digest('hex') });
  } else if (m.op === 'hashFile') {
    try {
      const fd = fs.openSync(m.path, 'r');
      const hash = createHash('sha512');
      const chunk = Buffer.allocUnsafe(4 << 20);
      try { for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n)); }
      finally { fs.closeSync(fd); }
      reply({ op: 'hashed', id: m.id, sha512: hash.digest('hex') });
    } catch (err) { reply({ op: 'hashed', id: m.id, error: errorOf(err) }); }
  } else if (m.op === 'end') {
    for (const f of files.values()) if (f.fd !== null) { try { fs.closeSync(f.fd); } catch {} }
    files.clear();
    parentPort.close();
  }
});
`;

/** How much may wait for the worker before the writer pauses (memory stays bounded). */
const maxQueuedBytes = 32 << 20;
/** The size of the chunks the thread lends (see chunk()). */
export const chunkBytes = 1 << 20;

type Reply =
  | { op: 'written'; id: number; length: number }
  | { op: 'closed' | 'hashed'; id: number; sha512?: string; error?: { message: string; code?: string } };

const failure = (e: { message: string; code?: string }) => Object.assign(new Error(e.message), e.code ? { code: e.code } : {});

/** Files written and hashed off the event loop; buffers passed to `write` are moved to the worker. */
export interface HashThread {
  /** Creates the file (it must not exist yet) and returns its handle. */
  open(path: string): number;
  /**
   * Memory for a file's next bytes (chunkBytes long): fill it, then hand it to write() and use it
   * no more. The thread lends it again once it has written it.
   */
  chunk(): Buffer;
  /**
   * Appends the bytes: a chunk from chunk() (or part of one), or a buffer that is the sole view of
   * its own memory (from Buffer.allocUnsafeSlow), which is moved to the thread.
   */
  write(file: number, bytes: Buffer): void;
  /** Resolves once little enough is queued. */
  drained(): Promise<void>;
  /** Closes the file; resolves to its SHA-512 (hex) or rejects with the first write error. */
  close(file: number): Promise<string>;
  /** Closes the file without a hash (a cancelled or failed export); resolves once it is closed. */
  abort(file: number): Promise<void>;
  /** The SHA-512 (hex) of a whole file. */
  hashFile(path: string): Promise<string>;
  /** Ends the thread once its work is done. */
  end(): void;
}

class WorkerThread implements HashThread {
  private nextId = 1;
  private queued = 0;
  private readonly waiting = new Map<number, { resolve(hex: string): void; reject(err: Error): void }>();
  private drainWaiters: Array<() => void> = [];
  private broken: Error | null = null;
  /** Chunks written and ready to be lent again. */
  private readonly free: SharedArrayBuffer[] = [];
  /** The memory of each write not yet answered, in order (the worker answers in order); null for moved buffers. */
  private readonly unanswered: Array<SharedArrayBuffer | null> = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      if (m.op === 'written') {
        this.queued -= m.length;
        const memory = this.unanswered.shift();
        if (memory) this.free.push(memory);
        if (this.queued <= maxQueuedBytes) this.wakeDrainers();
        return;
      }
      const waiter = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error) waiter?.reject(failure(m.error));
      else waiter?.resolve(m.sha512!);
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', () => this.fail(new Error('the hashing thread stopped')));
  }

  private fail(err: Error) {
    this.broken ??= err;
    for (const waiter of this.waiting.values()) waiter.reject(this.broken);
    this.waiting.clear();
    this.wakeDrainers();
  }

  private wakeDrainers() {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }

  open(path: string): number {
    const id = this.nextId++;
    this.worker.postMessage({ op: 'open', id, path });
    return id;
  }

  chunk(): Buffer {
    return Buffer.from(this.free.pop() ?? new SharedArrayBuffer(chunkBytes));
  }

  write(file: number, bytes: Buffer): void {
    if (this.broken) return;
    this.queued += bytes.length;
    const memory = bytes.buffer;
    const message = { op: 'write', id: file, memory, offset: bytes.byteOffset, length: bytes.length };
    if (memory instanceof SharedArrayBuffer) {
      this.unanswered.push(memory);
      this.worker.postMessage(message);
    } else {
      this.unanswered.push(null);
      this.worker.postMessage(message, [memory]);
    }
  }

  drained(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.queued <= maxQueuedBytes) return Promise.resolve();
    return new Promise<void>((resolve) => this.drainWaiters.push(resolve)).then(() => {
      if (this.broken) throw this.broken;
    });
  }

  private ask(message: { op: string; id: number; path?: string }): Promise<string> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  close(file: number): Promise<string> {
    return this.ask({ op: 'close', id: file });
  }

  async abort(file: number): Promise<void> {
    // A broken worker has ended, and its files were closed with it.
    await this.ask({ op: 'abort', id: file }).catch(() => undefined);
  }

  hashFile(path: string): Promise<string> {
    return this.ask({ op: 'hashFile', id: this.nextId++, path });
  }

  end(): void {
    // Handled after everything posted before it: the worker closes what is still open and exits.
    this.worker.postMessage({ op: 'end' });
    this.worker.unref();
  }
}

/** The same work on the event loop, for where no worker can start. */
export class InlineThread implements HashThread {
  private nextId = 1;
  private readonly files = new Map<number, { fd: number | null; hash: ReturnType<typeof createHash>; error: Error | null }>();

  open(path: string): number {
    const id = this.nextId++;
    try {
      this.files.set(id, { fd: openSync(path, 'wx'), hash: createHash('sha512'), error: null });
    } catch (err) {
      this.files.set(id, { fd: null, hash: createHash('sha512'), error: err as Error });
    }
    return id;
  }

  /** Written as soon as handed over, so a chunk can be lent again at once. */
  private readonly free: ArrayBufferLike[] = [];
  /** The memory of every chunk lent, to tell it from a buffer moved here (which is not lent again). */
  private readonly lent = new WeakSet<ArrayBufferLike>();

  chunk(): Buffer {
    const memory = this.free.pop();
    if (memory) return Buffer.from(memory);
    const fresh = Buffer.allocUnsafeSlow(chunkBytes);
    this.lent.add(fresh.buffer);
    return fresh;
  }

  write(file: number, bytes: Buffer): void {
    const f = this.files.get(file)!;
    if (!f.error && f.fd !== null) {
      try {
        f.hash.update(bytes);
        for (let at = 0; at < bytes.length; ) at += writeSync(f.fd, bytes, at, bytes.length - at);
      } catch (err) {
        f.error = err as Error;
      }
    }
    if (this.lent.has(bytes.buffer)) this.free.push(bytes.buffer);
  }

  drained(): Promise<void> {
    return Promise.resolve();
  }

  async close(file: number): Promise<string> {
    const f = this.files.get(file)!;
    this.files.delete(file);
    if (f.fd !== null) closeSync(f.fd);
    if (f.error) throw f.error;
    return f.hash.digest('hex');
  }

  async abort(file: number): Promise<void> {
    const f = this.files.get(file);
    this.files.delete(file);
    if (f?.fd != null) closeSync(f.fd);
  }

  async hashFile(path: string): Promise<string> {
    const fd = openSync(path, 'r');
    const hash = createHash('sha512');
    const chunk = Buffer.allocUnsafe(4 << 20);
    try {
      for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return hash.digest('hex');
  }

  end(): void {}
}

/** A hashing thread; on the event loop where a worker cannot start. */
export function startHashThread(): HashThread {
  try {
    return new WorkerThread(new Worker(program, { eval: true }));
  } catch {
    return new InlineThread();
  }
}
