/**
 * The site's safety briefing (外来人员安全须知) in the language the kiosk shows, large and scrolling:
 * exits, assembly point, rules, emergency numbers; then an explicit "I have read and accept", which
 * signs the visitor in with the version they read. If the site changed the briefing meanwhile the
 * hub refuses (briefing_outdated): the new text is loaded and must be accepted again.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingVersion } from '../../../shared/contract/briefing.js';
import { isLanguage, type Language } from '../../../shared/i18n/index.js';
import type { ApiCallError } from '../../api/client.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { DoorActions, DoorStep, type StepPosition } from './DoorStep.js';

export interface VisitorBriefingProps {
  position: StepPosition;
  busy: boolean;
  /** Signs the visitor in; resolves with the hub's refusal, or null when done. */
  onAccept(briefing: BriefingVersion, language: Language): Promise<ApiCallError | null>;
  onBack(): void;
  onCancel(): void;
}

export function VisitorBriefing({ position, busy, onAccept, onBack, onCancel }: VisitorBriefingProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const heading = useFocusHeading();
  const briefing = useHubQuery((c) => c.call('briefing.current', {}));
  const [refusal, setRefusal] = useState<ApiCallError | null>(null);
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const current = briefing.data;
  const text = current?.content[language];

  // A new version starts at its top, where the visitor is told why they read it again.
  const version = current?.version;
  useEffect(() => {
    if (version !== undefined) window.scrollTo({ top: 0 });
  }, [version]);

  async function accept() {
    if (!current || busy) return;
    const refused = await onAccept(current, language);
    setRefusal(refused);
    if (refused?.code === 'briefing_outdated') {
      briefing.reload();
      heading.current?.focus();
    }
  }

  return (
    <DoorStep id={id} position={position} title={text?.title ?? t('door.visitor.briefing.title')} hint={t('door.visitor.briefing.hint')} headingRef={heading} className="briefing">
      <ErrorNotice error={refusal ?? briefing.error} />
      {briefing.error && !current && (
        <button type="button" className="button button-secondary" onClick={briefing.reload}>
          {t('door.retry')}
        </button>
      )}
      {!current && !briefing.error && <p className="notice">{t('door.loading')}</p>}
      {current && text && (
        <article className="briefing-text" aria-labelledby={`${id}-title`}>
          <section className="briefing-part" aria-labelledby={`${id}-exits`}>
            <h2 id={`${id}-exits`} className="briefing-heading">
              {t('door.visitor.briefing.exits')}
            </h2>
            <p className="briefing-body">{text.exits}</p>
          </section>
          <section className="briefing-part" aria-labelledby={`${id}-assembly`}>
            <h2 id={`${id}-assembly`} className="briefing-heading">
              {t('door.visitor.briefing.assemblyPoint')}
            </h2>
            <p className="briefing-body briefing-assembly">{text.assemblyPoint}</p>
          </section>
          <section className="briefing-part" aria-labelledby={`${id}-rules`}>
            <h2 id={`${id}-rules`} className="briefing-heading">
              {t('door.visitor.briefing.rules')}
            </h2>
            <ol className="briefing-rules">
              {text.rules.map((rule, i) => (
                <li key={i}>{rule}</li>
              ))}
            </ol>
          </section>
          <section className="briefing-part" aria-labelledby={`${id}-numbers`}>
            <h2 id={`${id}-numbers`} className="briefing-heading">
              {t('door.visitor.briefing.numbers')}
            </h2>
            <ul className="briefing-numbers">
              {current.content.numbers.map((entry) => (
                <li key={`${entry.number}-${entry.label.en}`} className="briefing-number">
                  <span className="briefing-number-label">{entry.label[language]}</span>
                  <span className="briefing-number-value">{entry.number}</span>
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
      <DoorActions
        onCancel={onCancel}
        onBack={onBack}
        next={
          <button type="button" className="button button-primary door-next door-accept" disabled={!current || busy || briefing.loading} onClick={() => void accept()}>
            {busy ? t('kiosk.processing') : t('door.visitor.briefing.accept')}
          </button>
        }
      />
    </DoorStep>
  );
}
