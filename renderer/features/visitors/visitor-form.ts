/**
 * What a visitor types, checked as the hub will check it (shared/contract/visitors.ts: trimmed,
 * not empty, bounded, no control characters), so that a mistake is explained in the visitor's
 * language on the step where it was made, before anything is sent.
 */

export const visitorLimits = { name: 60, company: 120, hostQuery: 60 } as const;

export type TextProblem = 'empty' | 'tooLong' | 'badCharacters';

const controlCharacter = /\p{Cc}/u;

/** Why a typed text cannot be sent, or null when it can. */
export function textProblem(value: string, max: number): TextProblem | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return 'empty';
  if (controlCharacter.test(trimmed)) return 'badCharacters';
  // The hub counts UTF-16 code units (zod's max), so the screen counts the same way.
  if (trimmed.length > max) return 'tooLong';
  return null;
}

export interface VisitorDraft {
  name: string;
  company: string;
  host: { employeeNo: string; name: string; team: string } | null;
}

export const emptyDraft: VisitorDraft = { name: '', company: '', host: null };
