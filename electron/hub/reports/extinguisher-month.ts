/** The monthly extinguisher check record (灭火器检查记录), as PDF with both signatures. Runs in: the hub. */
import { extinguisherChecklist } from '../../../shared/domain/extinguisher-checklist.js';
import { localDateTime } from '../../../shared/domain/time.js';
import type { ExtinguishersService } from '../services/extinguishers.js';
import type { ReportContext } from './drill-report.js';
import { PdfReport } from './pdf-document.js';

type MonthRecord = Awaited<ReturnType<ExtinguishersService['monthRecord']>>;

export async function extinguisherMonthPdf(month: string, record: MonthRecord, ctx: ReportContext): Promise<Buffer> {
  const { t, language: lng, timeZone } = ctx;
  const pdf = new PdfReport({
    title: t('reports.extinguishers.title', { lng, month }),
    subtitle: t('reports.extinguishers.subtitle', { lng }),
    createdAt: new Date(ctx.now),
    landscape: true,
    footer: (page, pages) => t('reports.footer', { lng, page, pages, at: localDateTime(ctx.now, timeZone) }),
  });
  const label = (no: number) => extinguisherChecklist.find((i) => i.no === no)?.label[lng === 'en' ? 'en' : 'zh-CN'] ?? String(no);
  const rows = record.checks.map((c) => {
    const results = JSON.parse(c.results) as Record<string, string>;
    const failed = Object.entries(results)
      .filter(([, r]) => r === 'fail')
      .map(([no]) => `${no}. ${label(Number(no))}`);
    return [
      c.tag,
      c.location.startsWith(c.zone) ? c.location : `${c.zone} ${c.location}`.trim(),
      t(`reports.types.${c.type}`, { lng }),
      c.checked_on,
      failed.length ? failed.join('\n') : t('reports.extinguishers.allOk', { lng }),
      t(`reports.gauge.${c.gauge}`, { lng }),
      `${c.name} (${c.employee_no})`,
      c.rule_set,
    ];
  });
  pdf.table(
    [
      { header: t('reports.columns.tag', { lng }), width: 2 },
      { header: t('reports.columns.location', { lng }), width: 4 },
      { header: t('reports.columns.type', { lng }), width: 2 },
      { header: t('reports.columns.checkedOn', { lng }), width: 2 },
      { header: t('reports.columns.findings', { lng }), width: 6 },
      { header: t('reports.columns.gauge', { lng }), width: 1.5 },
      { header: t('reports.columns.inspector', { lng }), width: 3 },
      { header: t('reports.columns.ruleSet', { lng }), width: 3 },
    ],
    rows,
  );
  if (rows.length === 0) pdf.paragraph(t('reports.extinguishers.none', { lng }));
  pdf.heading(t('reports.extinguishers.signatures', { lng }));
  // Each inspector signs once per record: their latest signature of the month.
  const inspectors = new Map(record.checks.map((c) => [c.employee_no, c]));
  for (const c of inspectors.values()) pdf.signature(t('reports.extinguishers.inspector', { lng, name: c.name }), c.signature);
  pdf.signature(
    record.cosign
      ? t('reports.extinguishers.cosigned', { lng, name: record.cosign.name, at: localDateTime(record.cosign.at, timeZone) })
      : t('reports.extinguishers.notCosigned', { lng }),
    record.cosign?.signature ?? null,
  );
  return pdf.toBuffer();
}
