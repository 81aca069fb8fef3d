/**
 * Reading an export's JSON Lines files for verify, fast: whole chunks of lines decoded at once,
 * and each chunk told where its lines are "clean" (no backslash, no control character, no lone
 * surrogate), so that the fast paths (verify-fast.ts) can read a clean line's strings as they stand.
 * Runs in: the hub (plain Node), on the event loop or on a worker thread.
 *
 * Node's UTF-8 decoding runs at about 200 MB/s here, a quarter of verify's budget for a million
 * records; ASCII is checked (and decoded) ten times faster, and export files are ASCII unless a
 * name or team has other letters. A chunk ends after a line feed, which is always a character
 * boundary, so decoding chunk by chunk gives exactly what decoding the whole file would.
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';

/** Called for every non-empty line: the chunk's text, the line's range in it, its number, and whether it is clean. */
export type EachLine = (text: string, start: number, end: number, line: number, clean: boolean) => void;

/** What a clean line may not contain: a backslash or a control character (a line feed ends lines). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const dirtyChar = /[\x00-\x09\x0b-\x1f\\]/g;

/**
 * How much text is decoded at once. Below V8's large-object size a string is made in the young
 * generation, whose memory is reused; a bigger one (or Node's external strings, from about 1 MB)
 * gets fresh pages from the kernel every time, which cost as much system time as the reading.
 */
const pieceBytes = 64 << 10;

/**
 * Calls `each` for every line of the file, with the same numbering and the same lines as splitting
 * the whole text at line feeds: empty lines are counted but not passed on, and a last line without
 * a line feed is passed on only if it is not blank. With `yieldToLoop`, lets the event loop run
 * after each read (of `readBytes`).
 */
export async function eachLine(file: string, each: EachLine, options: { readBytes?: number; yieldToLoop?: boolean } = {}): Promise<void> {
  const fd = openSync(file, 'r');
  let buffer = Buffer.allocUnsafe(options.readBytes ?? 4 << 20);
  let held = 0;
  let line = 0;
  try {
    for (;;) {
      if (held === buffer.length) {
        // A line longer than the buffer: make room for it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, held);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, held, buffer.length - held, null);
      const total = held + read;
      if (read === 0) {
        if (total > 0) line = eachInChunk(decode(buffer, 0, total), line, each, true);
        return;
      }
      const lastFeed = buffer.lastIndexOf(10, total - 1);
      if (lastFeed < 0) {
        held = total;
        continue;
      }
      for (let from = 0; from <= lastFeed; ) {
        let to = from + pieceBytes > lastFeed ? lastFeed + 1 : buffer.lastIndexOf(10, from + pieceBytes - 1) + 1;
        if (to <= from) to = buffer.indexOf(10, from) + 1;
        line = eachInChunk(decode(buffer, from, to), line, each, false);
        from = to;
      }
      held = total - lastFeed - 1;
      buffer.copy(buffer, 0, lastFeed + 1, total);
      if (options.yieldToLoop) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    closeSync(fd);
  }
}

function decode(buffer: Buffer, from: number, to: number): string {
  return isAscii(buffer.subarray(from, to)) ? buffer.toString('ascii', from, to) : buffer.toString('utf8', from, to);
}

/** The lines of one chunk (ending after a line feed, or the file's tail); returns the last line number used. */
export function eachInChunk(text: string, line: number, each: EachLine, tail: boolean): number {
  // A lone surrogate would be written escaped by JSON.stringify; UTF-8 decoding never gives one,
  // but the fast paths do not rely on that.
  const wellFormed = (text as string & { isWellFormed(): boolean }).isWellFormed();
  let dirtyAt = -1;
  let start = 0;
  let end: number;
  while ((end = text.indexOf('\n', start)) >= 0) {
    line++;
    if (end > start) {
      if (dirtyAt < start) dirtyAt = nextDirty(text, start);
      each(text, start, end, line, wellFormed && dirtyAt >= end);
    }
    start = end + 1;
  }
  if (tail && start < text.length) {
    const rest = text.slice(start);
    if (rest.trim()) {
      line++;
      if (dirtyAt < start) dirtyAt = nextDirty(text, start);
      each(text, start, text.length, line, wellFormed && dirtyAt >= text.length);
    }
  }
  return line;
}

function nextDirty(text: string, from: number): number {
  dirtyChar.lastIndex = from;
  const found = dirtyChar.exec(text);
  return found ? found.index : Number.POSITIVE_INFINITY;
}
