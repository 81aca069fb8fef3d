/**
 * The visitors' safety briefing editor: title, exits, assembly point and house rules per language,
 * emergency numbers shared by both, with a live preview of what a visitor reads. Saving makes a new
 * version; each visit records the version its visitor accepted.
 */
import { useId, useState, type FormEvent } from 'react';
import type { BriefingContentInput, BriefingVersion } from '../../../shared/contract/briefing.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { SegmentedChoice } from '../../components/SegmentedChoice.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { useSupervisorWords } from '../dashboard/words.js';
import { BriefingPreview } from './BriefingPreview.js';
import { briefingLimits, briefingProblems, languages, trimmed, type Lang } from './briefing-draft.js';

export function BriefingEditor() {
  const { t, tc, lng } = useSupervisorWords();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const id = useId();
  const { data, error: loadError } = useHubQuery((c) => c.call('briefing.current', {}));
  const [saved, setSaved] = useState<{ briefing: BriefingVersion; created: boolean } | null>(null);
  const current = saved?.briefing ?? data;
  const [edited, setEdited] = useState<BriefingContentInput | null>(null);
  const content = edited ?? current?.content ?? null;
  const [lang, setLang] = useState<Lang>(lng === 'en' ? 'en' : 'zh-CN');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const problems = content ? briefingProblems(content) : null;
  const show = (bad: boolean | undefined) => tried && bad === true;

  const change = (next: BriefingContentInput) => setEdited(next);
  const setText = (patch: Partial<BriefingContentInput[Lang]>) => content && change({ ...content, [lang]: { ...content[lang], ...patch } });
  const setRules = (rules: string[]) => setText({ rules });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!content || !problems || busy) return;
    setTried(true);
    setError(null);
    if (problems.any) {
      // Open the language that needs fixing, so the marked fields are in front of the supervisor.
      if (problems.languages.length > 0 && !problems.languages.includes(lang)) setLang(problems.languages[0]!);
      document.getElementById(`${id}-problems`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await whileUnlocked(() => client.call('briefing.update', { auth, content: trimmed(content) }));
      setSaved(answer);
      setEdited(null);
      setTried(false);
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: string, label: string, value: string, set: (v: string) => void, bad: boolean, max: number, multiline = false) => {
    const fieldId = `${id}-${lang}-${key}`;
    const common = {
      id: fieldId,
      value,
      lang,
      disabled: busy,
      'aria-invalid': bad || undefined,
      'aria-describedby': bad ? `${fieldId}-problem` : undefined,
    };
    return (
      <div className="field">
        <label htmlFor={fieldId} className="field-label">
          {label}
        </label>
        {multiline ? (
          <textarea className="field-input field-text" rows={3} {...common} onChange={(e) => set(e.target.value)} />
        ) : (
          <input className="field-input" autoComplete="off" {...common} onChange={(e) => set(e.target.value)} />
        )}
        {bad && (
          <p id={`${fieldId}-problem`} className="field-problem">
            {t('door.briefing.required', { max })}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('door.briefing.title')}
        </h2>
        {current && (
          <span className="version-chip" data-testid="briefing-version">
            {t('common.version', { version: current.version })}
          </span>
        )}
      </div>
      <p className="panel-body">{t('door.briefing.explain')}</p>
      {current && <p className="muted">{t('common.updatedAt', { at: formatDateTime(current.createdAt, lng) })}</p>}
      <ErrorNotice error={loadError} />
      {content && problems && (
        <form className="form" onSubmit={submit} noValidate>
          <SegmentedChoice<Lang>
            name={`${id}-lang`}
            legend={t('door.briefing.language')}
            choices={languages.map((l) => ({ value: l, label: tc(`language.${l}`), tone: tried && problems.languages.includes(l) ? 'fail' : 'neutral' }))}
            value={lang}
            onChange={setLang}
          />
          <div className="briefing-layout">
            <div className="form">
              {field('title', t('door.briefing.titleField'), content[lang].title, (v) => setText({ title: v }), show(problems.text[lang].title), briefingLimits.title)}
              {field('exits', t('door.briefing.exits'), content[lang].exits, (v) => setText({ exits: v }), show(problems.text[lang].exits), briefingLimits.exits, true)}
              {field(
                'assembly',
                t('door.briefing.assemblyPoint'),
                content[lang].assemblyPoint,
                (v) => setText({ assemblyPoint: v }),
                show(problems.text[lang].assemblyPoint),
                briefingLimits.assemblyPoint,
                true,
              )}
              <fieldset className="choice-grid">
                <legend>{t('door.briefing.rules')}</legend>
                <ol className="editor-list">
                  {content[lang].rules.map((rule, i) => (
                    <li key={i} className="editor-row">
                      {field(
                        `rule-${i}`,
                        t('door.briefing.rule', { no: i + 1 }),
                        rule,
                        (v) => setRules(content[lang].rules.map((r, j) => (j === i ? v : r))),
                        show(problems.text[lang].rules[i]),
                        briefingLimits.rule,
                        true,
                      )}
                      <button
                        type="button"
                        className="button button-secondary icon-button"
                        aria-label={t('door.briefing.removeRule', { no: i + 1 })}
                        disabled={busy || content[lang].rules.length <= 1}
                        onClick={() => setRules(content[lang].rules.filter((_, j) => j !== i))}
                      >
                        ✕
                      </button>
                    </li>
                  ))}
                </ol>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy || content[lang].rules.length >= briefingLimits.rules}
                  onClick={() => setRules([...content[lang].rules, ''])}
                >
                  {t('door.briefing.addRule')}
                </button>
              </fieldset>
              <NumbersEditor content={content} problems={tried ? problems.numbers : []} disabled={busy} onChange={change} />
            </div>
            <div className="form briefing-preview-column">
              <h3 className="subhead">{t('door.briefing.preview')}</h3>
              <BriefingPreview content={content} lang={lang} />
            </div>
          </div>
          <div id={`${id}-problems`} tabIndex={-1} role="alert" className="form-alert">
            {tried && problems.any && (
              <p className="notice notice-error">
                {t('door.briefing.fixFirst')}
                {problems.languages.length > 0 && ` ${t('door.briefing.problemsIn', { languages: problems.languages.map((l) => tc(`language.${l}`)).join('、') })}`}
              </p>
            )}
          </div>
          <ErrorNotice error={error} />
          <div role="status">
            {saved && !edited && (
              <p className="notice notice-ok">
                {saved.created ? t('common.versionSaved', { version: saved.briefing.version }) : t('common.unchanged', { version: saved.briefing.version })}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={busy || !edited}
              onClick={() => {
                setEdited(null);
                setTried(false);
              }}
            >
              {t('door.briefing.reset')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('door.briefing.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface NumbersEditorProps {
  content: BriefingContentInput;
  problems: { zh: boolean; en: boolean; number: boolean }[];
  disabled: boolean;
  onChange(next: BriefingContentInput): void;
}

function NumbersEditor({ content, problems, disabled, onChange }: NumbersEditorProps) {
  const { t } = useSupervisorWords();
  const id = useId();
  const numbers = content.numbers;
  const set = (index: number, patch: Partial<(typeof numbers)[number]>) =>
    onChange({ ...content, numbers: numbers.map((n, i) => (i === index ? { ...n, ...patch } : n)) });
  const input = (key: string, label: string, value: string, bad: boolean, problem: string, set: (v: string) => void, extra: { lang?: string; inputMode?: 'tel' } = {}) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="field-input"
        autoComplete="off"
        value={value}
        disabled={disabled}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-${key}-problem` : undefined}
        onChange={(e) => set(e.target.value)}
        {...extra}
      />
      {bad && (
        <p id={`${id}-${key}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );
  const labelProblem = t('door.briefing.required', { max: briefingLimits.numberLabel });
  return (
    <fieldset className="choice-grid">
      <legend>{t('door.briefing.numbers')}</legend>
      <ol className="editor-list">
        {numbers.map((n, i) => (
          <li key={i} className="editor-item">
            <div className="editor-row">
              {input(`${i}-zh`, t('door.briefing.numberLabelZh'), n.label['zh-CN'], problems[i]?.zh ?? false, labelProblem, (v) => set(i, { label: { ...n.label, 'zh-CN': v } }), { lang: 'zh-CN' })}
              {input(`${i}-en`, t('door.briefing.numberLabelEn'), n.label.en, problems[i]?.en ?? false, labelProblem, (v) => set(i, { label: { ...n.label, en: v } }), { lang: 'en' })}
              {input(`${i}-no`, t('door.briefing.number'), n.number, problems[i]?.number ?? false, t('door.briefing.invalidNumber'), (v) => set(i, { number: v }), { inputMode: 'tel' })}
              <button
                type="button"
                className="button button-secondary icon-button"
                aria-label={t('door.briefing.removeNumber', { no: i + 1 })}
                disabled={disabled || numbers.length <= 1}
                onClick={() => onChange({ ...content, numbers: numbers.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        disabled={disabled || numbers.length >= briefingLimits.numbers}
        onClick={() => onChange({ ...content, numbers: [...numbers, { label: { 'zh-CN': '', en: '' }, number: '' }] })}
      >
        {t('door.briefing.addNumber')}
      </button>
    </fieldset>
  );
}
