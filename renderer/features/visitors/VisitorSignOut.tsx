/**
 * A visitor leaving: the visitors on site now (from `presence.onSite`, the kiosk's view of who is
 * here), tap your own name, confirm, signed out. Names are in the roster's order (pinyin for
 * Chinese), with the company, so two visitors with one name can tell themselves apart.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnSiteVisitor } from '../../../shared/contract/presence.js';
import type { VisitorView } from '../../../shared/contract/visitors.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatTime } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { DoorActions, DoorStep } from './DoorStep.js';
import { VisitorDoneScreen } from './VisitorSignedIn.js';

const byName = new Intl.Collator('zh-CN');

export function VisitorSignOut({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const client = useApi();
  const onSite = useHubQuery((c) => c.call('presence.onSite', {}));
  const [chosen, setChosen] = useState<OnSiteVisitor | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiCallError | null>(null);
  const [signedOut, setSignedOut] = useState<VisitorView | null>(null);

  const visitors = useMemo(
    () => [...(onSite.data?.visitors ?? [])].sort((a, b) => byName.compare(a.name, b.name) || a.visitorId - b.visitorId),
    [onSite.data],
  );

  async function signOut(visitor: OnSiteVisitor) {
    if (busy) return;
    setBusy(true);
    try {
      const answer = await client.call('visitor.signOut', { visitorId: visitor.visitorId });
      setSignedOut(answer.visitor);
    } catch (err) {
      // Signed out meanwhile (elsewhere, or by the daily close): the list is fetched again.
      setRefusal(asApiCallError(err));
      setChosen(null);
      onSite.reload();
    } finally {
      setBusy(false);
    }
  }

  if (signedOut) {
    return (
      <VisitorDoneScreen
        kind="out"
        title={t('door.visitor.signedOut.title')}
        name={signedOut.name}
        lines={[t('door.visitor.signedOut.at', { time: formatTime(signedOut.until ?? signedOut.since, i18n.language) }), t('door.visitor.signedOut.thanks')]}
        onDone={onDone}
      />
    );
  }

  if (chosen) {
    return (
      <DoorStep key="confirm" id="visitor-out-confirm" focusHeading title={t('door.visitor.signOut.confirmTitle')}>
        <div className="door-confirm">
          <p className="door-confirm-name">{chosen.name}</p>
          <p className="door-confirm-company">{chosen.company}</p>
          <p className="door-confirm-since">{t('door.visitor.signOut.since', { time: formatTime(chosen.since, i18n.language) })}</p>
        </div>
        <DoorActions
          onCancel={onDone}
          onBack={() => setChosen(null)}
          next={
            <button type="button" className="button button-primary door-next" disabled={busy} onClick={() => void signOut(chosen)}>
              {busy ? t('kiosk.processing') : t('door.visitor.signOut.confirm')}
            </button>
          }
        />
      </DoorStep>
    );
  }

  return (
    <DoorStep key="list" id="visitor-out" focusHeading title={t('door.visitor.signOut.title')} hint={t('door.visitor.signOut.hint')}>
      <ErrorNotice error={refusal ?? onSite.error} />
      {!onSite.data && !onSite.error && <p className="notice">{t('door.loading')}</p>}
      {onSite.data && visitors.length === 0 && <p className="door-empty">{t('door.visitor.signOut.none')}</p>}
      {visitors.length > 0 && (
        <ul className="door-hit-list door-visitor-list" aria-label={t('door.visitor.signOut.listLabel')}>
          {visitors.map((visitor) => (
            <li key={visitor.visitorId}>
              <button
                type="button"
                className="door-hit"
                onClick={() => {
                  setRefusal(null);
                  setChosen(visitor);
                }}
              >
                <span className="door-hit-name">{visitor.name}</span>
                <span className="door-hit-team">{visitor.company}</span>
                <span className="door-hit-since">{t('door.visitor.signOut.since', { time: formatTime(visitor.since, i18n.language) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <DoorActions onCancel={onDone} />
    </DoorStep>
  );
}
