/**
 * The month's check record as a PDF (made by the hub, handed over as base64: opened or saved from a
 * local object URL, nothing fetched again), and the department head's co-signature of the round.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatMonth, recentMonths } from '../../components/format.js';
import { KeypadFields } from '../../components/KeypadFields.js';
import { SignaturePad } from '../../components/SignaturePad.js';
import { isSignature } from '../../components/signature-path.js';

function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

interface Pdf {
  month: string;
  filename: string;
  url: string;
}

export function MonthlyRecord({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const client = useApi();
  const id = useId();
  const months = recentMonths(today, 12);
  const [month, setMonth] = useState(months[0] ?? '');
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [cosigning, setCosigning] = useState(false);
  const [cosigned, setCosigned] = useState<MethodOutput<'extinguisher.cosign'> | null>(null);

  // An object URL holds the PDF in memory until it is let go.
  useEffect(() => {
    if (!pdf) return;
    return () => URL.revokeObjectURL(pdf.url);
  }, [pdf]);

  async function makePdf() {
    setBusy(true);
    setError(null);
    try {
      const file = await client.call('report.extinguisherMonth', { month });
      setPdf({ month, filename: file.filename, url: URL.createObjectURL(pdfBlob(file.base64)) });
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel monthly" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('warden.month.title')}
      </h2>
      <p className="panel-body">{t('warden.month.body')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-month`} className="field-label">
            {t('warden.month.month')}
          </label>
          <select
            id={`${id}-month`}
            className="field-input"
            value={month}
            onChange={(e) => {
              setMonth(e.target.value);
              setPdf(null);
              setCosigned(null);
            }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lng)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-primary" onClick={() => void makePdf()} disabled={busy}>
          {busy ? t('warden.month.making') : t('warden.month.make')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {pdf && pdf.month === month && (
        <div className="pdf-ready" role="status">
          <p>{t('warden.month.ready', { month: formatMonth(pdf.month, lng) })}</p>
          <div className="toolbar">
            <a className="button button-primary" href={pdf.url} target="_blank" rel="noopener">
              {t('warden.month.open')}
            </a>
            <a className="button button-secondary" href={pdf.url} download={pdf.filename}>
              {t('warden.month.download')}
            </a>
          </div>
        </div>
      )}

      <h3 className="subhead">{t('warden.cosign.title')}</h3>
      {cosigned && cosigned.month === month ? (
        <p className="notice notice-ok" role="status">
          {t('warden.cosign.done', { month: formatMonth(cosigned.month, lng), count: cosigned.checks, at: formatDateTime(cosigned.cosignedAt, lng) })}
        </p>
      ) : cosigning ? (
        <CosignForm
          month={month}
          onCancel={() => setCosigning(false)}
          onDone={(result) => {
            setCosigned(result);
            setCosigning(false);
            // The record on screen was made before the co-signature: make it again to include it.
            setPdf(null);
          }}
        />
      ) : (
        <>
          <p className="panel-body">{t('warden.cosign.body', { month: formatMonth(month, lng) })}</p>
          <button type="button" className="button button-secondary" onClick={() => setCosigning(true)}>
            {t('warden.cosign.start')}
          </button>
        </>
      )}
    </section>
  );
}

function CosignForm({ month, onDone, onCancel }: { month: string; onDone(result: MethodOutput<'extinguisher.cosign'>): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const client = useApi();
  const [employeeNo, setEmployeeNo] = useState('');
  const [pin, setPin] = useState('');
  const [signature, setSignature] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const missing = !employeeNo ? 'employeeNo' : pin.length < 4 ? 'pin' : !isSignature(signature) ? 'signature' : null;
    setProblem(missing && t(`warden.person.missing.${missing}`));
    if (missing) return;
    setBusy(true);
    try {
      onDone(await client.call('extinguisher.cosign', { month, employeeNo, pin, signature }));
    } catch (err) {
      setError(asApiCallError(err));
      setPin('');
      setBusy(false);
    }
  }

  return (
    <div className="cosign">
      <p className="panel-body">{t('warden.cosign.formBody', { month: formatMonth(month, i18n.language) })}</p>
      <div className="sign-grid">
        <KeypadFields
          disabled={busy}
          fields={[
            { key: 'employeeNo', label: t('warden.person.employeeNo'), value: employeeNo, onChange: setEmployeeNo, maxLength: 12 },
            { key: 'pin', label: t('warden.person.pin'), value: pin, onChange: setPin, maxLength: 8, secret: true },
          ]}
        />
        <div className="sign-pad">
          <p className="field-label">{t('warden.cosign.signature')}</p>
          <SignaturePad value={signature} onChange={setSignature} label={t('warden.cosign.signaturePad')} disabled={busy} />
        </div>
      </div>
      <ErrorNotice error={error} message={problem} />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('warden.common.cancel')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void submit()} disabled={busy}>
          {t('warden.cosign.confirm')}
        </button>
      </div>
    </div>
  );
}
