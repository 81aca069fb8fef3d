/** i18next for the screens: the shared zh-CN/en resources, the language this device last chose. */
import type { i18n as I18n } from 'i18next';
import { createI18n, defaultLanguage, isLanguage, type Language } from '../shared/i18n/index.js';
import { languageStorage } from './app/device-storage.js';

function applyToDocument(i18n: I18n) {
  document.documentElement.lang = i18n.language;
  document.title = i18n.t('app.name');
}

export function createRendererI18n(): I18n {
  const stored = languageStorage.read();
  const i18n = createI18n(isLanguage(stored) ? stored : defaultLanguage);
  applyToDocument(i18n);
  i18n.on('languageChanged', () => applyToDocument(i18n));
  return i18n;
}

export async function chooseLanguage(i18n: I18n, language: Language): Promise<void> {
  languageStorage.write(language);
  await i18n.changeLanguage(language);
}
