import i18next, { type i18n as I18n } from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import { mergeWords, wordsByDomain } from './domains.js';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/**
 * The words: the core files, plus one file per domain and language (locales/<lang>/<domain>.json),
 * so that screens of different domains can grow side by side.
 */
export const resources = {
  'zh-CN': { translation: mergeWords(zhCN, wordsByDomain['zh-CN']) },
  en: { translation: mergeWords(en, wordsByDomain.en) },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language style list. */
export function pickLanguage(accept: string | null | undefined, fallback: Language = defaultLanguage): Language {
  if (!accept) return fallback;
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

/** A fresh i18next instance (the renderer and the hub each make their own; no global state). */
export function createI18n(lng: Language = defaultLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
