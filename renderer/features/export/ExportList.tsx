/**
 * The exports kept on the hub, newest first: each one's period and when it was made, a download as
 * a zip, and a check of it as `safefloor verify` does (signature with this hub's key, every file,
 * the audit chain, every record).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import { asApiCallError, runsInShell, type ApiCallError } from '../../api/index.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatCount } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatDay } from '../../components/format.js';
import { downloadExportZip } from './download.js';
import { parseExportName } from './export-name.js';

type Check = MethodOutput<'export.verify'>;

export function ExportList({ names, error }: { names: readonly string[] | undefined; error: ApiCallError | null }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.list.title')}
      </h2>
      <ErrorNotice error={error} />
      {names && names.length === 0 && <p className="empty">{t('records.list.empty')}</p>}
      {names && names.length > 0 && (
        <ul className="records-exports" data-testid="export-list">
          {names.map((name) => (
            <ExportItem key={name} name={name} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ExportItem({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useApi();
  const parsed = parseExportName(name);
  const period = parsed.madeAt
    ? `${parsed.from ? formatDay(parsed.from, lng) : t('records.list.fromStart')} – ${parsed.to ? formatDay(parsed.to, lng) : t('records.list.untilNow')}`
    : name;
  const [busy, setBusy] = useState<'download' | 'check' | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [check, setCheck] = useState<Check | null>(null);

  async function act(kind: 'download' | 'check') {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'download') await downloadExportZip(name, lng);
      else setCheck(await client.call('export.verify', { name }));
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="records-export" data-testid="export-item" data-name={name}>
      <div className="records-export-head">
        <p className="records-export-period">{period}</p>
        {parsed.madeAt && (
          <p className="records-export-made">
            {t('records.list.made')}: {formatDateTime(parsed.madeAt, lng)}
          </p>
        )}
      </div>
      <div className="toolbar">
        {runsInShell() ? (
          <p className="panel-body">{t('records.list.shellOnly', { folder: name })}</p>
        ) : (
          <button type="button" className="button button-primary" disabled={busy !== null} aria-label={t('records.list.downloadFor', { period })} onClick={() => void act('download')}>
            {busy === 'download' ? t('records.list.downloading') : t('records.list.download')}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy !== null} aria-label={t('records.list.checkFor', { period })} onClick={() => void act('check')}>
          {busy === 'check' ? t('records.list.checking') : t('records.list.check')}
        </button>
      </div>
      <ErrorNotice error={error} />
      <div role="status" className="records-status">
        {check && <CheckResult check={check} language={lng} />}
      </div>
    </li>
  );
}

function CheckResult({ check, language }: { check: Check; language: string }) {
  const { t } = useTranslation();
  if (check.ok) {
    const count = formatCount(check.records ?? 0, language);
    return (
      <p className="notice notice-ok" data-testid="export-check">
        {check.chain
          ? t('records.list.ok', { formatted: count, first: check.chain.firstSeq, last: check.chain.lastSeq })
          : t('records.list.okNoChain', { formatted: count })}
      </p>
    );
  }
  return (
    <div className="notice notice-error" data-testid="export-check">
      <p>{t('records.list.failed')}</p>
      {/* What failed, as `safefloor verify` says it (file names and entry numbers). */}
      <ul className="records-failures" lang="en">
        {check.failures.map((failure) => (
          <li key={failure}>{failure}</li>
        ))}
      </ul>
    </div>
  );
}
