/**
 * The visitor safety briefing (外来人员安全须知): exits, assembly point, house rules and emergency
 * numbers, written by the site per language. Every edit is a new version; a visitor's sign-in names
 * the version they read and accepted.
 */
import { z } from 'zod';
import { everyRole, method } from './method.js';
import { Instant, text } from './common.js';
import { SupervisorAuth } from './people.js';

/** Text that may span lines but holds no other control characters. */
export const MultilineText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^(?:[^\p{Cc}]|\r?\n)*$/u);

export const BriefingText = z
  .object({
    title: text(80),
    exits: MultilineText(1000),
    assemblyPoint: MultilineText(300),
    rules: z.array(MultilineText(300)).min(1).max(20),
  })
  .strict();

export const BriefingContent = z
  .object({
    'zh-CN': BriefingText,
    en: BriefingText,
    numbers: z
      .array(
        z
          .object({
            label: z.object({ 'zh-CN': text(60), en: text(60) }).strict(),
            number: z.string().trim().regex(/^[0-9+\-() ]{2,30}$/),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict();
export type BriefingContentInput = z.infer<typeof BriefingContent>;

export const BriefingVersion = z.object({
  version: z.number().int().positive(),
  createdAt: Instant,
  content: BriefingContent,
});
export type BriefingVersion = z.infer<typeof BriefingVersion>;

export const briefingMethods = {
  'briefing.current': method({
    input: z.object({}).strict(),
    output: BriefingVersion,
    roles: everyRole,
    writes: false,
    summary: 'The current safety briefing in both languages, with its version (a visitor accepts this version).',
  }),
  'briefing.update': method({
    input: z.object({ auth: SupervisorAuth, content: BriefingContent }).strict(),
    output: z.object({ briefing: BriefingVersion, created: z.boolean() }),
    roles: ['admin'],
    writes: true,
    summary: 'Save the briefing as a new version (created: false when nothing differs from the current one).',
  }),
} as const;
