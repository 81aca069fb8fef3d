/** The report of an emergency or drill, and the roll-call list, as PDF. Runs in: the hub. */
import type { TFunction } from 'i18next';
import type { EmergencyReport } from '../../../shared/contract/index.js';
import { localDateTime } from '../../../shared/domain/time.js';
import { PdfReport } from './pdf-document.js';

export interface ReportContext {
  t: TFunction;
  language: string;
  timeZone: string;
  now: number;
}

const minutes = (seconds: number | null, t: TFunction, lng: string) =>
  seconds == null ? t('reports.never', { lng }) : t('reports.minutesSeconds', { lng, m: Math.floor(seconds / 60), s: Math.round(seconds % 60) });

export async function emergencyReportPdf(report: EmergencyReport, ctx: ReportContext): Promise<Buffer> {
  const { t, language: lng, timeZone } = ctx;
  const at = (iso: string | null) => (iso ? localDateTime(Date.parse(iso), timeZone) : '—');
  const pdf = new PdfReport({
    title: t(report.drill ? 'reports.drill.title' : 'reports.emergency.title', { lng }),
    subtitle: `${t(`reports.kinds.${report.kind}`, { lng })} · ${at(report.startedAt)}`,
    createdAt: new Date(ctx.now),
    footer: (page, pages) => t('reports.footer', { lng, page, pages, at: localDateTime(ctx.now, timeZone) }),
  });
  pdf.facts([
    [t('reports.emergency.startedAt', { lng }), at(report.startedAt)],
    [t('reports.emergency.endedAt', { lng }), at(report.endedAt)],
    [t('reports.emergency.startedBy', { lng }), report.startedBy],
    [t('reports.emergency.endedBy', { lng }), report.endedBy ?? '—'],
    [t('reports.emergency.onSite', { lng }), String(report.counts.onSite)],
    [t('reports.emergency.accounted', { lng }), String(report.counts.accounted)],
    [t('reports.emergency.missing', { lng }), String(report.counts.missing)],
    [t('reports.emergency.timeToAll', { lng }), minutes(report.secondsToAllAccounted, t, lng)],
  ]);
  pdf.heading(t('reports.emergency.people', { lng }));
  const rows = [...report.people]
    .sort((a, b) => (b.missingForSeconds ?? Infinity) - (a.missingForSeconds ?? Infinity))
    .map((p) => [p.name, p.team, p.employeeNo ?? t('reports.visitor', { lng }), at(p.accountedAt), p.how ? t(`reports.how.${p.how}`, { lng }) : t('reports.never', { lng }), minutes(p.missingForSeconds, t, lng)]);
  pdf.table(
    [
      { header: t('reports.columns.name', { lng }), width: 3 },
      { header: t('reports.columns.team', { lng }), width: 3 },
      { header: t('reports.columns.employeeNo', { lng }), width: 2 },
      { header: t('reports.columns.accountedAt', { lng }), width: 3 },
      { header: t('reports.columns.how', { lng }), width: 2 },
      { header: t('reports.columns.missingFor', { lng }), width: 2, align: 'right' },
    ],
    rows,
  );
  return pdf.toBuffer();
}

/** The roll-call list of an emergency under way: who is not yet accounted for first, then everyone else. */
export async function rollCallPdf(report: EmergencyReport, ctx: ReportContext): Promise<Buffer> {
  const { t, language: lng, timeZone } = ctx;
  const at = (iso: string | null) => (iso ? localDateTime(Date.parse(iso), timeZone) : '—');
  const pdf = new PdfReport({
    title: t('reports.rollCall.title', { lng }),
    subtitle: `${t(`reports.kinds.${report.kind}`, { lng })}${report.drill ? ` · ${t('reports.drill.label', { lng })}` : ''} · ${at(report.startedAt)}`,
    createdAt: new Date(ctx.now),
    footer: (page, pages) => t('reports.footer', { lng, page, pages, at: localDateTime(ctx.now, timeZone) }),
  });
  pdf.facts([
    [t('reports.emergency.onSite', { lng }), String(report.counts.onSite)],
    [t('reports.emergency.accounted', { lng }), String(report.counts.accounted)],
    [t('reports.emergency.missing', { lng }), String(report.counts.missing)],
  ]);
  const columns = [
    { header: t('reports.columns.name', { lng }), width: 3 },
    { header: t('reports.columns.team', { lng }), width: 3 },
    { header: t('reports.columns.employeeNo', { lng }), width: 2 },
    { header: t('reports.columns.accountedAt', { lng }), width: 3 },
  ];
  const row = (p: EmergencyReport['people'][number]) => [p.name, p.team, p.employeeNo ?? t('reports.visitor', { lng }), at(p.accountedAt)];
  pdf.heading(t('reports.rollCall.missing', { lng }));
  pdf.table(columns, report.people.filter((p) => !p.accountedAt).map(row));
  pdf.heading(t('reports.rollCall.accounted', { lng }));
  pdf.table(columns, report.people.filter((p) => p.accountedAt).map(row));
  return pdf.toBuffer();
}
