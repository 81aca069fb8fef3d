/**
 * When a fire extinguisher is due for repair or scrap, and whether this period's check is done.
 * Pure and table-driven: the site may replace the table; the GB 50444 / GA 95 values are the
 * default (../shared/reference/fire-extinguishers.md). Dates are calendar days (YYYY-MM-DD) in the
 * site's time zone. Runs anywhere.
 */

export const extinguisherTypes = ['water', 'foam', 'powder', 'clean_agent', 'co2'] as const;
export type ExtinguisherType = (typeof extinguisherTypes)[number];

export interface TypeRule {
  /** Years from manufacture to the first repair (送修). */
  firstRepairYears: number;
  /** Years between repairs after the first. */
  repeatYears: number;
  /** Years from manufacture to scrap (报废). */
  scrapYears: number;
}

export interface RuleSet {
  /** Recorded on every check, so a later change of rules stays traceable. */
  source: string;
  types: Record<ExtinguisherType, TypeRule>;
}

export const defaultRuleSet: RuleSet = {
  source: 'GB 50444-2008 §5 / GA 95-2015',
  types: {
    water: { firstRepairYears: 3, repeatYears: 1, scrapYears: 6 },
    foam: { firstRepairYears: 3, repeatYears: 1, scrapYears: 6 },
    powder: { firstRepairYears: 5, repeatYears: 2, scrapYears: 10 },
    clean_agent: { firstRepairYears: 5, repeatYears: 2, scrapYears: 10 },
    co2: { firstRepairYears: 5, repeatYears: 2, scrapYears: 12 },
  },
};

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = dayPattern.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The same calendar day `years` later. 29 February falls on 28 February in a common year: a unit
 * made on a leap day is due no later than the anniversary, never a day late.
 */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const year = y + years;
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth(year, m)))}`;
}

export type LifeStatus = 'ok' | 'repair_due' | 'scrap_due';
export type CheckStatus = 'done' | 'due' | 'overdue';

export interface UnitDates {
  type: ExtinguisherType;
  manufacturedOn: string;
  lastRepairOn: string | null;
}

export function nextRepairOn(unit: UnitDates, rules: RuleSet = defaultRuleSet): string {
  const rule = rules.types[unit.type];
  return unit.lastRepairOn ? addYears(unit.lastRepairOn, rule.repeatYears) : addYears(unit.manufacturedOn, rule.firstRepairYears);
}

export const scrapOn = (unit: UnitDates, rules: RuleSet = defaultRuleSet) => addYears(unit.manufacturedOn, rules.types[unit.type].scrapYears);

/** Scrap wins over repair: a unit past its scrap date is never sent for repair. */
export function lifeStatus(unit: UnitDates, today: string, rules: RuleSet = defaultRuleSet): LifeStatus {
  if (today >= scrapOn(unit, rules)) return 'scrap_due';
  if (today >= nextRepairOn(unit, rules)) return 'repair_due';
  return 'ok';
}

export interface Period {
  /** First day of the period. */
  start: string;
  /** Last day of the period (inclusive). */
  end: string;
}

/** The check period a day falls in: its month, or its half (1st–15th, 16th–end) for half-monthly units. */
export function periodOf(day: string, halfMonthly: boolean): Period {
  const [y, m, d] = parts(day);
  const last = daysInMonth(y, m);
  const month = `${pad(y, 4)}-${pad(m)}`;
  if (!halfMonthly) return { start: `${month}-01`, end: `${month}-${pad(last)}` };
  return d <= 15 ? { start: `${month}-01`, end: `${month}-15` } : { start: `${month}-16`, end: `${month}-${pad(last)}` };
}

/** The period just before the one a day falls in. */
export function previousPeriod(day: string, halfMonthly: boolean): Period {
  const { start } = periodOf(day, halfMonthly);
  const [y, m, d] = parts(start);
  if (d === 16) return periodOf(`${pad(y, 4)}-${pad(m)}-01`, true);
  const prevMonth = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const lastDay = daysInMonth(prevMonth.y, prevMonth.m);
  return periodOf(`${pad(prevMonth.y, 4)}-${pad(prevMonth.m)}-${pad(lastDay)}`, halfMonthly);
}

/**
 * This period's check: `done` when a check falls in it; `overdue` when the previous period also
 * went unchecked although the unit was in service then; otherwise `due`.
 */
export function checkStatus(
  unit: { halfMonthly: boolean; inServiceSince: string },
  checkedOn: readonly string[],
  today: string,
): CheckStatus {
  const current = periodOf(today, unit.halfMonthly);
  const within = (p: Period) => checkedOn.some((d) => d >= p.start && d <= p.end);
  if (within(current)) return 'done';
  const previous = previousPeriod(today, unit.halfMonthly);
  if (unit.inServiceSince <= previous.end && !within(previous)) return 'overdue';
  return 'due';
}
