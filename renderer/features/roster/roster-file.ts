/**
 * The picked file as the hub wants it: its raw bytes in base64, so that a GBK file saved by Excel on
 * Chinese Windows arrives as it is (reading it as text in the browser would garble it as UTF-8).
 */

/** `rosterMaxBodyBytes` of shared/contract/roster.ts (the contract's values stay out of the bundle: they bring zod). */
const rosterMaxBodyBytes = 8 * 1024 * 1024;

export interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

/** Bytes that still fit in one request once base64 makes them a third larger. */
export const maxRosterFileBytes = Math.floor(((rosterMaxBodyBytes - 1024) / 1.01) * 0.75);

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with too many arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, base64: toBase64(bytes) };
}

/** A job id of the screen's own making, so it can ask how far the job has got while it runs. */
export function newJobId(): string {
  return crypto.randomUUID();
}
