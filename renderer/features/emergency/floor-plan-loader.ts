/**
 * Fetches the site's floor plan once and keeps it as a data URL, so that the evacuation display can
 * draw it at once, and without the hub. Its size (for the "you are here" marker) comes from the
 * SVG's viewBox, or from the decoded image for a PNG or JPEG.
 */
import type { FloorPlanImage } from './emergency-cache.js';

/** Larger plans are shown from their URL and not kept (localStorage holds a few MB at most). */
const maxKeptBytes = 1_500_000;
const fallbackSize = { width: 1600, height: 1000 };

export function svgSize(text: string): { width: number; height: number } | null {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return null;
  const viewBox = /\bviewBox\s*=\s*["']\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([\d.eE]+)[\s,]+([\d.eE]+)\s*["']/.exec(tag);
  if (viewBox) {
    const width = Number(viewBox[3]);
    const height = Number(viewBox[4]);
    if (width > 0 && height > 0) return { width, height };
  }
  const width = Number(/\bwidth\s*=\s*["']([\d.]+)(px)?["']/.exec(tag)?.[1]);
  const height = Number(/\bheight\s*=\s*["']([\d.]+)(px)?["']/.exec(tag)?.[1]);
  return width > 0 && height > 0 ? { width, height } : null;
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

async function rasterSize(src: string): Promise<{ width: number; height: number } | null> {
  const image = new Image();
  image.src = src;
  try {
    await image.decode();
  } catch {
    return null;
  }
  return image.naturalWidth > 0 && image.naturalHeight > 0 ? { width: image.naturalWidth, height: image.naturalHeight } : null;
}

/** The plan at `url` (relative to the app), ready to draw; throws when it cannot be fetched. */
export async function loadFloorPlan(url: string): Promise<FloorPlanImage> {
  const absolute = new URL(url, document.baseURI).href;
  const res = await fetch(absolute, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`floor plan: HTTP ${res.status}`);
  const blob = await res.blob();
  const isSvg = blob.type.includes('svg') || /\.svg($|\?)/i.test(url);
  if (isSvg) {
    const text = await blob.text();
    const size = svgSize(text) ?? fallbackSize;
    const src = blob.size <= maxKeptBytes ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` : absolute;
    return { src, url, ...size };
  }
  const src = blob.size <= maxKeptBytes ? await readAsDataUrl(blob) : absolute;
  return { src, url, ...((await rasterSize(src)) ?? fallbackSize) };
}
