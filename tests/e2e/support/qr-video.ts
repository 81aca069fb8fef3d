/**
 * A fake camera for Chromium: a Y4M video of a QR code, to pass as
 * `--use-file-for-fake-video-capture`. ffmpeg is not needed: Y4M is a text header and raw frames,
 * and a black-and-white QR code is just the Y (brightness) plane; U and V stay at 128 (no colour).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';

export interface QrVideoOptions {
  width?: number;
  height?: number;
  /** Pixels per QR module. */
  scale?: number;
  frames?: number;
}

/** Writes the video and returns its path (in the system's temporary folder). */
export function writeQrVideo(text: string, { width = 640, height = 480, scale = 8, frames = 2 }: QrVideoOptions = {}): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size * scale;
  const left = Math.floor((width - size) / 2);
  const top = Math.floor((height - size) / 2);
  if (left < scale * 4 || top < scale * 4) throw new Error('the QR code does not fit the frame with its quiet zone');

  const y = Buffer.alloc(width * height, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (modules.get(Math.floor(row / scale), Math.floor(col / scale))) y[(top + row) * width + left + col] = 16;
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = join(tmpdir(), `safefloor-e2e-qr-${text.replace(/[^A-Za-z0-9_-]/g, '_')}.y4m`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}
