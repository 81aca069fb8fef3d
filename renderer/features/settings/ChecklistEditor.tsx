/**
 * The self-check list editor: each item's id (kept across versions so flags can be compared), group,
 * words in both languages and whether it is required; add, remove, reorder. Saving makes a new
 * version (the hub says when nothing differed); past checks keep the version they were made with.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AppearanceChecklist } from '../../../shared/contract/appearance.js';
import { appearanceGroups } from '../../../shared/domain/checklist.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { useSupervisorWords } from '../dashboard/words.js';
import { blankItem, checklistMaxItems, checklistProblems, labelMax, move, toItems, withKeys, type DraftItem, type ItemProblems } from './checklist-draft.js';

export function ChecklistEditor() {
  const { t, lng } = useSupervisorWords();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const id = useId();
  const { data, error: loadError } = useHubQuery((c) => c.call('checklist.current', {}));
  const [saved, setSaved] = useState<{ checklist: AppearanceChecklist; created: boolean } | null>(null);
  const current = saved?.checklist ?? data;
  const [edited, setEdited] = useState<DraftItem[] | null>(null);
  // Keys for the loaded list are made once per version, so rows keep their identity while typing.
  const [loadedRows, setLoadedRows] = useState<{ version: number; rows: DraftItem[] } | null>(null);
  if (current && loadedRows?.version !== current.version) setLoadedRows({ version: current.version, rows: withKeys(current.items) });
  const items = edited ?? loadedRows?.rows ?? [];
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const problems = checklistProblems(items);

  const change = (next: DraftItem[]) => setEdited(next);
  const update = (index: number, patch: Partial<DraftItem>) => change(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setTried(true);
    setError(null);
    if (problems.any) {
      document.getElementById(`${id}-problems`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await whileUnlocked(() => client.call('checklist.update', { auth, items: toItems(items) }));
      setSaved(answer);
      setEdited(null);
      setTried(false);
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('door.checklist.title')}
        </h2>
        {current && (
          <span className="version-chip" data-testid="checklist-version">
            {t('common.version', { version: current.version })}
          </span>
        )}
      </div>
      <p className="panel-body">{t('door.checklist.explain')}</p>
      {current && <p className="muted">{t('common.updatedAt', { at: formatDateTime(current.createdAt, lng) })}</p>}
      <ErrorNotice error={loadError} />
      {current && (
        <form className="form" onSubmit={submit} noValidate>
          <ol className="editor-list">
            {items.map((item, index) => (
              <ItemEditor
                key={item.key}
                item={item}
                index={index}
                count={items.length}
                problems={tried ? (problems.items[index] ?? {}) : {}}
                disabled={busy}
                onChange={(patch) => update(index, patch)}
                onMove={(to) => change(move(items, index, to))}
                onRemove={() => change(items.filter((_, i) => i !== index))}
              />
            ))}
          </ol>
          <div className="toolbar">
            <button type="button" className="button button-secondary" disabled={busy || items.length >= checklistMaxItems} onClick={() => change([...items, blankItem(items)])}>
              {t('door.checklist.add')}
            </button>
          </div>
          <div id={`${id}-problems`} tabIndex={-1} role="alert" className="form-alert">
            {tried && problems.any && (
              <p className="notice notice-error">
                {problems.list === 'empty'
                  ? t('door.checklist.empty')
                  : problems.list === 'tooMany'
                    ? t('door.checklist.tooMany', { max: checklistMaxItems })
                    : t('door.checklist.fixFirst')}
              </p>
            )}
          </div>
          <ErrorNotice error={error} />
          <div role="status">
            {saved && !edited && (
              <p className="notice notice-ok">
                {saved.created ? t('common.versionSaved', { version: saved.checklist.version }) : t('common.unchanged', { version: saved.checklist.version })}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="button" className="button button-secondary" disabled={busy || !edited} onClick={() => {
                setEdited(null);
                setTried(false);
              }}>
              {t('door.checklist.reset')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('door.checklist.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface ItemEditorProps {
  item: DraftItem;
  index: number;
  count: number;
  problems: ItemProblems;
  disabled: boolean;
  onChange(patch: Partial<DraftItem>): void;
  onMove(to: number): void;
  onRemove(): void;
}

function ItemEditor({ item, index, count, problems, disabled, onChange, onMove, onRemove }: ItemEditorProps) {
  const { t, tc } = useSupervisorWords();
  const id = useId();
  const no = index + 1;
  const invalid = Object.keys(problems).length > 0;
  const problemText = (p: ItemProblems[keyof ItemProblems]) => (p === 'missingLabel' ? t('door.checklist.missingLabel', { max: labelMax }) : p ? t(`door.checklist.${p}`) : '');
  const text = (key: 'id' | 'zh' | 'en', label: string, value: string, set: (v: string) => void, lang?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="field-input"
        lang={lang}
        autoComplete="off"
        spellCheck={key !== 'id'}
        maxLength={key === 'id' ? 40 : labelMax + 20}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={problems[key] ? `${id}-${key}-problem` : undefined}
        disabled={disabled}
      />
      {problems[key] && (
        <p id={`${id}-${key}-problem`} className="field-problem">
          {problemText(problems[key])}
        </p>
      )}
    </div>
  );

  return (
    <li className={`editor-item${invalid ? ' is-invalid' : ''}`} aria-label={t('door.checklist.item', { no })}>
      <div className="editor-item-head">
        <span className="editor-item-no" aria-hidden="true">
          {t('door.checklist.item', { no })}
        </span>
        <div className="editor-item-tools">
          <button type="button" className="button button-secondary icon-button" aria-label={t('door.checklist.moveUp', { no })} disabled={disabled || index === 0} onClick={() => onMove(index - 1)}>
            ↑
          </button>
          <button type="button" className="button button-secondary icon-button" aria-label={t('door.checklist.moveDown', { no })} disabled={disabled || index === count - 1} onClick={() => onMove(index + 1)}>
            ↓
          </button>
          <button type="button" className="button button-secondary icon-button" aria-label={t('door.checklist.remove', { no })} disabled={disabled} onClick={onRemove}>
            ✕
          </button>
        </div>
      </div>
      <div className="editor-fields">
        {text('zh', t('door.checklist.labelZh'), item.label['zh-CN'], (v) => onChange({ label: { ...item.label, 'zh-CN': v } }), 'zh-CN')}
        {text('en', t('door.checklist.labelEn'), item.label.en, (v) => onChange({ label: { ...item.label, en: v } }), 'en')}
        {text('id', t('door.checklist.id'), item.id, (v) => onChange({ id: v }))}
        <div className="field">
          <label htmlFor={`${id}-group`} className="field-label">
            {t('door.checklist.group')}
          </label>
          <select id={`${id}-group`} className="field-input" value={item.group} disabled={disabled} onChange={(e) => onChange({ group: e.target.value as DraftItem['group'] })}>
            {appearanceGroups.map((g) => (
              <option key={g} value={g}>
                {tc(`appearance.groups.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="toggle required-toggle">
          <input type="checkbox" checked={item.required} disabled={disabled} onChange={(e) => onChange({ required: e.target.checked })} />
          <span>
            <strong>{t('door.checklist.required')}</strong>
            <span className="muted">{item.required ? t('door.checklist.requiredYes') : t('door.checklist.requiredNo')}</span>
          </span>
        </label>
      </div>
    </li>
  );
}
