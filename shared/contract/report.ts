import { z } from 'zod';
import { Empty } from './common.js';
import { method } from './method.js';

/** A printable report: a PDF, carried as base64 through the one contract (HTTP and IPC alike). */
export const PdfFile = z.object({ filename: z.string(), contentType: z.literal('application/pdf'), base64: z.string() });
export type PdfFile = z.infer<typeof PdfFile>;

export const reportMethods = {
  'report.extinguisherMonth': method({
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
    output: PdfFile,
    roles: ['warden', 'admin'],
    writes: false,
    summary: "The month's extinguisher check record with the inspectors' and the department head's signatures.",
  }),
  'report.emergency': method({
    input: z.object({ emergencyId: z.number().int().positive() }).strict(),
    output: PdfFile,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'The report of an emergency or drill.',
  }),
  'report.rollCall': method({
    input: Empty,
    output: PdfFile,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'The roll-call list of the active emergency: who is not yet accounted for, and who is.',
  }),
} as const;
