/**
 * The optional mirror: the kiosk's front camera shown live, flipped like a mirror, while the person
 * looks themselves over. Preview only: no frame is kept, recorded or sent, and the camera is let go
 * the moment the mirror is closed or the screen changes. Without a camera it says so and nothing
 * else happens.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type MirrorState = 'off' | 'starting' | 'on' | 'no-camera' | 'denied';

function failureOf(err: unknown): MirrorState {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'no-camera';
}

export function SelfCheckMirror() {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<MirrorState>('off');
  const videoRef = useRef<HTMLVideoElement>(null);
  const wanted = state === 'starting' || state === 'on';

  useEffect(() => {
    if (!wanted) return;
    const video = videoRef.current;
    let stream: MediaStream | null = null;
    let stopped = false;
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no camera API', 'NotFoundError');
        const devices = await navigator.mediaDevices.enumerateDevices().catch(() => null);
        if (devices && !devices.some((d) => d.kind === 'videoinput')) throw new DOMException('no camera', 'NotFoundError');
        const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'user' } }, audio: false });
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        if (video) {
          video.srcObject = media;
          await video.play().catch(() => undefined);
        }
        setState('on');
      } catch (err) {
        if (!stopped) setState(failureOf(err));
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
      if (video) video.srcObject = null;
    };
    // Keyed on `wanted`, not the state: 'starting' → 'on' must not restart the camera.
  }, [wanted]);

  const message = state === 'no-camera' ? t('door.selfCheck.mirrorNoCamera') : state === 'denied' ? t('door.selfCheck.mirrorDenied') : null;

  return (
    <div className="mirror">
      <button
        type="button"
        className="button button-secondary mirror-toggle"
        aria-pressed={wanted}
        aria-controls={`${id}-view`}
        onClick={() => setState(wanted ? 'off' : 'starting')}
      >
        {t('door.selfCheck.mirror')}
      </button>
      <div id={`${id}-view`} className="mirror-view" hidden={!wanted}>
        <video ref={videoRef} className="mirror-video" muted playsInline aria-label={t('door.selfCheck.mirrorLabel')} />
        <p className="mirror-note">{state === 'starting' ? t('door.selfCheck.mirrorStarting') : t('door.selfCheck.mirrorPrivacy')}</p>
      </div>
      <p className="mirror-message" role="status">
        {message}
      </p>
    </div>
  );
}
