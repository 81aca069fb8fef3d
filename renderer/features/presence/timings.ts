/**
 * How long the kiosk keeps things on screen. Short on purpose: the next person at the door must
 * never see the previous one's name or half-typed number.
 */
export const kioskTimings = {
  /** The confirmation returns to the home screen by itself after this. */
  confirmationMs: 4_000,
  /** Keypad entry left alone this long is abandoned. */
  entryIdleMs: 30_000,
  /** An error after a badge scan (it may name someone) fades after this. */
  noticeMs: 8_000,
  /** The end of a visitor's sign-in or sign-out, and a self-check's result, stay this long. */
  doneMs: 8_000,
  /** The visitor and self-check flows give up after this long untouched, unless the device says otherwise (kiosk-idle.ts). */
  flowIdleMs: 90_000,
} as const;

/** Keyboard-wedge badge readers type a whole badge in a few milliseconds per key; people cannot. */
export const wedge = {
  maxGapMs: 50,
  minLength: 3,
} as const;
