/**
 * Verify's fast paths: an audit entry's or a presence record's canonical JSON made straight from
 * a clean line (verify-lines.ts) in exactly the shape the export writes it, without JSON.parse.
 * Runs in: the hub (plain Node), on the event loop or on a worker thread.
 *
 * In a clean line a string's text between its quotes is both its value and what JSON.stringify
 * writes for it, and a plain integer (no sign, no leading zero, at most 15 digits) is written back
 * as it stands; so the canonical text is the line's own tokens in another order. Any other line
 * (keys in another order, spaces, escapes, other numbers, other types) gets null here and takes
 * the general way (JSON.parse). Property tests hold both ways to the same verdicts and texts.
 */

/** Whether `text` holds `part` at `at`: startsWith, which V8 runs several times slower than comparing a slice. */
export function textAt(text: string, at: number, part: string): boolean {
  return text.slice(at, at + part.length) === part;
}

export const TokenString = 1;
export const TokenNumber = 2;
export const TokenNull = 3;
export const TokenTrue = 4;
export const TokenFalse = 5;

/** Where the last token read ends, its type, and a number's value. */
let tokenType = 0;
let tokenNumber = 0;

/** Reads one string, plain integer, null, true or false at `at`; returns where it ends, or -1. */
function token(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  if (c === 34) {
    const close = text.indexOf('"', at + 1);
    tokenType = TokenString;
    return close < 0 || close >= end ? -1 : close + 1;
  }
  if (c >= 48 && c <= 57) return plainInteger(text, at, end);
  if (c === 110 && textAt(text, at, 'null')) {
    tokenType = TokenNull;
    return at + 4;
  }
  if (c === 116 && textAt(text, at, 'true')) {
    tokenType = TokenTrue;
    return at + 4;
  }
  if (c === 102 && textAt(text, at, 'false')) {
    tokenType = TokenFalse;
    return at + 5;
  }
  return -1;
}

function plainInteger(text: string, at: number, end: number): number {
  let value = 0;
  let i = at;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
  }
  const digits = i - at;
  if (digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(at) === 48)) return -1;
  tokenType = TokenNumber;
  tokenNumber = value;
  return i;
}

function stringToken(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 34) return -1;
  const close = text.indexOf('"', at + 1);
  return close < 0 || close >= end ? -1 : close + 1;
}

/** An audit entry read by the fast path: its canonical JSON (without `hash`) and where its values are. */
export interface AuditLine {
  canonical: string;
  seq: number;
  /** The `entity`, `record_hash`, `prev_hash` and `hash` strings' text (without quotes): start and end. */
  entity: number;
  entityEnd: number;
  /**
   * `entity_id` where it is a string of a plain integer: its value; else NaN, and `entityId` is
   * its text (without quotes), or null.
   */
  entityIdNumber: number;
  entityId: string | null;
  recordHash: number;
  recordHashEnd: number;
  prevHash: number;
  prevHashEnd: number;
  hash: number;
  hashEnd: number;
}

/**
 * An audit line as the export writes it (auditKind.jsonLine), read from a clean line; null for
 * any other line. The result is reused by the next call.
 */
export function fastAuditLine(text: string, start: number, end: number, out: AuditLine): AuditLine | null {
  let p = start;
  if (!textAt(text, p, '{"seq":')) return null;
  const seq = p + 7;
  p = plainInteger(text, seq, end);
  if (p < 0) return null;
  const seqValue = tokenNumber;
  const seqEnd = p;
  if (!textAt(text, p, ',"at":')) return null;
  const at = p + 6;
  p = plainInteger(text, at, end);
  if (p < 0) return null;
  const atEnd = p;
  if (!textAt(text, p, ',"actor":')) return null;
  const actor = p + 9;
  p = stringToken(text, actor, end);
  if (p < 0) return null;
  const actorEnd = p;
  if (!textAt(text, p, ',"action":')) return null;
  const action = p + 10;
  p = stringToken(text, action, end);
  if (p < 0) return null;
  const actionEnd = p;
  if (!textAt(text, p, ',"entity":')) return null;
  const entity = p + 10;
  p = stringToken(text, entity, end);
  if (p < 0) return null;
  const entityEnd = p;
  if (!textAt(text, p, ',"entity_id":')) return null;
  const entityId = p + 13;
  p = token(text, entityId, end);
  if (p < 0 || (tokenType !== TokenString && tokenType !== TokenNull)) return null;
  const entityIdEnd = p;
  const idIsNull = tokenType === TokenNull;
  if (!textAt(text, p, ',"record_hash":')) return null;
  const recordHash = p + 15;
  p = stringToken(text, recordHash, end);
  if (p < 0) return null;
  const recordHashEnd = p;
  if (!textAt(text, p, ',"prev_hash":')) return null;
  const prevHash = p + 13;
  p = stringToken(text, prevHash, end);
  if (p < 0) return null;
  const prevHashEnd = p;
  if (!textAt(text, p, ',"hash":')) return null;
  const hash = p + 8;
  p = stringToken(text, hash, end);
  if (p < 0 || p !== end - 1 || text.charCodeAt(p) !== 125) return null;
  out.canonical =
    `{"action":${text.slice(action, actionEnd)},"actor":${text.slice(actor, actorEnd)},"at":${text.slice(at, atEnd)},` +
    `"entity":${text.slice(entity, entityEnd)},"entity_id":${text.slice(entityId, entityIdEnd)},"prev_hash":${text.slice(prevHash, prevHashEnd)},` +
    `"record_hash":${text.slice(recordHash, recordHashEnd)},"seq":${text.slice(seq, seqEnd)}}`;
  out.seq = seqValue;
  out.entity = entity + 1;
  out.entityEnd = entityEnd - 1;
  if (idIsNull) {
    out.entityId = null;
    out.entityIdNumber = Number.NaN;
  } else if (plainInteger(text, entityId + 1, entityIdEnd - 1) === entityIdEnd - 1) {
    out.entityIdNumber = tokenNumber;
    out.entityId = null;
  } else {
    out.entityIdNumber = Number.NaN;
    out.entityId = text.slice(entityId + 1, entityIdEnd - 1);
  }
  out.recordHash = recordHash + 1;
  out.recordHashEnd = recordHashEnd - 1;
  out.prevHash = prevHash + 1;
  out.prevHashEnd = prevHashEnd - 1;
  out.hash = hash + 1;
  out.hashEnd = p - 1;
  return out;
}

/** A presence record read by the fast path: its id and the canonical JSON of what the audit log hashed. */
export interface PresenceLine {
  id: number;
  canonical: string;
}

/**
 * A presence line as the export writes it (presenceKind.jsonLine), read from a clean line, with a
 * plain integer id and `at` as toISOString writes it; null for any other line. The canonical text
 * is canonicalJson(presenceKind.audited(record)). The result is reused by the next call.
 */
export function fastPresenceLine(text: string, start: number, end: number, out: PresenceLine): PresenceLine | null {
  let p = start;
  if (!textAt(text, p, '{"id":')) return null;
  const id = p + 6;
  p = plainInteger(text, id, end);
  if (p < 0) return null;
  const idValue = tokenNumber;
  const idEnd = p;
  if (!textAt(text, p, ',"at":')) return null;
  const at = p + 6;
  p = stringToken(text, at, end);
  if (p < 0 || p - at !== 26) return null;
  const atValue = isoInstant(text, at + 1);
  if (Number.isNaN(atValue)) return null;
  if (!textAt(text, p, ',"kind":')) return null;
  const kind = p + 8;
  p = token(text, kind, end);
  if (p < 0) return null;
  const kindEnd = p;
  if (!textAt(text, p, ',"employee_no":')) return null;
  p = token(text, p + 15, end);
  if (p < 0 || !textAt(text, p, ',"name":')) return null;
  p = token(text, p + 8, end);
  if (p < 0 || !textAt(text, p, ',"team":')) return null;
  p = token(text, p + 8, end);
  if (p < 0 || !textAt(text, p, ',"person_id":')) return null;
  const personId = p + 13;
  p = token(text, personId, end);
  if (p < 0) return null;
  const personIdEnd = p;
  if (!textAt(text, p, ',"method":')) return null;
  const method = p + 10;
  p = token(text, method, end);
  if (p < 0) return null;
  const methodEnd = p;
  if (!textAt(text, p, ',"automatic":')) return null;
  const automatic = p + 13;
  p = token(text, automatic, end);
  if (p < 0) return null;
  // `automatic ? 1 : 0` of the parsed value.
  const set =
    tokenType === TokenTrue || (tokenType === TokenNumber && tokenNumber !== 0) || (tokenType === TokenString && p - automatic > 2);
  if (!textAt(text, p, ',"device_id":')) return null;
  const deviceId = p + 13;
  p = token(text, deviceId, end);
  if (p < 0 || p !== end - 1 || text.charCodeAt(p) !== 125) return null;
  out.id = idValue;
  out.canonical =
    `{"at":${instantText(atValue)},"automatic":${set ? 1 : 0},"device_id":${text.slice(deviceId, p)},"id":${text.slice(id, idEnd)},` +
    `"kind":${text.slice(kind, kindEnd)},"method":${text.slice(method, methodEnd)},"person_id":${text.slice(personId, personIdEnd)}}`;
  return out;
}

const zeros = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000'];
let lastHigh = -1;
let lastHighText = '';

/**
 * String(at) for an instant in milliseconds. V8 writes a number beyond 2^31 (every instant since
 * 1970-01-25) by the general double-to-text algorithm, a third of a microsecond each; small
 * integers it writes fast. So the instant is written as its high digits (the same for a day at a
 * time, kept) and its low eight.
 */
export function instantText(at: number): string {
  if (!(at >= 1e8 && at < 1e15 && Number.isInteger(at))) return String(at);
  const high = Math.floor(at / 1e8);
  const low = String(at - high * 1e8);
  if (high !== lastHigh) {
    lastHigh = high;
    lastHighText = String(high);
  }
  return lastHighText + zeros[8 - low.length]! + low;
}

/** Midnight of each day seen (by its YYYY-MM-DD text), as Date.parse gives it. */
const days = new Map<string, number>();

/**
 * Date.parse of `YYYY-MM-DDTHH:mm:ss.sssZ` at `at` (as toISOString writes instants from year 0 to
 * 9999), by the day's midnight (looked up once) and the time of day; NaN for anything else, which
 * then takes the general way.
 */
export function isoInstant(text: string, at: number): number {
  if (
    text.charCodeAt(at + 4) !== 45 ||
    text.charCodeAt(at + 7) !== 45 ||
    text.charCodeAt(at + 10) !== 84 ||
    text.charCodeAt(at + 13) !== 58 ||
    text.charCodeAt(at + 16) !== 58 ||
    text.charCodeAt(at + 19) !== 46 ||
    text.charCodeAt(at + 23) !== 90
  ) {
    return Number.NaN;
  }
  const hours = twoDigits(text, at + 11);
  const minutes = twoDigits(text, at + 14);
  const seconds = twoDigits(text, at + 17);
  const millis = twoDigits(text, at + 20) * 10 + digit(text, at + 22);
  if (!(hours <= 23 && minutes <= 59 && seconds <= 59 && millis >= 0)) return Number.NaN;
  const date = text.slice(at, at + 10);
  let midnight = days.get(date);
  if (midnight === undefined) {
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (Number.isNaN(digit(text, at + i))) return Number.NaN;
    midnight = Date.parse(`${date}T00:00:00.000Z`);
    if (days.size >= 100_000) days.clear();
    days.set(date, midnight);
  }
  return midnight + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

function twoDigits(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}
