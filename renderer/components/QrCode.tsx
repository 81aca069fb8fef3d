/**
 * A QR code as an SVG drawn from the `qrcode` library's module matrix: crisp at any print size, no
 * canvas, no inline style, nothing fetched. The library itself is handed in by the page that
 * loaded it (lazily), so it stays out of the first bundle.
 */
import type { create } from 'qrcode';

export type QrLibrary = { create: typeof create };

/** Four modules of white around the code: the quiet zone scanners need. */
const quiet = 4;

export function qrPath(lib: QrLibrary, text: string): { size: number; d: string } {
  const { modules } = lib.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    }
  }
  return { size: modules.size + quiet * 2, d: parts.join('') };
}

export function QrCode({ lib, text, label }: { lib: QrLibrary; text: string; label: string }) {
  const { size, d } = qrPath(lib, text);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
