/**
 * Records & export on the admin desk: the hub's signing key for auditors, a new signed export with
 * its progress, the exports kept on the hub (download, check), the audit chain, how long personal
 * data is kept and its purge, and the printable reports.
 */
import { useTranslation } from 'react-i18next';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { ChainCheck } from './ChainCheck.js';
import { ExportList } from './ExportList.js';
import { ExportRunner } from './ExportRunner.js';
import { Reports } from './Reports.js';
import { RetentionPanel } from './RetentionPanel.js';
import { SigningKey } from './SigningKey.js';
import '../../styles/records.css';

export function ExportsScreen() {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const list = useHubQuery((client) => client.call('export.list', {}));
  return (
    <section className="screen records" aria-labelledby="records-title">
      <header className="screen-head">
        <h1 id="records-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('records.title')}
        </h1>
        <p className="screen-sub">{t('records.sub')}</p>
      </header>
      <div className="records-grid">
        <ExportRunner onFinished={list.reload} />
        <SigningKey />
      </div>
      <ExportList names={list.data?.exports} error={list.error} />
      <div className="records-grid">
        <RetentionPanel />
        <ChainCheck />
      </div>
      <Reports />
    </section>
  );
}
