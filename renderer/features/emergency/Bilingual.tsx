/**
 * Both languages at once, for the words that must reach everyone on the floor whatever the screen's
 * language switch says: the chosen language first and large, the other one under it.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../shared/i18n/index.js';

export interface BothLanguages {
  first: Language;
  second: Language;
  t1: TFunction;
  t2: TFunction;
}

const BothLanguagesContext = createContext<BothLanguages | null>(null);

/**
 * Both languages' words for everything under it, worked out once. The evacuation display has
 * dozens of bilingual texts: each asking react-i18next on its own (useTranslation copies the i18n
 * instance for every component) took about a third of the time from the hub's answer to the
 * display on screen.
 */
export function BothLanguagesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const value = useMemo(() => bothLanguages(i18n, language), [i18n, language]);
  return <BothLanguagesContext.Provider value={value}>{children}</BothLanguagesContext.Provider>;
}

function bothLanguages(i18n: I18n, language: string): BothLanguages {
  const first: Language = isLanguage(language) ? language : 'zh-CN';
  const second: Language = first === 'zh-CN' ? 'en' : 'zh-CN';
  return { first, second, t1: i18n.getFixedT(first), t2: i18n.getFixedT(second) };
}

export function useBothLanguages(): BothLanguages {
  const value = useContext(BothLanguagesContext);
  if (!value) throw new Error('useBothLanguages is used outside a BothLanguagesProvider');
  return value;
}

type Values = Record<string, string | number>;

/** One text in both languages: `k` with `values`, or `values` per language when they differ. */
export function Bi({
  k,
  values,
  valuesByLanguage,
  className = '',
}: {
  k: string;
  values?: Values;
  valuesByLanguage?: Partial<Record<Language, Values>>;
  className?: string;
}) {
  const { first, second, t1, t2 } = useBothLanguages();
  return (
    <span className={`bi ${className}`}>
      <span className="bi-first" lang={first}>
        {t1(k, { ...values, ...valuesByLanguage?.[first] })}
      </span>{' '}
      <span className="bi-second" lang={second}>
        {t2(k, { ...values, ...valuesByLanguage?.[second] })}
      </span>
    </span>
  );
}

/** A site's own text given in both languages (assembly point, number labels). */
export function BiText({ text, className = '' }: { text: Record<Language, string>; className?: string }) {
  const { first, second } = useBothLanguages();
  return (
    <span className={`bi ${className}`}>
      <span className="bi-first" lang={first}>
        {text[first]}
      </span>{' '}
      {text[second] !== text[first] && (
        <span className="bi-second" lang={second}>
          {text[second]}
        </span>
      )}
    </span>
  );
}
