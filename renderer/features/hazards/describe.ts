/**
 * What a hazard is about, in the reader's language: a defect found in a check is a checklist item,
 * whose words exist in both languages; anything else is shown as it was written down.
 */
import type { HazardView } from '../../../shared/contract/extinguisher.js';
import { extinguisherChecklist } from '../../../shared/domain/extinguisher-checklist.js';
import { isLanguage } from '../../../shared/i18n/index.js';

export function hazardDescription(hazard: Pick<HazardView, 'source' | 'itemNo' | 'description'>, language: string): string {
  if (hazard.source !== 'check' || hazard.itemNo === null) return hazard.description;
  const item = extinguisherChecklist.find((i) => i.no === hazard.itemNo);
  return item ? item.label[isLanguage(language) ? language : 'zh-CN'] : hazard.description;
}
