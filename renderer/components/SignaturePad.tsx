/**
 * A signature drawn with a finger or a pen on a white pad, kept as SVG path data (small, scalable,
 * printable). The pad never scrolls the page while someone signs on it.
 */
import { useEffect, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxSignatureChars,
  pathToStrokes,
  signatureBox,
  strokesToPath,
  toBoxPoint,
  type Stroke,
} from './signature-path.js';

export interface SignaturePadProps {
  /** The signature so far ('' when the pad is empty). */
  value: string;
  onChange(path: string): void;
  /** What is being signed for, read out with the pad ("Inspector's signature"). */
  label: string;
  disabled?: boolean;
  /** Offered when there is an earlier signature of the same person to use again. */
  onReuse?: () => void;
}

const ink = '#0f172a';

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const scale = canvas.width / signatureBox.width;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.strokeStyle = ink;
  ctx.lineWidth = 2.2;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    ctx.beginPath();
    ctx.moveTo(first[0], first[1]);
    if (rest.length === 0) ctx.lineTo(first[0] + 0.01, first[1]);
    for (const p of rest) ctx.lineTo(p[0], p[1]);
    ctx.stroke();
  }
}

export function SignaturePad({ value, onChange, label, disabled = false, onReuse }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const pointer = useRef<number | null>(null);
  const emitted = useRef('');

  // Whatever comes from outside (cleared, reused) is what the pad shows; the canvas follows its size.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    if (value !== emitted.current) {
      strokes.current = pathToStrokes(value);
      emitted.current = value;
    }
    const fitCanvasToBox = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
      const height = Math.round((width * signatureBox.height) / signatureBox.width);
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      draw(canvas, strokes.current);
    };
    fitCanvasToBox();
    const observer = new ResizeObserver(fitCanvasToBox);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [value]);

  const boxPoint = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return toBoxPoint(
      ((event.clientX - rect.left) / rect.width) * signatureBox.width,
      ((event.clientY - rect.top) / rect.height) * signatureBox.height,
    );
  };

  const finish = () => {
    if (pointer.current === null) return;
    pointer.current = null;
    const path = strokesToPath(strokes.current);
    emitted.current = path;
    onChange(path);
  };

  return (
    <div className="signature">
      <canvas
        ref={canvasRef}
        className={`signature-pad${disabled ? ' is-disabled' : ''}`}
        role="img"
        aria-label={label}
        onPointerDown={(event) => {
          if (disabled || pointer.current !== null) return;
          event.preventDefault();
          event.currentTarget.setPointerCapture(event.pointerId);
          pointer.current = event.pointerId;
          strokes.current.push([boxPoint(event)]);
          draw(event.currentTarget, strokes.current);
        }}
        onPointerMove={(event) => {
          if (event.pointerId !== pointer.current) return;
          const stroke = strokes.current[strokes.current.length - 1];
          const last = stroke?.[stroke.length - 1];
          const point = boxPoint(event);
          if (!stroke || !last || (Math.abs(point[0] - last[0]) < 0.8 && Math.abs(point[1] - last[1]) < 0.8)) return;
          if (strokesToPath(strokes.current).length > maxSignatureChars) return;
          stroke.push(point);
          draw(event.currentTarget, strokes.current);
        }}
        onPointerUp={(event) => event.pointerId === pointer.current && finish()}
        onPointerCancel={(event) => event.pointerId === pointer.current && finish()}
      />
      <div className="signature-bar">
        <p className="signature-state" aria-live="polite">
          {value ? t('warden.signature.signed') : t('warden.signature.empty')}
        </p>
        {onReuse && !value && (
          <button type="button" className="button button-secondary" onClick={onReuse} disabled={disabled}>
            {t('warden.signature.reuse')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled || !value}
          onClick={() => {
            strokes.current = [];
            emitted.current = '';
            if (canvasRef.current) draw(canvasRef.current, []);
            onChange('');
          }}
        >
          {t('warden.signature.clear')}
        </button>
      </div>
    </div>
  );
}
