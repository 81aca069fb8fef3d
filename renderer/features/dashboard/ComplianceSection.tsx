/**
 * Self-check compliance per team per week: a line chart (Chart.js, loaded only when this section
 * shows) and, under it, the same figures as a table: the accessible alternative to the chart, and
 * the exact numbers for anyone who wants them.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Compliance } from '../../../shared/contract/dashboard.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatNumber } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import type { ChartWords } from './compliance-chart.js';
import { teamStyle, totalStyle } from './team-style.js';
import { formatPercent, formatShortDay, formatWeek } from './when.js';
import { useSupervisorWords } from './words.js';

const weekChoices = [4, 8, 12, 26] as const;

export function ComplianceSection({ tick }: { tick: number }) {
  const { t, lng } = useSupervisorWords();
  const id = useId();
  const [weeks, setWeeks] = useState<number>(8);
  const { data, error, reload } = useHubQuery((client) => client.call('dashboard.compliance', { weeks }), String(weeks));
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);

  const anything = data?.weeks.some((w) => w.total.expected > 0) ?? false;

  return (
    <section className="panel compliance" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('compliance.title')}
        </h2>
        <label className="inline-field">
          <span className="field-label">{t('compliance.weeks')}</span>
          <select className="field-input" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {weekChoices.map((n) => (
              <option key={n} value={n}>
                {t('compliance.weeksOption', { count: n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="panel-body">{t('compliance.explain')}</p>
      <ErrorNotice error={error} />
      {!data && !error && <p className="panel-body">{t('common.loading')}</p>}
      {data && !anything && <p className="empty">{t('compliance.noData')}</p>}
      {data && anything && (
        <>
          <ComplianceChart data={data} />
          <ComplianceTable data={data} captionId={`${id}-caption`} language={lng} />
        </>
      )}
    </section>
  );
}

type LoadState = 'loading' | 'drawn' | 'failed';

function ComplianceChart({ data }: { data: Compliance }) {
  const { t, lng } = useSupervisorWords();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<LoadState>('loading');

  const words = useMemo<ChartWords>(() => {
    const percentOf = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
    const details = (cells: { checked: number; expected: number }[]) =>
      cells.map((c) => t('compliance.cell', { checked: formatNumber(c.checked, lng), expected: formatNumber(c.expected, lng) }));
    return {
      weeks: data.weeks.map((w) => formatShortDay(w.weekStart, lng)),
      axis: t('compliance.axis'),
      percent: (value: number) => formatPercent(value / 100, lng),
      series: [
        ...data.teams.map((team, i) => ({
          label: team,
          values: data.weeks.map((w) => percentOf(w.teams[i]?.rate ?? null)),
          details: details(data.weeks.map((w) => w.teams[i] ?? { checked: 0, expected: 0 })),
        })),
        { label: t('compliance.allTeams'), values: data.weeks.map((w) => percentOf(w.total.rate)), details: details(data.weeks.map((w) => w.total)), total: true },
      ],
    };
  }, [data, lng, t]);
  // The same figures draw the same chart: a refresh that changed nothing leaves it alone.
  const signature = JSON.stringify([words.weeks, words.series, words.axis, lng]);

  useEffect(() => {
    let alive = true;
    let destroy: (() => void) | null = null;
    import('./compliance-chart.js').then(
      ({ drawComplianceChart }) => {
        if (!alive || !canvas.current) return;
        const chart = drawComplianceChart(canvas.current, words);
        destroy = () => chart.destroy();
        setState('drawn');
      },
      () => alive && setState('failed'),
    );
    return () => {
      alive = false;
      destroy?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the figures or words change, not on every render's new object.
  }, [signature]);

  return (
    <div className="chart-box" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={t('compliance.chartLabel')} />
      {state === 'loading' && <p className="chart-note">{t('compliance.chartLoading')}</p>}
      {state === 'failed' && <p className="chart-note">{t('compliance.chartFailed')}</p>}
    </div>
  );
}

function ComplianceTable({ data, captionId, language }: { data: Compliance; captionId: string; language: string }) {
  const { t } = useSupervisorWords();
  const n = (value: number) => formatNumber(value, language);
  const cell = (c: { rate: number | null; checked: number; expected: number }) =>
    c.rate === null ? (
      <span className="cell-none">{t('common.none')}</span>
    ) : (
      <>
        <span className="cell-rate">{formatPercent(c.rate, language)}</span>
        <span className="cell-detail">{t('compliance.cell', { checked: n(c.checked), expected: n(c.expected) })}</span>
      </>
    );
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="data-table compliance-table">
        <caption id={captionId}>{t('compliance.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.week')}</th>
            {data.teams.map((team, i) => (
              <th key={team} scope="col">
                <span className="team-mark" style={{ color: teamStyle(i).colour }} aria-hidden="true">
                  {teamStyle(i).mark}
                </span>
                {team}
              </th>
            ))}
            <th scope="col">
              <span className="team-mark" style={{ color: totalStyle.colour }} aria-hidden="true">
                {totalStyle.mark}
              </span>
              {t('compliance.allTeams')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{formatWeek(week.weekStart, week.weekEnd, language)}</th>
              {week.teams.map((c) => (
                <td key={c.team}>{cell(c)}</td>
              ))}
              <td className="cell-total">{cell(week.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
