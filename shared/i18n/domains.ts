/**
 * Words kept per domain, one file per language each: add a domain by adding its two files and a
 * line to each list below. Each file holds one top-level key (its domain). Pure: runs anywhere.
 */
import enWarden from './locales/en/warden.json' with { type: 'json' };
import zhCNWarden from './locales/zh-CN/warden.json' with { type: 'json' };
import enEmergency from './locales/en/emergency.json' with { type: 'json' };
import zhCNEmergency from './locales/zh-CN/emergency.json' with { type: 'json' };
import enAdmin from './locales/en/admin.json' with { type: 'json' };
import zhCNAdmin from './locales/zh-CN/admin.json' with { type: 'json' };
import enDoor from './locales/en/door.json' with { type: 'json' };
import zhCNDoor from './locales/zh-CN/door.json' with { type: 'json' };
import enSupervisor from './locales/en/supervisor.json' with { type: 'json' };
import zhCNSupervisor from './locales/zh-CN/supervisor.json' with { type: 'json' };
import enRecords from './locales/en/records.json' with { type: 'json' };
import zhCNRecords from './locales/zh-CN/records.json' with { type: 'json' };
import enPeople from './locales/en/people.json' with { type: 'json' };
import zhCNPeople from './locales/zh-CN/people.json' with { type: 'json' };

type Words = { [key: string]: string | Words };

export const wordsByDomain: Record<'zh-CN' | 'en', Words[]> = {
  'zh-CN': [zhCNWarden, zhCNEmergency, zhCNAdmin, zhCNDoor, zhCNSupervisor, zhCNRecords, zhCNPeople],
  en: [enWarden, enEmergency, enAdmin, enDoor, enSupervisor, enRecords, enPeople],
};

/** Deep merge; a domain file never silently replaces a key the core file has. */
export function mergeWords<T extends object>(core: T, domains: readonly Words[]): T {
  const out = { ...(core as unknown as Words) };
  for (const domain of domains) {
    for (const [key, value] of Object.entries(domain)) {
      if (key in out) throw new Error(`words for "${key}" are defined twice`);
      out[key] = value;
    }
  }
  return out as unknown as T;
}
