/** The export manifest: what `verify` (and an auditor's eyes) read first. Runs in: the hub. */
import { z } from 'zod';

export const exportFormat = 'safefloor-export/1';

const sha512Hex = z.string().regex(/^[0-9a-f]{128}$/);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const Manifest = z.object({
  format: z.literal(exportFormat),
  software: z.object({ name: z.string(), version: z.string() }),
  device: z.object({ principal: z.string(), publicKey: z.string(), fingerprint: z.string() }),
  createdAt: z.string(),
  language: z.string(),
  period: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    timeZone: z.string(),
    fromInstant: z.string(),
    toInstant: z.string(),
  }),
  /** The audit entries of the period: a contiguous run of the device's chain (null: none). */
  chain: z
    .object({
      firstSeq: z.number().int().positive(),
      firstHash: sha256Hex,
      lastSeq: z.number().int().positive(),
      lastHash: sha256Hex,
      /** The hash the first entry links to: the previous export's lastHash. */
      prevHash: sha256Hex,
    })
    .nullable(),
  files: z.array(z.object({ path: z.string().regex(/^[a-z_]+\.(csv|jsonl)$/), sha512: sha512Hex, records: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof Manifest>;

export const manifestName = 'manifest.json';
export const signatureName = 'manifest.json.sig';
export const allowedSignersName = 'allowed_signers';

/** Records the export carries, not counting the audit entries that travel with them. */
export const recordCount = (manifest: Pick<Manifest, 'files'>) =>
  manifest.files.filter((f) => f.path.endsWith('.jsonl') && f.path !== 'audit_log.jsonl').reduce((a, f) => a + f.records, 0);
