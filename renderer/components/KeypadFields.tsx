/**
 * Employee number (and PIN) on the kiosk's own number pad: tap a field, then tap digits. The fields
 * are real inputs, so a keyboard works too, but `inputMode="none"` keeps a tablet's own keyboard
 * from covering the screen.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../features/presence/Keypad.js';

export interface KeypadField {
  key: string;
  label: string;
  value: string;
  onChange(value: string): void;
  secret?: boolean;
  maxLength: number;
}

const allowed = /[^A-Za-z0-9_-]/g;

export function KeypadFields({ fields, disabled = false }: { fields: readonly KeypadField[]; disabled?: boolean }) {
  const { t } = useTranslation();
  const baseId = useId();
  const [activeKey, setActiveKey] = useState(fields[0]?.key ?? '');
  const active = fields.find((f) => f.key === activeKey) ?? fields[0];

  const type = (digit: string) => {
    if (!active || disabled) return;
    if (active.value.length < active.maxLength) active.onChange(active.value + digit);
    // A full employee number moves on to the PIN by itself.
    if (active.value.length + 1 >= active.maxLength) {
      const next = fields[fields.indexOf(active) + 1];
      if (next) setActiveKey(next.key);
    }
  };

  return (
    <div className="keypad-fields">
      <div className="keypad-field-list">
        {fields.map((field) => {
          const id = `${baseId}-${field.key}`;
          const isActive = field === active;
          return (
            <div key={field.key} className={`keypad-field${isActive ? ' is-active' : ''}`}>
              <label htmlFor={id} className="field-label">
                {field.label}
              </label>
              <input
                id={id}
                className="field-input keypad-input"
                type={field.secret ? 'password' : 'text'}
                inputMode="none"
                autoComplete="off"
                spellCheck={false}
                maxLength={field.maxLength}
                value={field.value}
                disabled={disabled}
                aria-describedby={isActive ? `${baseId}-hint` : undefined}
                onFocus={() => setActiveKey(field.key)}
                onPointerDown={() => setActiveKey(field.key)}
                onChange={(event) => field.onChange(event.target.value.replace(allowed, '').slice(0, field.maxLength))}
              />
            </div>
          );
        })}
        <p id={`${baseId}-hint`} className="field-hint">
          {active ? t('warden.person.typingInto', { field: active.label }) : ''}
        </p>
      </div>
      <Keypad
        disabled={disabled}
        onDigit={type}
        onDelete={() => active?.onChange(active.value.slice(0, -1))}
        onClear={() => active?.onChange('')}
      />
    </div>
  );
}
