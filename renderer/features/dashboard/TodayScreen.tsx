/**
 * The supervisor's day at the door: the figures as tiles (each opens what is behind it), who signed
 * in with their self-check and training, training problems, forgotten sign-outs the daily close
 * recorded, the day's visitors, and self-check compliance per team over the last weeks.
 *
 * It keeps itself current: again on every sign-in or sign-out and every self-check, and every 30 s (useLiveReload).
 */
import { useCallback, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDay, formatNumber } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { ComplianceSection } from './ComplianceSection.js';
import { DayPicker } from './DayPicker.js';
import { TodayPeople, type PeopleFilter } from './TodayPeople.js';
import { AutoClosedPanel, TrainingPanel, VisitorsPanel } from './TodayLists.js';
import { useLiveReload } from './useLiveReload.js';
import { formatTime } from './when.js';
import { useSupervisorWords } from './words.js';
import '../../styles/supervisor.css';

type Tone = 'ok' | 'warn' | 'alert' | 'plain';

export function TodayScreen({ onReview }: { onReview(): void }) {
  const { t, lng } = useSupervisorWords();
  const heading = useFocusHeading();
  /** null: the hub's current site day, following it past midnight. */
  const [picked, setPicked] = useState<string | null>(null);
  const [filter, setFilter] = useState<PeopleFilter>('all');
  const [tick, setTick] = useState(0);
  const { data, error, reload } = useHubQuery((client) => client.call('dashboard.today', picked ? { day: picked } : {}), picked ?? '');
  // The hub's today, learnt from an answer for today (a past day's answer does not say it).
  const [today, setToday] = useState<string | null>(null);
  if (data && !picked && data.day !== today) setToday(data.day);

  const live = useCallback(() => {
    reload();
    setTick((n) => n + 1);
  }, [reload]);
  useLiveReload(live);

  // A tile takes the supervisor to the list behind it (and says so to a screen reader by focusing it).
  const show = (sectionId: string, next?: PeopleFilter) => () => {
    if (next) setFilter(next);
    const target = document.getElementById(sectionId);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };

  const n = (value: number) => formatNumber(value, lng);
  const c = data?.counts;
  const tiles: { key: string; value: number; tone: Tone; onClick(): void }[] = c
    ? [
        { key: 'signedIn', value: c.signedIn, tone: 'plain', onClick: show('today-people', 'all') },
        { key: 'onSiteNow', value: c.onSiteNow, tone: 'plain', onClick: show('today-people', 'onSite') },
        { key: 'visitors', value: c.visitors, tone: 'plain', onClick: show('today-visitors') },
        { key: 'selfChecksDone', value: c.selfChecksDone, tone: c.signedIn > 0 && c.selfChecksDone === c.signedIn ? 'ok' : 'plain', onClick: show('today-people', 'all') },
        { key: 'selfChecksFailed', value: c.selfChecksFailed, tone: c.selfChecksFailed > 0 ? 'alert' : 'ok', onClick: show('today-people', 'failed') },
        { key: 'selfChecksMissing', value: c.selfChecksMissing, tone: c.selfChecksMissing > 0 ? 'warn' : 'ok', onClick: show('today-people', 'missing') },
        { key: 'openFlags', value: c.openFlags, tone: c.openFlags > 0 ? 'alert' : 'ok', onClick: onReview },
        { key: 'trainingProblems', value: c.trainingProblems, tone: c.trainingProblems > 0 ? 'warn' : 'ok', onClick: show('today-training') },
        { key: 'autoClosed', value: c.autoClosed, tone: c.autoClosed > 0 ? 'warn' : 'ok', onClick: show('today-auto') },
      ]
    : [];

  return (
    <section className="screen supervisor-today" aria-labelledby="today-title">
      <header className="screen-head">
        <h1 id="today-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('today.title')}
        </h1>
        {data && (
          <p className="screen-sub">
            {t('today.dayOf', { day: formatDay(data.day, lng) })} · {t('today.asOf', { time: formatTime(data.asOf, lng) })}
          </p>
        )}
      </header>
      <div className="toolbar today-toolbar">
        {data && <DayPicker day={data.day} today={today ?? data.day} onPick={setPicked} />}
        <button type="button" className="button button-secondary" onClick={live}>
          {t('today.refresh')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {!data && !error && <p className="screen-sub">{t('common.loading')}</p>}
      {data && (
        <>
          <ul className="tiles" aria-label={t('today.tilesLabel')}>
            {tiles.map((tile) => (
              <li key={tile.key}>
                <button type="button" className={`tile tile-${tile.tone}`} data-tile={tile.key} onClick={tile.onClick}>
                  <span className="tile-value">{n(tile.value)}</span>
                  <span className="tile-label">{t(`today.tiles.${tile.key}`)}</span>
                </button>
              </li>
            ))}
          </ul>
          <TodayPeople data={data} filter={filter} onFilter={setFilter} />
          <div className="supervisor-columns">
            <TrainingPanel data={data} />
            <VisitorsPanel data={data} />
          </div>
          <AutoClosedPanel day={data.day} tick={tick} />
          <ComplianceSection tick={tick} />
        </>
      )}
    </section>
  );
}
