/**
 * Reads a QR tag with the tablet's camera. The decoder (jsQR: plain JavaScript, no WebAssembly, no
 * worker, nothing fetched) is loaded only when the camera starts. Without a camera, or without
 * permission, the warden is told so and types the tag or picks the unit instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type ScanState = 'idle' | 'starting' | 'scanning' | 'unsupported' | 'no-camera' | 'denied' | 'failed';

/** Frames are scaled down to this width before decoding: plenty for a tag held up to the camera. */
const decodeWidth = 640;
const decodeEveryMs = 120;

export interface QrScannerProps {
  onResult(text: string): void;
  /** Start the camera at once (the warden asked for the next unit). */
  autoStart?: boolean;
  /** A code to look past: the tag of the unit just checked, still in front of the camera. */
  ignore?: string;
}

function stateOf(err: unknown): ScanState {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'no-camera';
  return 'failed';
}

export function QrScanner({ onResult, autoStart = false, ignore }: QrScannerProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<ScanState>('idle');
  const videoRef = useRef<HTMLVideoElement>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const resultRef = useRef(onResult);
  const ignoreRef = useRef(ignore);
  useEffect(() => {
    resultRef.current = onResult;
    ignoreRef.current = ignore;
  });

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
  }, []);

  const start = useCallback(async () => {
    stop();
    if (!navigator.mediaDevices?.getUserMedia) {
      setState('unsupported');
      return;
    }
    setState('starting');
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    stopRef.current = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
      if (videoRef.current) videoRef.current.srcObject = null;
    };
    try {
      // A device without any camera is told so at once, rather than asked for a permission it cannot use.
      const devices = await navigator.mediaDevices.enumerateDevices().catch(() => null);
      if (devices && !devices.some((d) => d.kind === 'videoinput')) {
        stopRef.current = null;
        if (!stopped) setState('no-camera');
        return;
      }
      const [media, decoder] = await Promise.all([
        navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
          audio: false,
        }),
        import('jsqr'),
      ]);
      stream = media;
      if (stopped) {
        media.getTracks().forEach((track) => track.stop());
        return;
      }
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = media;
      await video.play();
      if (stopped) return;
      setState('scanning');
      const jsQR = decoder.default;
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const tick = () => {
        if (stopped || !ctx) return;
        if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          const scale = Math.min(1, decodeWidth / video.videoWidth);
          const width = Math.round(video.videoWidth * scale);
          const height = Math.round(video.videoHeight * scale);
          if (canvas.width !== width) canvas.width = width;
          if (canvas.height !== height) canvas.height = height;
          ctx.drawImage(video, 0, 0, width, height);
          const found = jsQR(ctx.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' });
          const text = found?.data.trim();
          if (text && text !== ignoreRef.current) {
            stopRef.current?.();
            stopRef.current = null;
            setState('idle');
            resultRef.current(text);
            return;
          }
        }
        timer = setTimeout(tick, decodeEveryMs);
      };
      tick();
    } catch (err) {
      stopRef.current?.();
      stopRef.current = null;
      if (!stopped) setState(stateOf(err));
    }
  }, [stop]);

  useEffect(() => {
    if (!autoStart) return;
    const timer = setTimeout(() => void start(), 0);
    return () => clearTimeout(timer);
  }, [autoStart, start]);
  useEffect(() => stop, [stop]);

  const live = state === 'starting' || state === 'scanning';
  // No camera at all is a fact of the device (say so calmly); a refused or broken camera is a fault.
  const absent = state === 'unsupported' || state === 'no-camera';
  const problem = absent || state === 'denied' || state === 'failed';
  return (
    <div className="scanner">
      <div className={`scanner-view${live ? ' is-live' : ''}`} aria-hidden="true">
        <video ref={videoRef} className="scanner-video" muted playsInline />
        <div className="scanner-frame" />
      </div>
      <p className={`scanner-state${absent ? ' notice' : problem ? ' notice notice-error' : ''}`} role="status">
        {t(`warden.scanner.${state}`)}
      </p>
      {live ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            stop();
            setState('idle');
          }}
        >
          {t('warden.scanner.stop')}
        </button>
      ) : (
        <button type="button" className={`button scanner-start ${problem ? 'button-secondary' : 'button-primary'}`} onClick={() => void start()}>
          {problem ? t('warden.scanner.retry') : t('warden.scanner.start')}
        </button>
      )}
    </div>
  );
}
