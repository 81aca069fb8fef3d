/** The wall display: how many are on site and who, live, readable from across the room. */
import { useTranslation } from 'react-i18next';
import { AppFrame } from '../../app/AppFrame.js';
import { formatCount, formatTime } from '../../app/format.js';
import { OnSiteList } from './OnSiteList.js';
import { useOnSite, type OnSiteState } from './useOnSite.js';

export function DisplayHome({ roleName }: { roleName: string }) {
  const { t, i18n } = useTranslation();
  const { onSite, connection, stale } = useOnSite();
  const count = onSite ? onSite.people.length + onSite.visitors.length : null;
  return (
    <AppFrame subtitle={roleName}>
      <main className="display" aria-labelledby="display-title">
        <div className="display-head">
          <h1 id="display-title" className="display-title">
            {t('display.title')}
          </h1>
          <p className="display-count" aria-live="polite">
            <span className="display-count-label">{t('display.countLabel')}</span>
            <span className="display-count-number" data-testid="on-site-count">
              {count === null ? '–' : formatCount(count, i18n.language)}
            </span>
          </p>
          <ConnectionStatus connection={connection} stale={stale} asOf={onSite?.asOf} />
        </div>
        {onSite && <OnSiteList people={onSite.people} />}
      </main>
    </AppFrame>
  );
}

function ConnectionStatus({ connection, stale, asOf }: Pick<OnSiteState, 'connection' | 'stale'> & { asOf?: string }) {
  const { t, i18n } = useTranslation();
  const live = connection === 'up' && !stale;
  return (
    <p className={`connection ${live ? 'connection-live' : 'connection-down'}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      <span>{live ? t('display.live') : t('display.reconnecting')}</span>
      {asOf && <span className="connection-as-of">{t('display.asOf', { time: formatTime(asOf, i18n.language) })}</span>}
    </p>
  );
}
