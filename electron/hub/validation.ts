/** Turns a zod failure into one readable, translated sentence. Runs in: the hub. */
import { z } from 'zod';
import type { Language } from '../../shared/i18n/index.js';

const localeErrors = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
} satisfies Record<Language, unknown>;

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  language: Language,
): { ok: true; data: z.output<T> } | { ok: false; detail: string } {
  const result = schema.safeParse(input, { error: localeErrors[language] });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, detail: describeIssues(result.error.issues) };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      // For "one of these shapes", report the shape the input came closest to.
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        return describeIssues(closest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
      }
      const where = issue.path.length ? issue.path.map(String).join('.') : '—';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
