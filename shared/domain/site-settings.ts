/** What a site decides for itself, with the defaults a new site starts from. Pure: runs anywhere. */
import { z } from 'zod';
import { isClockTime } from './shift.js';
import { trainingGates } from './training.js';
import { defaultRuleSet, extinguisherTypes } from './extinguisher-rules.js';

export const SiteSettings = z.object({
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** IANA zone the site's days and shifts are counted in. */
  timeZone: z.string().default('Asia/Shanghai'),
  pinMaxFailures: z.number().int().min(1).max(20).default(5),
  pinLockMinutes: z.number().int().min(1).max(24 * 60).default(15),
  pairingValidMinutes: z.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  /** The name this device signs exports as (the principal in the auditor's allowed_signers). */
  signerName: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).default('safefloor-hub'),
  /** A drill at least this often (GB rules: yearly; key fire-safety units every six months). */
  drillIntervalDays: z.number().int().min(7).max(3660).default(365),
  assemblyPoint: z
    .object({ 'zh-CN': z.string().min(1).max(200), en: z.string().min(1).max(200) })
    .default({ 'zh-CN': '大楼正门外广场（旗杆处）', en: 'Square outside the main entrance (by the flagpole)' }),
  /** The site's own numbers, shown beside 119, 120 and 110. */
  siteNumbers: z
    .array(z.object({ label: z.object({ 'zh-CN': z.string().min(1).max(60), en: z.string().min(1).max(60) }), number: z.string().min(1).max(30) }))
    .max(6)
    .default([{ label: { 'zh-CN': '大楼消防控制室', en: 'Building fire control room' }, number: '8001' }]),
  floorPlanUrl: z.string().max(500).default('floor-plan.svg'),
  /** At a sign-in with missing or expired safety training: warn (sign in; the supervisor sees it) or block. */
  trainingGate: z.enum(trainingGates).default('warn'),
  /** Training this close to its expiry day shows as expiring. */
  trainingExpiringDays: z.number().int().min(0).max(365).default(30),
  /** Training recorded without an expiry date is valid this long (safety training is yearly). */
  trainingValidMonths: z.number().int().min(1).max(120).default(12),
  /**
   * Local time (HH:MM, site time zone) at which forgotten sign-outs are closed each day; the site's
   * day (self-check due, dashboard "today", compliance) runs from one close to the next.
   */
  dailyCloseAt: z.string().refine(isClockTime).default('03:00'),
  /** Local time (HH:MM, site time zone) of the daily automatic backup of the database. */
  backupAt: z.string().refine(isClockTime).default('03:30'),
  /** Automatic backups are kept this many days (the newest is always kept). */
  backupKeepDays: z.number().int().min(1).max(365).default(14),
  /** Personal fields of records older than this many months are removed by a purge (see contract/retention.ts). */
  retentionMonths: z.number().int().min(1).max(240).default(24),
  /** Serve HTTPS on the LAN (tablets, displays) instead of 127.0.0.1 only; `serve --lan` turns it on too. */
  lanAccess: z.boolean().default(false),
  /** Repair and scrap intervals by extinguisher type; GB 50444 / GA 95 unless the site says otherwise. */
  extinguisherRules: z
    .object({
      source: z.string().min(1).max(120),
      types: z.record(
        z.enum(extinguisherTypes),
        z.object({ firstRepairYears: z.number().int().min(1).max(30), repeatYears: z.number().int().min(1).max(30), scrapYears: z.number().int().min(1).max(50) }),
      ),
    })
    .default(defaultRuleSet),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** Reads stored settings; a stored value that no longer fits falls back to its default. */
export function parseSiteSettings(stored: Record<string, unknown>): SiteSettings {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(SiteSettings.shape)) {
    const parsed = field.safeParse(stored[key]);
    result[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return SiteSettings.parse(result);
}
