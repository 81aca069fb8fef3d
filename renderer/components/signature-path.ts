/**
 * A signature as SVG path data in a 300 × 100 box: `M x y L x y …` per stroke, one decimal, never
 * negative, so it matches the contract's Signature pattern (`^[MLQCZmlqcz0-9 .,-]+$`).
 */
export const signatureBox = { width: 300, height: 100 } as const;
/** The hub's limit is 20,000 characters; a signature stops taking points a little before it. */
export const maxSignatureChars = 19_000;
/** The contract's shortest signature. */
export const minSignatureChars = 10;

export type Point = readonly [number, number];
export type Stroke = Point[];

const round = (v: number) => Math.round(v * 10) / 10;
const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));

export function toBoxPoint(x: number, y: number): Point {
  return [round(clamp(x, signatureBox.width)), round(clamp(y, signatureBox.height))];
}

export function strokesToPath(strokes: readonly Stroke[]): string {
  const parts: string[] = [];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    parts.push(`M${first[0]} ${first[1]}`);
    // A tap is a dot: a line of no length still draws (and prints) as a round dot.
    if (rest.length === 0) parts.push(`L${first[0]} ${first[1]}`);
    for (const p of rest) parts.push(`L${p[0]} ${p[1]}`);
  }
  return parts.join(' ');
}

/** Reads back what strokesToPath wrote (and nothing else). */
export function pathToStrokes(path: string): Stroke[] {
  const strokes: Stroke[] = [];
  for (const m of path.matchAll(/([ML])\s*([\d.]+)[ ,]+([\d.]+)/g)) {
    const point: Point = [Number(m[2]), Number(m[3])];
    if (m[1] === 'M' || strokes.length === 0) strokes.push([point]);
    else strokes[strokes.length - 1]!.push(point);
  }
  return strokes;
}

export const isSignature = (path: string) => path.length >= minSignatureChars && /^[MLQCZmlqcz0-9 .,-]+$/.test(path);
