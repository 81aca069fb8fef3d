/**
 * The checklist, one large toggle per item, grouped. Every item starts as OK (ticked); a tap flags
 * it. Required and optional are written on each item, not only coloured.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppearanceItem } from '../../../shared/contract/appearance.js';
import { isLanguage } from '../../../shared/i18n/index.js';
import { groupItems } from './self-check.js';

export function SelfCheckList({
  items,
  flagged,
  onToggle,
  disabled,
}: {
  items: readonly AppearanceItem[];
  flagged: ReadonlySet<string>;
  onToggle(id: string): void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const baseId = useId();
  return (
    <div className="check-groups">
      {groupItems(items).map(({ group, items: groupItemsList }) => (
        <fieldset key={group} className="check-group">
          <legend className="check-group-title">{t(`appearance.groups.${group}`)}</legend>
          <div className="check-items">
            {groupItemsList.map((item) => {
              const isFlagged = flagged.has(item.id);
              const kindId = `${baseId}-${item.id}-kind`;
              const labelId = `${baseId}-${item.id}-label`;
              return (
                <label key={item.id} className={`check-item${isFlagged ? ' is-flagged' : ''}`}>
                  <input
                    type="checkbox"
                    className="check-item-input"
                    checked={!isFlagged}
                    disabled={disabled}
                    // Named by the item alone; required/optional is its description.
                    aria-labelledby={labelId}
                    aria-describedby={kindId}
                    onChange={() => onToggle(item.id)}
                  />
                  <span className="check-item-mark" aria-hidden="true">
                    {isFlagged ? '✗' : '✓'}
                  </span>
                  <span className="check-item-text">
                    <span id={labelId} className="check-item-label">{item.label[language]}</span>
                    <span id={kindId} className={`check-item-kind${item.required ? ' is-required' : ''}`}>
                      {item.required ? t('door.selfCheck.required') : t('door.selfCheck.optional')}
                    </span>
                  </span>
                  <span className="check-item-state" aria-hidden="true">
                    {isFlagged ? t('door.selfCheck.flagged') : t('door.selfCheck.ok')}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
