import type { KbEntry } from '@cascade/shared';
import { useT } from '../../i18n/context.ts';
import { useSkillName } from '../../i18n/skill-names.ts';
import { entryTitle } from '../../logic/kb-form.ts';

/** The entries as buttons named by their question in the reader's language. */
export function KbEntryList({
  entries,
  siteId,
  selected,
  onOpen,
}: {
  entries: readonly KbEntry[];
  siteId: string;
  selected: string | null;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  const skillName = useSkillName();
  if (entries.length === 0) return <p class="empty">{t.t('kb.none')}</p>;
  const sorted = [...entries].sort((a, b) => entryTitle(a, t.locale).localeCompare(entryTitle(b, t.locale), t.locale));
  return (
    <ul class="kb-list" aria-label={t.t('kb.entries')}>
      {sorted.map((entry) => (
        <li key={entry.id}>
          <button
            type="button"
            class="kb-item"
            aria-current={entry.id === selected ? 'true' : undefined}
            onClick={() => onOpen(entry.id)}
          >
            <span class="kb-item-title" dir="auto">
              {entryTitle(entry, t.locale)}
            </span>
            <span class="kb-item-meta">
              <span class="tag">{skillName(entry.skill, siteId)}</span>
              {Object.keys(entry.content).map((language) => (
                <span key={language} class="tag lang-tag">
                  {language}
                </span>
              ))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
