import { z } from 'zod';
import { EmployeeNo, Pin, text } from './common.js';
import { Day, HazardView, Tag } from './extinguisher.js';
import { method } from './method.js';

const HazardId = z.number().int().positive();

export const hazardMethods = {
  'hazard.report': method({
    input: z.object({ description: text(500), location: text(120), extinguisherTag: Tag.optional() }).strict(),
    output: HazardView,
    roles: ['kiosk', 'warden', 'admin'],
    writes: true,
    summary: 'Report a hazard (anyone at the kiosk, or the warden).',
  }),
  'hazard.list': method({
    input: z.object({ status: z.enum(['open', 'all']).default('open') }).strict(),
    output: z.object({ hazards: z.array(HazardView) }),
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'Hazards, overdue ones first.',
  }),
  'hazard.plan': method({
    input: z
      .object({
        hazardId: HazardId,
        responsible: text(80),
        measures: text(500),
        funding: z.string().trim().max(200).default(''),
        deadline: Day,
        interimSafeguard: text(300),
      })
      .strict(),
    output: HazardView,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'The rectification plan (五定): who, what, funding, deadline and the safeguard until fixed.',
  }),
  'hazard.fix': method({
    input: z.object({ hazardId: HazardId, employeeNo: EmployeeNo, pin: Pin, note: z.string().trim().max(500).default('') }).strict(),
    output: HazardView,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Record the fix, signed with the PIN of the person who did it.',
  }),
  'hazard.verify': method({
    input: z.object({ hazardId: HazardId, employeeNo: EmployeeNo, pin: Pin, note: z.string().trim().max(500).default('') }).strict(),
    output: HazardView,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Accept the fix: a second person, not the one who fixed it, with their PIN.',
  }),
} as const;
