/** The briefing as a visitor at the door reads it, in one language: what the editor is about to save. */
import type { BriefingContentInput } from '../../../shared/contract/briefing.js';
import { useSupervisorWords } from '../dashboard/words.js';
import type { Lang } from './briefing-draft.js';

export function BriefingPreview({ content, lang }: { content: BriefingContentInput; lang: Lang }) {
  const { t, tc } = useSupervisorWords();
  const text = content[lang];
  // The preview speaks the visitor's language, whatever language the desk is in.
  const fixed = (key: string) => tc(`supervisor.door.briefing.${key}`, { lng: lang });
  return (
    <section className="briefing-preview" lang={lang} aria-label={t('door.briefing.previewOf', { language: tc(`language.${lang}`) })}>
      <h3>{text.title}</h3>
      <h4>{fixed('exitsHeading')}</h4>
      <p>{text.exits}</p>
      <h4>{fixed('assemblyHeading')}</h4>
      <p>{text.assemblyPoint}</p>
      <h4>{fixed('rulesHeading')}</h4>
      <ol>
        {text.rules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
      </ol>
      <h4>{fixed('numbersHeading')}</h4>
      <ul className="number-list">
        {content.numbers.map((n, i) => (
          <li key={i}>
            {n.label[lang]}
            <strong>{n.number}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
