/**
 * PIN hashing with scrypt. Runs in: the hub. node:crypto's async scrypt runs on the libuv thread
 * pool, so a PIN sign-in never blocks badge sign-ins on the event loop.
 *
 * Cost: N=2^13, r=8 (8 MiB, ~30 ms on the 2-core build machine). A 4-8 digit PIN falls to an
 * offline search at any cost; what protects it is the lockout. The parameters live in each hash,
 * so they can be raised later without invalidating stored PINs.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

const defaults = { logN: 13, r: 8, p: 1, keylen: 32 };

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const { logN, r, p, keylen } = defaults;
  const key = await scrypt(pin, salt, keylen, { N: 2 ** logN, r, p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(pin, Buffer.from(saltB64, 'base64'), expected.length, {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
