/** Device tokens and pairing codes: random, shown once, stored only as a hash. Runs in: the hub. */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: a SHA-256 of it is as good as a slow hash, and costs nothing per request. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
