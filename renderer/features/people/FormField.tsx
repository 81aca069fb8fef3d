/**
 * A labelled field of the people forms: its hint, and the problem found in it (tied to the input
 * with aria-describedby so a screen reader reads it with the field).
 */
import type { ReactNode } from 'react';

export interface FieldIds {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The props an input needs to be named by its label and described by its hint and problem. */
export function fieldIds(id: string, hasHint: boolean, problem: string | null | undefined): FieldIds {
  const described = [hasHint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return { id, ...(problem ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) };
}

export function FormField({
  id,
  label,
  hint,
  problem,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  problem?: string | null;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A quiet line that says what was just done; always in the page so that it is announced. */
export function DoneNote({ message }: { message: string | null }) {
  return (
    <div className="people-done" role="status">
      {message && <p className="notice notice-ok">{message}</p>}
    </div>
  );
}
