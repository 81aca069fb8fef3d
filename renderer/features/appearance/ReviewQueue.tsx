/**
 * The supervisor's review of failed self-checks: open ones first (by default), resolved ones and all
 * on request. Each shows who, when, the flagged items worded as in the checklist version the person
 * saw, and their note; an open one is resolved here with what was done and a note.
 */
import { useState } from 'react';
import type { ReviewItem } from '../../../shared/contract/appearance.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatNumber } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { useLiveReload } from '../dashboard/useLiveReload.js';
import { useSupervisorWords } from '../dashboard/words.js';
import { ReviewCard } from './ReviewCard.js';
import '../../styles/supervisor.css';

const filters = ['open', 'resolved', 'all'] as const;
type Filter = (typeof filters)[number];

export function ReviewQueue() {
  const { t, lng } = useSupervisorWords();
  const heading = useFocusHeading();
  const [filter, setFilter] = useState<Filter>('open');
  const [flash, setFlash] = useState<string | null>(null);
  const { data, error, loading, reload } = useHubQuery((client) => client.call('appearance.reviewQueue', { status: filter, limit: 200 }), filter);
  // A self-check submitted or resolved anywhere (the door, another supervisor) shows at once.
  useLiveReload(reload, { on: ['appearance.changed'] });

  const resolved = (item: ReviewItem) => {
    setFlash(t('review.resolved', { name: item.person.name }));
    reload();
  };

  return (
    <section className="screen" aria-labelledby="review-title">
      <header className="screen-head">
        <h1 id="review-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('review.title')}
        </h1>
        {data && <p className={data.open > 0 ? 'screen-sub screen-sub-alert' : 'screen-sub'}>{t('review.summary', { count: data.open })}</p>}
      </header>
      <div className="filters" role="group" aria-label={t('review.filterLabel')}>
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            className="filter"
            aria-pressed={filter === f}
            onClick={() => {
              setFilter(f);
              setFlash(null);
            }}
          >
            {t(`review.filters.${f}`)}
            {f === 'open' && data && <span className="filter-count">{formatNumber(data.open, lng)}</span>}
          </button>
        ))}
      </div>
      <div role="status">{flash && <p className="notice notice-ok">{flash}</p>}</div>
      <ErrorNotice error={error} />
      {loading && !data && <p className="screen-sub">{t('common.loading')}</p>}
      {data && data.items.length === 0 && (
        <p className="empty">{t(filter === 'open' ? 'review.emptyOpen' : filter === 'resolved' ? 'review.emptyResolved' : 'review.emptyAll')}</p>
      )}
      <ul className="review-list">
        {data?.items.map((item) => (
          <li key={item.checkId}>
            <ReviewCard item={item} onResolved={resolved} />
          </li>
        ))}
      </ul>
    </section>
  );
}
