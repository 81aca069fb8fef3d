/**
 * QR tag labels to print and stick on the units: one per unit, its tag and place under the code.
 * The QR library is loaded when this page opens; the page prints itself with the browser's print.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { QrCode, type QrLibrary } from '../../components/QrCode.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';

async function loadQrLibrary(): Promise<QrLibrary> {
  const mod = await import('qrcode');
  // The library is CommonJS: depending on the bundler its functions sit on the module or on `default`.
  return 'create' in mod && typeof mod.create === 'function' ? mod : (mod as unknown as { default: QrLibrary }).default;
}

export function Labels({ tags, onBack }: { tags: readonly string[]; onBack(): void }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const [lib, setLib] = useState<QrLibrary | null>(null);
  const [failed, setFailed] = useState(false);
  const { data, error } = useHubQuery((client) => client.call('extinguisher.list', {}));

  useEffect(() => {
    let alive = true;
    loadQrLibrary().then(
      (loaded) => alive && setLib(loaded),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, []);

  const wanted = new Set(tags);
  const units = (data?.units ?? []).filter((u) => wanted.has(u.tag)).sort((a, b) => a.tag.localeCompare(b.tag, 'en', { numeric: true }));

  return (
    <section className="screen labels-screen" aria-labelledby="labels-title">
      <header className="screen-head no-print">
        <h1 id="labels-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.labels.title')}
        </h1>
        <p className="screen-sub">{t('warden.labels.hint', { count: units.length })}</p>
      </header>
      <div className="toolbar no-print">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('warden.common.back')}
        </button>
        <button type="button" className="button button-primary" disabled={!lib || units.length === 0} onClick={() => window.print()}>
          {t('warden.labels.print')}
        </button>
      </div>
      <div className="no-print">
        <ErrorNotice error={error} message={failed ? t('warden.labels.failed') : null} />
      </div>
      {lib && (
        <ul className="qr-labels">
          {units.map((unit) => (
            <li key={unit.tag} className="qr-label">
              <QrCode lib={lib} text={unit.tag} label={t('warden.labels.codeFor', { tag: unit.tag })} />
              <p className="qr-label-tag">{unit.tag}</p>
              <p className="qr-label-where">{unit.location}</p>
              <p className="qr-label-app">{t('warden.labels.footer', { app: t('app.name') })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
