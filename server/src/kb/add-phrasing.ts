import { CascadeError, KB_LIMITS, type KbEntry } from '@cascade/shared';
import { normalize } from '@cascade/bot';

/**
 * The entry with `text` added as a phrasing in `language` (else in the entry's first language),
 * or null when the entry already asks it that way in any language: compared as the bot compares
 * text, so a copy that differs only in case, spacing or diacritics is not trained on twice.
 */
export function addPhrasing(entry: KbEntry, text: string, language: string | undefined, now: number): KbEntry | null {
  const lang = language && entry.content[language] ? language : Object.keys(entry.content)[0];
  const content = lang ? entry.content[lang] : undefined;
  if (!lang || !content) throw new CascadeError('invalid_payload', 'the entry has no content to add to');
  const needle = normalize(text);
  const known = Object.values(entry.content).flatMap((c) => [c.question, ...c.phrasings]);
  if (known.some((p) => normalize(p) === needle)) return null;
  if (content.phrasings.length >= KB_LIMITS.phrasings)
    throw new CascadeError(
      'invalid_payload',
      `an entry holds at most ${KB_LIMITS.phrasings} phrasings per language; remove one before adding another`,
    );
  return {
    ...entry,
    content: { ...entry.content, [lang]: { ...content, phrasings: [...content.phrasings, text] } },
    updatedAt: now,
  };
}
