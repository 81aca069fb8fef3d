import { z } from 'zod';
import { isIsoDay } from '../domain/time.js';
import { Empty } from './common.js';
import { method } from './method.js';

const Day = z.string().max(10).refine(isIsoDay, { message: 'YYYY-MM-DD' });

export const exportMethods = {
  'export.key': method({
    input: Empty,
    output: z.object({ signerName: z.string(), fingerprint: z.string(), publicKey: z.string(), allowedSigners: z.string() }),
    roles: ['admin'],
    writes: false,
    summary: "The device's signing key: its fingerprint and the allowed_signers line to give auditors.",
  }),
  'export.start': method({
    input: z
      .object({ from: Day.optional(), to: Day.optional() })
      .strict()
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from is after to', path: ['to'] }),
    output: z.object({ exportId: z.string(), folder: z.string() }),
    roles: ['admin'],
    writes: true,
    summary: 'Start a signed export of a period; export.progress and export.finished events follow.',
  }),
  'export.cancel': method({
    input: z.object({ exportId: z.string().uuid() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    roles: ['admin'],
    writes: true,
    summary: 'Cancel a running export; nothing signed is left behind.',
  }),
  'export.list': method({
    input: Empty,
    output: z.object({ exports: z.array(z.string()) }),
    roles: ['admin'],
    writes: false,
    summary: 'Finished exports kept on the hub, newest first (download each as a zip).',
  }),
  'export.verify': method({
    input: z.object({ name: z.string().max(200).regex(/^safefloor-export-[\w.-]+$/) }).strict(),
    output: z.object({
      ok: z.boolean(),
      /** Signed with this hub's own key (not just the key in the folder's allowed_signers). */
      signedByThisHub: z.boolean(),
      summary: z.string().nullable(),
      failures: z.array(z.string()),
      period: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
      createdAt: z.string().nullable(),
      records: z.number().int().nullable(),
      chain: z.object({ firstSeq: z.number().int(), lastSeq: z.number().int() }).nullable(),
    }),
    roles: ['admin'],
    writes: false,
    summary: 'Check a finished export as `safefloor verify` does: signature, every file, the audit chain and every record.',
  }),
} as const;
