/**
 * A CSV line written as bytes from the pieces of a page SQLite wrote: its number's digits, its
 * local time, then its cells, each a range of the page's bytes that the caller checked is a cell
 * csvCell writes as it is. Runs in: the hub.
 */
import { maxReserved, type ByteSink } from './file-writer.js';
import { carriageReturn, comma, copyShort, newline } from './line-bytes.js';
import { maxTimeBytes } from './local-time.js';

/**
 * Writes `<digits>,<local time>,<cell>…\r\n`: the digits are lines[digitsStart, digitsEnd), and the
 * `cells` cells are the ranges [start, end) held in pairs in `ranges` from `first` on.
 */
export function putCsvLine(
  csv: ByteSink,
  lines: Buffer,
  source: DataView,
  digitsStart: number,
  digitsEnd: number,
  instant: number,
  putLocal: (instant: number, bytes: Uint8Array, at: number) => number,
  ranges: Float64Array,
  first: number,
  cells: number,
): void {
  const last = first + 2 * cells;
  const lead = digitsEnd - digitsStart + 1 + maxTimeBytes;
  let length = lead + cells + 2;
  for (let r = first; r < last; r += 2) length += ranges[r + 1]! - ranges[r]!;
  // Cells too long to write in one go (at most maxReserved) go in piece by piece after the lead.
  const whole = length <= maxReserved;
  let p = csv.reserve(whole ? length : lead);
  const bytes = csv.bytes;
  const target = csv.words;
  p = copyShort(target, p, source, digitsStart, digitsEnd);
  bytes[p] = comma;
  p = putLocal(instant, bytes, p + 1);
  if (!whole) {
    csv.wrote(p);
    for (let r = first; r < last; r += 2) {
      putByte(csv, comma);
      csv.addBytes(lines, ranges[r]!, ranges[r + 1]!);
    }
    putByte(csv, carriageReturn);
    putByte(csv, newline);
    return;
  }
  for (let r = first; r < last; r += 2) {
    bytes[p] = comma;
    p = copyShort(target, p + 1, source, ranges[r]!, ranges[r + 1]!);
  }
  bytes[p] = carriageReturn;
  bytes[p + 1] = newline;
  csv.wrote(p + 2);
}

function putByte(sink: ByteSink, byte: number): void {
  const p = sink.reserve(1);
  sink.bytes[p] = byte;
  sink.wrote(p + 1);
}
