/**
 * A ByteSink (export/file-writer.ts) that keeps what it is given. Its room is small and every
 * reserve that does not fit starts a new buffer, so a writer that holds on to `bytes` or `words`
 * past its next call writes into memory the sink has let go of, and the text comes out wrong.
 */
import type { ByteSink } from '../../electron/hub/export/file-writer.js';

export function keepingSink(room = 96): ByteSink & { text(): string } {
  const full: Buffer[] = [];
  let bytes = Buffer.alloc(room);
  let used = 0;
  const fresh = (length: number) => {
    full.push(bytes.subarray(0, used));
    bytes = Buffer.alloc(Math.max(room, length));
    used = 0;
  };
  let words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const sink = {
    get bytes() {
      return bytes;
    },
    get words() {
      return words;
    },
    addBytes(source: Buffer, start: number, end: number) {
      fresh(0);
      full.push(Buffer.from(source.subarray(start, end)));
      words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    },
    reserve(length: number) {
      if (used + length > bytes.length) {
        fresh(length);
        words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      }
      return used;
    },
    wrote(end: number) {
      used = end;
    },
    text: () => Buffer.concat([...full, bytes.subarray(0, used)]).toString('utf8'),
  };
  return sink;
}
