/**
 * The visitors' briefing as it is being edited, checked the way the hub checks it (contract
 * BriefingContent): every text present in both languages, within its length, numbers dialable.
 */
import type { BriefingContentInput } from '../../../shared/contract/briefing.js';

export type Lang = 'zh-CN' | 'en';
export const languages: readonly Lang[] = ['zh-CN', 'en'];

export const briefingLimits = { title: 80, exits: 1000, assemblyPoint: 300, rule: 300, rules: 20, numberLabel: 60, numbers: 10 } as const;

const singleLine = /^[^\p{Cc}]*$/u;
const multiLine = /^(?:[^\p{Cc}]|\r?\n)*$/u;
const numberPattern = /^[0-9+\-() ]{2,30}$/;

const textOk = (value: string, max: number, lines = false) => {
  const v = value.trim();
  return v.length >= 1 && v.length <= max && (lines ? multiLine : singleLine).test(v);
};

export interface TextProblems {
  title: boolean;
  exits: boolean;
  assemblyPoint: boolean;
  rules: boolean[];
}

export interface BriefingProblems {
  text: Record<Lang, TextProblems>;
  numbers: { zh: boolean; en: boolean; number: boolean }[];
  /** The languages with something to fix (numbers count for both). */
  languages: Lang[];
  any: boolean;
}

export function briefingProblems(content: BriefingContentInput): BriefingProblems {
  const text = {} as Record<Lang, TextProblems>;
  for (const lang of languages) {
    const t = content[lang];
    text[lang] = {
      title: !textOk(t.title, briefingLimits.title),
      exits: !textOk(t.exits, briefingLimits.exits, true),
      assemblyPoint: !textOk(t.assemblyPoint, briefingLimits.assemblyPoint, true),
      rules: t.rules.map((r) => !textOk(r, briefingLimits.rule, true)),
    };
  }
  const numbers = content.numbers.map((n) => ({
    zh: !textOk(n.label['zh-CN'], briefingLimits.numberLabel),
    en: !textOk(n.label.en, briefingLimits.numberLabel),
    number: !numberPattern.test(n.number.trim()),
  }));
  const langBad = (lang: Lang) => {
    const p = text[lang];
    return p.title || p.exits || p.assemblyPoint || p.rules.some(Boolean) || content[lang].rules.length === 0 || numbers.some((n) => (lang === 'en' ? n.en : n.zh) || n.number);
  };
  const bad = languages.filter(langBad);
  const countsBad = content.numbers.length === 0 || content.numbers.length > briefingLimits.numbers || languages.some((l) => content[l].rules.length > briefingLimits.rules);
  return { text, numbers, languages: bad, any: bad.length > 0 || countsBad };
}

/** What is sent: every text trimmed. */
export function trimmed(content: BriefingContentInput): BriefingContentInput {
  const text = (lang: Lang) => ({
    title: content[lang].title.trim(),
    exits: content[lang].exits.trim(),
    assemblyPoint: content[lang].assemblyPoint.trim(),
    rules: content[lang].rules.map((r) => r.trim()),
  });
  return {
    'zh-CN': text('zh-CN'),
    en: text('en'),
    numbers: content.numbers.map((n) => ({ label: { 'zh-CN': n.label['zh-CN'].trim(), en: n.label.en.trim() }, number: n.number.trim() })),
  };
}
