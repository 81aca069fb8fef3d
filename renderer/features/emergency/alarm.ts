/**
 * The alarm sound of the evacuation display. A browser may refuse to play sound before someone has
 * touched the page (autoplay policy): then the alarm waits for the first touch or key anywhere and
 * the display offers a button for it. The Electron shell can allow autoplay; a wall display then
 * sounds on its own. It stops by itself after a while: the building's own alarm is the long signal.
 */
import alarmUrl from '../../../resources/sounds/alert.wav';

export type AlarmState = 'off' | 'playing' | 'blocked' | 'muted';

const soundForMs = 3 * 60_000;

function createAlarm() {
  let audio: HTMLAudioElement | null = null;
  let state: AlarmState = 'off';
  let stopTimer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();

  const set = (next: AlarmState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  function element(): HTMLAudioElement {
    if (!audio) {
      audio = new Audio();
      audio.preload = 'auto';
      audio.loop = true;
      audio.src = alarmUrl;
    }
    return audio;
  }

  const onGesture = () => {
    removeGestureWait();
    if (state === 'blocked') play();
  };
  function waitForGesture() {
    window.addEventListener('pointerdown', onGesture, { capture: true });
    window.addEventListener('keydown', onGesture, { capture: true });
  }
  function removeGestureWait() {
    window.removeEventListener('pointerdown', onGesture, { capture: true });
    window.removeEventListener('keydown', onGesture, { capture: true });
  }

  function play() {
    const sound = element();
    set('playing');
    stopTimer ??= setTimeout(() => alarm.mute(), soundForMs);
    sound.play().catch((err: unknown) => {
      if (state !== 'playing') return;
      // NotAllowedError: no touch yet. Anything else (no audio device): nothing to be done.
      if (err instanceof DOMException && err.name === 'NotAllowedError') {
        set('blocked');
        waitForGesture();
      } else {
        set('muted');
      }
    });
  }

  const alarm = {
    state: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Loads the sound ahead, so that it plays at once (and without the hub) when needed. */
    prepare() {
      element().load();
    },
    start() {
      if (state === 'off') play();
    },
    /** On again after a mute, or after the browser refused it (this call comes from a tap). */
    unmute() {
      removeGestureWait();
      if (stopTimer) clearTimeout(stopTimer);
      stopTimer = null;
      play();
    },
    mute() {
      removeGestureWait();
      audio?.pause();
      set('muted');
    },
    stop() {
      removeGestureWait();
      if (stopTimer) clearTimeout(stopTimer);
      stopTimer = null;
      if (audio) {
        audio.pause();
        audio.currentTime = 0;
      }
      set('off');
    },
  };
  return alarm;
}

export const alarm = createAlarm();
