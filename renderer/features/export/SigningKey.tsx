/** The hub's signing key: its fingerprint and the allowed_signers line an auditor needs, with a copy button. */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { copyText } from './copy.js';

export function SigningKey() {
  const { t } = useTranslation();
  const id = useId();
  const key = useHubQuery((client) => client.call('export.key', {}));
  const lineRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    if (!key.data) return;
    setCopied(await copyText(key.data.allowedSigners, lineRef.current));
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.key.title')}
      </h2>
      <p className="panel-body">{t('records.key.body')}</p>
      <ErrorNotice error={key.error} />
      {key.data && (
        <>
          <dl className="records-facts">
            <dt>{t('records.key.fingerprint')}</dt>
            <dd className="records-mono" data-testid="key-fingerprint">
              {key.data.fingerprint}
            </dd>
          </dl>
          <label htmlFor={`${id}-line`} className="field-label">
            {t('records.key.allowedSigners')}
          </label>
          <textarea id={`${id}-line`} ref={lineRef} className="field-input records-mono records-line" readOnly rows={3} value={key.data.allowedSigners} />
          <div className="toolbar">
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              {t('records.key.copy')}
            </button>
            <p className="records-inline-status" role="status">
              {copied === true ? t('records.key.copied') : copied === false ? t('records.key.copyFailed') : ''}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
