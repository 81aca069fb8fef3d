import { z } from 'zod';
import { isIsoDay } from '../domain/time.js';
import { extinguisherTypes } from '../domain/extinguisher-rules.js';
import { Empty, EmployeeNo, Instant, Pin, text } from './common.js';
import { method } from './method.js';

export const Day = z.string().max(10).refine(isIsoDay, { message: 'YYYY-MM-DD' });
export const Tag = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_.-]+$/);
export const ExtinguisherType = z.enum(extinguisherTypes);
export const ItemResult = z.enum(['pass', 'fail', 'na']);
export const GaugeZone = z.enum(['green', 'red', 'yellow', 'na']);
/** A signature drawn on screen, as SVG path data (small, scalable, printable). */
export const Signature = z.string().min(10).max(20_000).regex(/^[MLQCZmlqcz0-9 .,-]+$/);

export const ExtinguisherUnit = z.object({
  tag: z.string(),
  type: ExtinguisherType,
  location: z.string(),
  zone: z.string(),
  sizeKg: z.number(),
  manufacturedOn: z.string(),
  lastRepairOn: z.string().nullable(),
  halfMonthly: z.boolean(),
  hasGauge: z.boolean(),
  nextRepairOn: z.string(),
  scrapOn: z.string(),
  lifeStatus: z.enum(['ok', 'repair_due', 'scrap_due']),
  checkStatus: z.enum(['done', 'due', 'overdue']),
  lastCheckedOn: z.string().nullable(),
  /** The rule set the dates come from, shown next to them. */
  ruleSource: z.string(),
  openHazards: z.number().int(),
});
export type ExtinguisherUnit = z.infer<typeof ExtinguisherUnit>;

export const UnitInput = z
  .object({
    tag: Tag,
    location: text(120),
    zone: z.string().trim().max(60).default(''),
    type: ExtinguisherType,
    sizeKg: z.number().positive().max(100),
    manufacturedOn: Day,
    lastRepairOn: Day.nullable().default(null),
    halfMonthly: z.boolean().default(false),
    hasGauge: z.boolean().default(true),
  })
  .strict();

export const CheckInput = z
  .object({
    tag: Tag,
    /** One answer per inspector item (all but 6 and 7, which the engine answers), keyed by item number. */
    results: z.record(z.string().regex(/^\d{1,2}$/), ItemResult),
    gauge: GaugeZone,
    note: z.string().trim().max(500).default(''),
    inspectorEmployeeNo: EmployeeNo,
    signature: Signature,
  })
  .strict();

export const CheckView = z.object({
  id: z.number().int(),
  checkedOn: z.string(),
  at: Instant,
  inspector: z.object({ employeeNo: z.string(), name: z.string() }),
  results: z.record(z.string(), ItemResult),
  gauge: GaugeZone,
  note: z.string(),
  ruleSet: z.string(),
});

export const HazardStatus = z.enum(['open', 'in_progress', 'fixed', 'verified']);
export type HazardStatus = z.infer<typeof HazardStatus>;

export const HazardView = z.object({
  id: z.number().int(),
  source: z.enum(['check', 'kiosk', 'warden']),
  description: z.string(),
  location: z.string(),
  extinguisherTag: z.string().nullable(),
  itemNo: z.number().int().nullable(),
  reportedAt: Instant,
  status: HazardStatus,
  plan: z
    .object({ responsible: z.string(), measures: z.string(), funding: z.string(), deadline: z.string(), interimSafeguard: z.string() })
    .nullable(),
  fixedBy: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  overdue: z.boolean(),
});
export type HazardView = z.infer<typeof HazardView>;

const TagInput = z.object({ tag: Tag }).strict();

export const extinguisherMethods = {
  'extinguisher.list': method({
    input: Empty,
    output: z.object({ today: z.string(), units: z.array(ExtinguisherUnit) }),
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'Every unit in service with its derived dates and statuses.',
  }),
  'extinguisher.get': method({
    input: TagInput,
    output: z.object({ unit: ExtinguisherUnit, lastCheck: CheckView.nullable(), openHazards: z.array(HazardView) }),
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'One unit by its tag, with its last check and open defects (to prefill the next check).',
  }),
  'extinguisher.save': method({
    input: UnitInput,
    output: ExtinguisherUnit,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Add a unit, or edit the unit with this tag.',
  }),
  'extinguisher.retire': method({
    input: z.object({ tag: Tag, reason: text(200) }).strict(),
    output: z.object({ tag: z.string(), retired: z.literal(true) }),
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Take a unit out of service (it stays in the records).',
  }),
  'extinguisher.check': method({
    input: CheckInput,
    output: z.object({ checkId: z.number().int(), hazardsOpened: z.array(z.number().int()), unit: ExtinguisherUnit }),
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Record a monthly check; each failed item opens a hazard (unless one is open for it already).',
  }),
  'extinguisher.cosign': method({
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), employeeNo: EmployeeNo, pin: Pin, signature: Signature }).strict(),
    output: z.object({ month: z.string(), cosignedAt: Instant, checks: z.number().int() }),
    roles: ['warden', 'admin'],
    writes: true,
    summary: "The department head co-signs the month's round with their PIN and signature.",
  }),
  'extinguisher.dashboard': method({
    input: Empty,
    output: z.object({
      today: z.string(),
      total: z.number().int(),
      checked: z.number().int(),
      due: z.number().int(),
      overdue: z.number().int(),
      repairDue: z.number().int(),
      scrapDue: z.number().int(),
      hazardsOpen: z.number().int(),
      hazardsOverdue: z.number().int(),
    }),
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'This period at a glance: units checked of all, due, overdue, repair and scrap due, hazards.',
  }),
} as const;
