/** The live audit chain, walked on the hub on request: unbroken, or where it breaks and why. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainCheck as ChainCheckResult } from '../../../shared/contract/retention.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatCount } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';

export function ChainResult({ result }: { result: ChainCheckResult }) {
  const { t, i18n } = useTranslation();
  if (!result.ok) {
    return (
      <p className="notice notice-error" data-testid="chain-result">
        {t('records.chain.broken', { seq: result.brokenAt, reason: t(`records.chain.reason.${result.reason ?? 'changed'}`) })}
      </p>
    );
  }
  return (
    <p className="notice notice-ok" data-testid="chain-result">
      {result.entries === 0 ? t('records.chain.empty') : t('records.chain.ok', { formatted: formatCount(result.entries, i18n.language), lastSeq: result.lastSeq })}
    </p>
  );
}

export function ChainCheck() {
  const { t } = useTranslation();
  const id = useId();
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChainCheckResult | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function check() {
    setBusy(true);
    setError(null);
    try {
      setResult(await client.call('audit.check', {}));
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.chain.title')}
      </h2>
      <p className="panel-body">{t('records.chain.body')}</p>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={() => void check()} disabled={busy}>
          {busy ? t('records.chain.checking') : t('records.chain.check')}
        </button>
      </div>
      <ErrorNotice error={error} />
      <div role="status" className="records-status">
        {result && <ChainResult result={result} />}
      </div>
    </section>
  );
}
