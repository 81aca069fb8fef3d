/**
 * Choosing the roster file: which columns it may have (by English or Chinese header, in any order),
 * the encodings Excel saves, and whether the file is the whole roster.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.js';
import { maxRosterFileBytes, readPickedFile, type PickedFile } from './roster-file.js';

/** The columns the import reads (shared/domain/roster.ts), with the Chinese headers HR systems write. */
const columns = [
  { name: 'employee_no', zh: '工号', required: true },
  { name: 'name', zh: '姓名', required: true },
  { name: 'team', zh: '班组', required: false },
  { name: 'role', zh: '角色', required: false },
  { name: 'badge', zh: '工牌', required: false },
  { name: 'pin', zh: '密码', required: false },
  { name: 'training_passed_on', zh: '培训日期', required: false },
  { name: 'training_expires_on', zh: '培训有效期至', required: false },
  { name: 'active', zh: '在职', required: false },
] as const;

export interface RosterFilePickerProps {
  file: PickedFile | null;
  deactivateMissing: boolean;
  disabled: boolean;
  onFile(file: PickedFile | null): void;
  onDeactivateMissing(value: boolean): void;
}

export function RosterFilePicker({ file, deactivateMissing, disabled, onFile, onDeactivateMissing }: RosterFilePickerProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(picked: File | undefined) {
    setProblem(null);
    if (!picked) return;
    if (picked.size > maxRosterFileBytes) {
      onFile(null);
      setProblem(t('people.import.file.tooBig', { size: formatNumber(Math.floor(maxRosterFileBytes / 1024 / 1024), lng) }));
      return;
    }
    if (picked.size === 0) {
      onFile(null);
      setProblem(t('errors.roster_file_empty'));
      return;
    }
    onFile(await readPickedFile(picked));
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('people.import.file.title')}
      </h2>
      <p className="panel-body">{t('people.import.file.body')}</p>
      <table className="roster-columns">
        <caption className="visually-hidden">{t('people.import.file.columnsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.import.file.column')}</th>
            <th scope="col">{t('people.import.file.zhHeader')}</th>
            <th scope="col">{t('people.import.file.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td lang="zh-CN">{c.zh}</td>
              <td>
                {t(`people.import.columns.${c.name}`)}
                {c.required && <strong className="roster-required"> {t('people.import.file.required')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('people.import.file.encodings')}</p>

      <div className="roster-pick-row">
        <label className={`button button-primary roster-pick${disabled ? ' is-disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,text/csv"
            disabled={disabled}
            aria-describedby={`${id}-chosen`}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              // The same file picked again (after fixing it in Excel) is read again.
              e.target.value = '';
            }}
          />
          {file ? t('people.import.file.pickOther') : t('people.import.file.pick')}
        </label>
        <p id={`${id}-chosen`} className="roster-chosen">
          {file
            ? t('people.import.file.chosen', { name: file.name, size: formatNumber(Math.max(1, Math.round(file.size / 1024)), lng) })
            : t('people.import.file.none')}
        </p>
      </div>
      <div className="form-alert" role="alert">
        {problem && <p className="notice notice-error">{problem}</p>}
      </div>

      <label className="toggle">
        <input type="checkbox" checked={deactivateMissing} disabled={disabled} onChange={(e) => onDeactivateMissing(e.target.checked)} />
        <span>
          <strong>{t('people.import.file.whole')}</strong>
          <span className="field-hint">{t('people.import.file.wholeHint')}</span>
        </span>
      </label>
    </section>
  );
}
