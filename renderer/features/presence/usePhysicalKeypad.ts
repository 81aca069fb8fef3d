/**
 * A keyboard, when there is one, works like the on-screen keypad. Enter confirms only when focus
 * is not on a button, so Enter on a focused key still presses that key.
 */
import { useEffect, useRef } from 'react';

export interface PhysicalKeypadHandlers {
  onDigit(digit: string): void;
  onDelete(): void;
  onEnter(): void;
  onEscape(): void;
}

export function usePhysicalKeypad(handlers: PhysicalKeypadHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      const h = latest.current;
      if (/^[0-9]$/.test(event.key)) h.onDigit(event.key);
      else if (event.key === 'Backspace') h.onDelete();
      else if (event.key === 'Escape') h.onEscape();
      else if (event.key === 'Enter' && !(document.activeElement instanceof HTMLButtonElement)) h.onEnter();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
