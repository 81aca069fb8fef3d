/**
 * The monthly extinguisher checklist of GB 50444-2008 Appendix C (19 items), with our wording in
 * both languages (../shared/reference/fire-extinguishers.md). Pure: runs anywhere.
 */
import type { LifeStatus } from './extinguisher-rules.js';

export type CheckGroup = 'placement' | 'appearance';

export interface CheckItem {
  no: number;
  group: CheckGroup;
  label: { 'zh-CN': string; en: string };
  /** Answered by the due-date engine, not the inspector's eye. */
  engine?: 'repair' | 'scrap';
}

export const checklistSource = 'GB 50444-2008 App. C';

const item = (no: number, group: CheckGroup, zh: string, en: string, engine?: CheckItem['engine']): CheckItem => ({
  no,
  group,
  label: { 'zh-CN': zh, en },
  ...(engine ? { engine } : {}),
});

export const extinguisherChecklist: readonly CheckItem[] = [
  item(1, 'placement', '放置在规定的设置点', 'At its designated position'),
  item(2, 'placement', '挂钩、托架或落地放置符合要求且牢固', 'Hook, bracket or floor stand sound and secure'),
  item(3, 'placement', '铭牌朝外，器头向上', 'Nameplate facing out, head up'),
  item(4, 'placement', '类型、规格、灭火级别和数量符合配置要求', 'Type, size, rating and count as specified'),
  item(5, 'placement', '配置场所的使用性质和可燃物未发生变化', 'Use of the room and what can burn there unchanged'),
  item(6, 'placement', '是否到达送修条件或维修期限', 'Due for repair?', 'repair'),
  item(7, 'placement', '是否到达报废条件或报废期限', 'Due for scrap?', 'scrap'),
  item(8, 'placement', '室外灭火器有防雨、防晒措施', 'Outdoor units protected from rain and sun'),
  item(9, 'placement', '周围无障碍物、遮挡或拴系', 'Not obstructed, hidden or tied down'),
  item(10, 'placement', '灭火器箱未上锁，箱内干燥、清洁', 'Cabinet not locked, dry and clean inside'),
  item(11, 'placement', '特殊场所的保护措施完好', 'Protection required by a special location intact'),
  item(12, 'appearance', '铭牌完整、清晰', 'Nameplate complete and legible'),
  item(13, 'appearance', '铭牌上的标志和操作说明齐全', 'Markings and operating instructions all present'),
  item(14, 'appearance', '铅封、销闩等保险装置完好', 'Seal and pin intact'),
  item(15, 'appearance', '筒体无明显损伤、缺陷、锈蚀（尤其筒底和焊缝）和泄漏', 'Cylinder free of damage, corrosion (base and welds) and leaks'),
  item(16, 'appearance', '喷射软管完好，无龟裂，喷嘴不堵塞', 'Hose sound and not cracked, nozzle clear'),
  item(17, 'appearance', '压力指示器指针在绿区；二氧化碳和贮气瓶式灭火器以称重检查', 'Gauge needle in the green zone; CO2 and cartridge units checked by weight'),
  item(18, 'appearance', '零部件齐全，无松动、脱落或损伤', 'All parts present and secure'),
  item(19, 'appearance', '未开启、未喷射过', 'Never opened or discharged'),
];

export type ItemResult = 'pass' | 'fail' | 'na';

/** Items 6 and 7 from the unit's life status: due means the item fails. */
export function engineAnswers(life: LifeStatus): Record<6 | 7, ItemResult> {
  return { 6: life === 'repair_due' || life === 'scrap_due' ? 'fail' : 'pass', 7: life === 'scrap_due' ? 'fail' : 'pass' };
}

export const inspectorItems = extinguisherChecklist.filter((i) => !i.engine).map((i) => i.no);
