/** The daily database backups the hub keeps (list only: restoring is done on the hub's computer, with the hub stopped). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';

const formatSize = (bytes: number, language: string) =>
  bytes >= 1024 * 1024
    ? new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))
    : new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.ceil(bytes / 1024));

export function BackupList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const { data, error } = useHubQuery((client) => client.call('backup.list', {}));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.devices.backups.title')}
      </h2>
      {data && <p className="panel-body">{t('records.devices.backups.body', { days: data.keepDays })}</p>}
      <ErrorNotice error={error} />
      {data && data.backups.length === 0 && <p className="empty">{t('records.devices.backups.empty')}</p>}
      {data && data.backups.length > 0 && (
        <div className="records-table-wrap">
          <table className="records-table">
            <thead>
              <tr>
                <th scope="col">{t('records.devices.backups.taken')}</th>
                <th scope="col">{t('records.devices.backups.size')}</th>
                <th scope="col">{t('records.devices.backups.name')}</th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((backup) => (
                <tr key={backup.name}>
                  <td>{formatDateTime(backup.at, lng)}</td>
                  <td>{formatSize(backup.bytes, lng)}</td>
                  <td className="records-mono">{backup.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
