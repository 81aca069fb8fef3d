/** While a pairing link is being redeemed, and when the hub refuses it. */
import { useTranslation } from 'react-i18next';
import { formatError } from '../../../shared/i18n/format-error.js';
import type { ApiCallError } from '../../api/client.js';
import { AppFrame } from '../../app/AppFrame.js';
import { siteTimeZone } from '../../app/site.js';
import { StatusPage } from '../../app/StatusPage.js';
import { PairingInstructions } from './UnpairedPage.js';

export function PairingPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('pairing.inProgress')} />;
}

/** A code that is malformed is as useless as one already used: both need a new link. */
const codeOf = (error: ApiCallError) =>
  error.code === 'network' || error.code === 'unavailable' ? error.code : 'pairing_invalid';

export function PairingFailedPage({ error }: { error: ApiCallError }) {
  const { t, i18n } = useTranslation();
  return (
    <AppFrame>
      <main className="page unpaired-page" aria-labelledby="pairing-failed-title">
        <h1 id="pairing-failed-title" className="page-title">
          {t('pairing.failedTitle')}
        </h1>
        <p className="notice notice-error" role="alert">
          {formatError(t, i18n.language, codeOf(error), error.params, siteTimeZone)}
        </p>
        <PairingInstructions />
      </main>
    </AppFrame>
  );
}
