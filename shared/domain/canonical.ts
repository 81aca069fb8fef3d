/**
 * Canonical JSON: the same value always gives the same bytes (keys sorted, no whitespace), so a
 * record's hash in the audit chain can be recomputed by anyone. Pure: runs anywhere.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no place for a non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    // Written field by field from the sorted names (a string sort orders by UTF-16 code units):
    // every write hashes its record this way, and pairs of entries, filtered, sorted and mapped,
    // cost a sign-in about 3 KB of garbage and twice the time.
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let text = '{';
    for (const key of keys) {
      const field = record[key];
      if (field === undefined) continue;
      if (text.length > 1) text += ',';
      text += `${JSON.stringify(key)}:${canonicalJson(field)}`;
    }
    return `${text}}`;
  }
  throw new TypeError(`canonical JSON has no place for a ${typeof value}`);
}
