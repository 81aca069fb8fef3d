/** The on-screen number pad: big keys for a finger, in the order of a phone. */
import { useTranslation } from 'react-i18next';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface KeypadProps {
  onDigit(digit: string): void;
  onDelete(): void;
  onClear(): void;
  disabled?: boolean;
}

export function Keypad({ onDigit, onDelete, onClear, disabled = false }: KeypadProps) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {digits.map((digit) => (
        <button key={digit} type="button" className="key" disabled={disabled} onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key-secondary" disabled={disabled} onClick={onClear}>
        {t('keypad.clear')}
      </button>
      <button type="button" className="key" disabled={disabled} onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="key key-secondary" disabled={disabled} onClick={onDelete} aria-label={t('keypad.delete')}>
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
