/** Which site day the dashboard shows: a date field, a day back, a day on, and back to today. */
import { useId } from 'react';
import { addDays } from '../../../shared/domain/shift.js';
import { useSupervisorWords } from './words.js';

export interface DayPickerProps {
  /** The day on screen. */
  day: string;
  /** The hub's site day now: the picker goes no further. */
  today: string;
  onPick(day: string | null): void;
}

export function DayPicker({ day, today, onPick }: DayPickerProps) {
  const { t } = useSupervisorWords();
  const id = useId();
  const pick = (next: string) => onPick(next >= today ? null : next);
  return (
    <div className="day-picker">
      <label htmlFor={`${id}-day`} className="field-label">
        {t('today.dayPicker')}
      </label>
      <div className="day-picker-row">
        <button type="button" className="button button-secondary" onClick={() => pick(addDays(day, -1))}>
          <span aria-hidden="true">‹ </span>
          {t('today.previousDay')}
        </button>
        <input
          id={`${id}-day`}
          className="field-input day-input"
          type="date"
          value={day}
          max={today}
          required
          onChange={(e) => {
            // A cleared or half-typed date is not a day: keep showing the last one.
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) pick(e.target.value);
          }}
        />
        <button type="button" className="button button-secondary" disabled={day >= today} onClick={() => pick(addDays(day, 1))}>
          {t('today.nextDay')}
          <span aria-hidden="true"> ›</span>
        </button>
        <button type="button" className="button button-secondary" disabled={day === today} onClick={() => onPick(null)}>
          {t('today.backToToday')}
        </button>
      </div>
    </div>
  );
}
