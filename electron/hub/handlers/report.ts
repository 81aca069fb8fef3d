/** Printable reports (PDF) of the contract. Runs in: the hub. */
import type { TFunction } from 'i18next';
import { ApiError, type reportMethods } from '../../../shared/contract/index.js';
import type { Clock } from '../clock.js';
import type { Handlers } from '../dispatcher.js';
import { emergencyReportPdf, rollCallPdf, type ReportContext } from '../reports/drill-report.js';
import { extinguisherMonthPdf } from '../reports/extinguisher-month.js';
import type { EmergencyService } from '../services/emergency.js';
import type { ExtinguishersService } from '../services/extinguishers.js';
import type { SettingsSource } from '../services/settings.js';

export interface ReportDeps {
  t: TFunction;
  clock: Clock;
  settings: SettingsSource;
  emergency: EmergencyService;
  extinguishers: ExtinguishersService;
}

const pdf = (filename: string, bytes: Buffer) => ({ filename, contentType: 'application/pdf' as const, base64: bytes.toString('base64') });

export const reportHandlers = (deps: ReportDeps): Pick<Handlers, keyof typeof reportMethods> => {
  // Reports speak the reader's language; dates are the site's.
  const context = async (language: string): Promise<ReportContext> => ({
    t: deps.t,
    language,
    timeZone: (await deps.settings.current()).timeZone,
    now: deps.clock.now(),
  });
  return {
    'report.extinguisherMonth': async (input, caller) =>
      pdf(`extinguishers-${input.month}.pdf`, await extinguisherMonthPdf(input.month, await deps.extinguishers.monthRecord(input.month), await context(caller.language))),
    'report.emergency': async (input, caller) => {
      const report = await deps.emergency.report(input.emergencyId);
      return pdf(`${report.drill ? 'drill' : 'emergency'}-${report.id}.pdf`, await emergencyReportPdf(report, await context(caller.language)));
    },
    'report.rollCall': async (_input, caller) => {
      const active = (await deps.emergency.current()).emergency;
      if (!active) throw new ApiError('emergency_not_active');
      return pdf(`roll-call-${active.id}.pdf`, await rollCallPdf(await deps.emergency.report(active.id), await context(caller.language)));
    },
  };
};
