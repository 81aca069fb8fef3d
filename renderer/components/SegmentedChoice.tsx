/**
 * One answer out of a few, as a row of big buttons (native radio buttons underneath, so it works with
 * a keyboard and a screen reader). Each option fills its own box: a gloved thumb hits it anywhere.
 */
import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** Colour of the chosen option: pass is green, fail red, the rest neutral. */
  tone?: 'pass' | 'fail' | 'warn' | 'neutral';
}

export interface SegmentedChoiceProps<V extends string> {
  name: string;
  legend: ReactNode;
  /** The legend stays for screen readers but is not shown (the row shows it another way). */
  legendHidden?: boolean;
  choices: readonly Choice<V>[];
  value: V | undefined;
  onChange(value: V): void;
  disabled?: boolean;
  className?: string;
  invalid?: boolean;
}

export function SegmentedChoice<V extends string>({
  name,
  legend,
  legendHidden = false,
  choices,
  value,
  onChange,
  disabled = false,
  className = '',
  invalid = false,
}: SegmentedChoiceProps<V>) {
  return (
    <fieldset className={`segmented ${invalid ? 'segmented-invalid' : ''} ${className}`} disabled={disabled}>
      <legend className={legendHidden ? 'visually-hidden' : 'segmented-legend'}>{legend}</legend>
      <div className="segmented-options">
        {choices.map((choice) => {
          const checked = value === choice.value;
          return (
            <label key={choice.value} className={`segment segment-${choice.tone ?? 'neutral'}${checked ? ' is-checked' : ''}`}>
              <input
                type="radio"
                className="segment-input"
                name={name}
                value={choice.value}
                checked={checked}
                onChange={() => onChange(choice.value)}
              />
              <span className="segment-mark" aria-hidden="true">
                {checked ? '●' : '○'}
              </span>
              <span className="segment-label">{choice.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
