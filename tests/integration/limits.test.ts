/**
 * Limits on what a client may send: every string and array of every method's input is bounded
 * (read from the contract's JSON Schemas, so a new method with an unbounded field fails here), and
 * deeply nested JSON is refused before the parser and the validator see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/contract/index.js';
import { maxJsonDepth } from '../../electron/hub/http/json-depth.js';
import { startTestHub, type TestHub } from '../support/hub.js';

type Schema = Record<string, any>;

/**
 * Whether a regular expression can only match strings of bounded length: anchored at both ends,
 * with no `*`, `+` or `{n,}` outside character classes.
 */
function boundedPattern(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return false;
  // Drop escapes and character classes: what is left are the quantifiers that matter.
  const bare = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  return !/[*+]|\{\d+,\}/.test(bare);
}

/** Every place in a JSON Schema where a client could send something unbounded. */
function unbounded(schema: Schema, path: string, out: string[]): string[] {
  if (!schema || typeof schema !== 'object') return out;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const fixed = schema.enum !== undefined || schema.const !== undefined;
  if (types.includes('string') && !fixed && schema.maxLength === undefined && !(schema.pattern && boundedPattern(schema.pattern))) {
    out.push(`${path}: string without maxLength`);
  }
  if (types.includes('array') && schema.maxItems === undefined) out.push(`${path}: array without maxItems`);
  if (types.includes('object') && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    // A record: its keys must be bounded in number, i.e. drawn from a bounded set.
    const keys = schema.propertyNames ?? {};
    const boundedKeys = keys.enum !== undefined || (keys.pattern && boundedPattern(keys.pattern));
    if (!boundedKeys) out.push(`${path}: record with unbounded keys`);
    unbounded(schema.additionalProperties, `${path}{}`, out);
  }
  for (const [key, value] of Object.entries(schema.properties ?? {})) unbounded(value as Schema, `${path}.${key}`, out);
  if (schema.items && typeof schema.items === 'object') unbounded(schema.items, `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) (schema[key] ?? []).forEach((s: Schema, i: number) => unbounded(s, `${path}|${i}`, out));
  for (const [key, value] of Object.entries(schema.$defs ?? {})) unbounded(value as Schema, `${path}#${key}`, out);
  return out;
}

describe('every input of the contract is bounded', () => {
  it('the checker itself finds an unbounded string, array and record', () => {
    const schema = z.toJSONSchema(z.object({ a: z.string(), b: z.array(z.string().max(3)), c: z.record(z.string(), z.number()), d: z.string().regex(/^\d+$/) }));
    expect(unbounded(schema as Schema, 'x', [])).toEqual(['x.a: string without maxLength', 'x.b: array without maxItems', 'x.c: record with unbounded keys', 'x.d: string without maxLength']);
    const ok = z.toJSONSchema(z.object({ a: z.string().max(9), b: z.array(z.number()).max(3), c: z.enum(['x']), d: z.string().regex(/^[0-9+]{2,30}$/) }));
    expect(unbounded(ok as Schema, 'x', [])).toEqual([]);
  });

  for (const method of methodNames) {
    it(`${method}: no unbounded string, array or record`, () => {
      const schema = z.toJSONSchema(contract[method].input, { unrepresentable: 'any', io: 'input' });
      expect(unbounded(schema as Schema, method, [])).toEqual([]);
    });
  }
});

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const raw = (method: string, body: string, lang = 'en') =>
  fetch(new URL(`/api/v1/${method}`, t.http.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t.tokens.admin}`, 'Accept-Language': lang },
    body,
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nesting depth', () => {
  it(`refuses JSON nested deeper than ${maxJsonDepth} levels with 400 too_deep and a translated message`, async () => {
    const en = await raw('presence.onSite', nested(maxJsonDepth + 1));
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe('too_deep');
    expect(en.body.error.message).toMatch(new RegExp(`at most ${maxJsonDepth} levels`));
    const zh = await raw('presence.onSite', nested(maxJsonDepth + 1), 'zh-CN');
    expect(zh.body.error.message).toMatch(/嵌套/);
  });

  it('refuses a body that is nothing but brackets up to the size limit, fast and without a 5xx', async () => {
    const started = Date.now();
    const res = await raw('presence.signIn', '['.repeat(60_000));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('too_deep');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it(`lets ${maxJsonDepth} levels through to validation, and ignores brackets inside strings`, async () => {
    const atLimit = await raw('presence.signIn', nested(maxJsonDepth));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.error.code).toBe('invalid_input');
    const inString = await raw('presence.signIn', JSON.stringify({ badge: `${'['.repeat(40)}\\"${'{'.repeat(40)}` }));
    expect(inString.body.error.code).not.toBe('too_deep');
  });

  it('refuses an over-long string in a method input with 400 invalid_input, nothing written', async () => {
    const before = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    const res = await raw('hazard.report', JSON.stringify({ description: 'x'.repeat(5_000), location: 'y' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')).toEqual(before);
  });
});
