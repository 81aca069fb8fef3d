/**
 * The visitor safety briefing (外来人员安全须知): its shape and the text a new site starts from.
 * The site edits it per language; every edit is a new version, and a visitor's sign-in records the
 * version they accepted. Pure: runs anywhere.
 */
import { canonicalJson } from './canonical.js';

export interface BriefingText {
  title: string;
  /** Where the exits are and how to reach them (may span lines). */
  exits: string;
  assemblyPoint: string;
  /** House rules, one per entry: no smoking, follow your host, … */
  rules: string[];
}

export interface BriefingNumber {
  label: { 'zh-CN': string; en: string };
  number: string;
}

export interface BriefingContent {
  'zh-CN': BriefingText;
  en: BriefingText;
  /** Emergency numbers, the same in both languages: 119, 120, 110 and the site's own. */
  numbers: BriefingNumber[];
}

export const defaultBriefing: BriefingContent = {
  'zh-CN': {
    title: '外来人员安全须知',
    exits: '本楼层有两个安全出口：电梯厅左侧的东侧楼梯，以及走廊尽头的西侧楼梯。请按绿色“安全出口”指示牌疏散。',
    assemblyPoint: '大楼正门外广场（旗杆处）',
    rules: [
      '楼内全面禁止吸烟，禁止携带易燃易爆物品。',
      '请全程由接待人员陪同，不要进入未经允许的区域。',
      '听到火警警报时，请立即停止手头事情，跟随工作人员从最近的安全楼梯撤离，不要乘坐电梯。',
      '烟雾中请用湿毛巾捂住口鼻，弯腰低姿前进。',
      '到达集合点后请向消防安全员报到，离开时请在入口签退。',
    ],
  },
  en: {
    title: 'Safety briefing for visitors',
    exits: 'This floor has two emergency exits: the east stairs to the left of the lift lobby, and the west stairs at the end of the corridor. Follow the green EXIT signs.',
    assemblyPoint: 'Square outside the main entrance (by the flagpole)',
    rules: [
      'No smoking anywhere in the building; no flammable or explosive items.',
      'Stay with your host at all times and keep out of areas you have not been invited into.',
      'When the fire alarm sounds, stop what you are doing and follow staff down the nearest stairs. Never use the lifts.',
      'In smoke, cover your nose and mouth with a damp cloth and keep low.',
      'Report to the fire warden at the assembly point, and sign out at the entrance when you leave.',
    ],
  },
  numbers: [
    { label: { 'zh-CN': '火警', en: 'Fire' }, number: '119' },
    { label: { 'zh-CN': '急救', en: 'Ambulance' }, number: '120' },
    { label: { 'zh-CN': '报警', en: 'Police' }, number: '110' },
    { label: { 'zh-CN': '大楼消防控制室', en: 'Building fire control room' }, number: '8001' },
  ],
};

export const sameBriefing = (a: BriefingContent, b: BriefingContent) => canonicalJson(a) === canonicalJson(b);
