import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../../shared/contract/index.js';
import { createI18n, pickLanguage, resources } from '../../../shared/i18n/index.js';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('words', () => {
  it('zh-CN and en have the same keys, and no empty text', () => {
    const zh = keys(resources['zh-CN'].translation).sort();
    const en = keys(resources.en.translation).sort();
    expect(zh).toEqual(en);
    const t = createI18n('zh-CN').t;
    for (const key of zh) {
      expect(String(t(key, { lng: 'zh-CN' })).trim(), key).not.toBe('');
      expect(String(t(key, { lng: 'en' })).trim(), key).not.toBe('');
    }
  });

  it('every error code the hub can answer with has a message in both languages', () => {
    for (const code of Object.keys(errorStatus)) {
      for (const lng of ['zh-CN', 'en'] as const) {
        expect(resources[lng].translation.errors, `${lng} errors.${code}`).toHaveProperty(code);
      }
    }
  });

  it('picks the reader’s language from Accept-Language, zh-CN by default', () => {
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(pickLanguage('fr-FR')).toBe('zh-CN');
    expect(pickLanguage(undefined, 'en')).toBe('en');
  });
});
