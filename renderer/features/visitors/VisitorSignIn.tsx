/**
 * A visitor signs in: name → company → host → the safety briefing, accepted → welcome. What they
 * typed stays while they go back and forth (and when the hub refuses something), and is gone the
 * moment the flow ends: it lives in this component only.
 */
import { useState } from 'react';
import type { BriefingVersion } from '../../../shared/contract/briefing.js';
import type { VisitorView } from '../../../shared/contract/visitors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { VisitorBriefing } from './VisitorBriefing.js';
import { VisitorHostStep } from './VisitorHostStep.js';
import { VisitorSignedIn } from './VisitorSignedIn.js';
import { VisitorTextStep } from './VisitorTextStep.js';
import { emptyDraft, visitorLimits, type VisitorDraft } from './visitor-form.js';

type Step = 'name' | 'company' | 'host' | 'briefing';
const steps: readonly Step[] = ['name', 'company', 'host', 'briefing'];

/** Refusals that are about the host: the visitor picks again. */
const hostRefusals = new Set(['unknown_person', 'person_inactive']);

export function VisitorSignIn({ onDone }: { onDone(): void }) {
  const client = useApi();
  const [step, setStep] = useState<Step>('name');
  const [draft, setDraft] = useState<VisitorDraft>(emptyDraft);
  const [hostQuery, setHostQuery] = useState('');
  const [hostRefusal, setHostRefusal] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [signedIn, setSignedIn] = useState<VisitorView | null>(null);

  const position = { step: steps.indexOf(step) + 1, total: steps.length };
  const go = (next: Step) => {
    window.scrollTo({ top: 0 });
    setStep(next);
  };

  async function signIn(briefing: BriefingVersion, language: Language): Promise<ApiCallError | null> {
    if (!draft.host || busy) return null;
    setBusy(true);
    try {
      const answer = await client.call('visitor.signIn', {
        name: draft.name.trim(),
        company: draft.company.trim(),
        hostEmployeeNo: draft.host.employeeNo,
        briefingVersion: briefing.version,
        language,
        accepted: true,
      });
      setSignedIn(answer.visitor);
      return null;
    } catch (err) {
      const refusal = asApiCallError(err);
      if (hostRefusals.has(refusal.code)) {
        setDraft((d) => ({ ...d, host: null }));
        setHostRefusal(refusal);
        go('host');
      }
      return refusal;
    } finally {
      setBusy(false);
    }
  }

  if (signedIn) return <VisitorSignedIn visitor={signedIn} onDone={onDone} />;

  switch (step) {
    case 'name':
      return (
        <VisitorTextStep
          key="name"
          field="name"
          position={position}
          value={draft.name}
          max={visitorLimits.name}
          onChange={(name) => setDraft((d) => ({ ...d, name }))}
          onNext={() => go('company')}
          onCancel={onDone}
        />
      );
    case 'company':
      return (
        <VisitorTextStep
          key="company"
          field="company"
          position={position}
          value={draft.company}
          max={visitorLimits.company}
          onChange={(company) => setDraft((d) => ({ ...d, company }))}
          onNext={() => go('host')}
          onBack={() => go('name')}
          onCancel={onDone}
        />
      );
    case 'host':
      return (
        <VisitorHostStep
          position={position}
          query={hostQuery}
          host={draft.host}
          refusal={hostRefusal}
          onQuery={setHostQuery}
          onPick={(host) => {
            setHostRefusal(null);
            setDraft((d) => ({ ...d, host }));
          }}
          onNext={() => go('briefing')}
          onBack={() => go('company')}
          onCancel={onDone}
        />
      );
    case 'briefing':
      return <VisitorBriefing position={position} busy={busy} onAccept={signIn} onBack={() => go('host')} onCancel={onDone} />;
  }
}
