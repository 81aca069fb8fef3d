/** What a browser that is not (or no longer) a paired device sees: how an administrator pairs it. */
import { useTranslation } from 'react-i18next';
import { AppFrame } from '../../app/AppFrame.js';

export function UnpairedPage({ rejected }: { rejected: boolean }) {
  const { t } = useTranslation();
  return (
    <AppFrame>
      <main className="page unpaired-page" aria-labelledby="unpaired-title">
        <h1 id="unpaired-title" className="page-title">
          {t('pairing.unpairedTitle')}
        </h1>
        {rejected && (
          <p className="notice notice-error" role="alert">
            {t('pairing.rejected')}
          </p>
        )}
        <PairingInstructions />
      </main>
    </AppFrame>
  );
}

export function PairingInstructions() {
  const { t } = useTranslation();
  return (
    <>
      <p className="page-body">{t('pairing.instructions')}</p>
      <pre className="command" translate="no">
        <code>{t('pairing.command')}</code>
      </pre>
      <p className="page-body">{t('pairing.roleHint')}</p>
    </>
  );
}
