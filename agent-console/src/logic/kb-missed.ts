import type { KbEntry, KbEntryInput, KbPhrasingAdd, Locale, MissedGroup } from '@cascade/shared';
import { isLocale } from '../i18n/locales.ts';
import { emptyKbForm, type KbForm } from './kb-form.ts';

const asLocale = (language: string): Locale => (isLocale(language) ? language : 'en');

/** What "Add as phrasing" sends: the group's question, in its language (the server falls back as `withPhrasing` does). */
export function phrasingOf(group: MissedGroup, siteId: string): KbPhrasingAdd {
  return { siteId, text: group.representative.text.trim().slice(0, 300), language: group.language };
}

/** The first entry that already holds the group's question, so the group shows as taught. */
export function taughtIn(entries: readonly KbEntry[], group: MissedGroup): KbEntry | null {
  return entries.find((e) => withPhrasing(e, group) === null) ?? null;
}

/**
 * The entry with the group's question added as a phrasing in the group's language (else in the
 * entry's first language), as the update body; null when it is already there.
 */
export function withPhrasing(entry: KbEntry, group: MissedGroup): KbEntryInput | null {
  const { text } = phrasingOf(group, '');
  const language = entry.content[group.language] ? group.language : Object.keys(entry.content)[0];
  const content = language ? entry.content[language] : undefined;
  if (!language || !content) return null;
  if ([content.question, ...content.phrasings].some((p) => p.trim().toLowerCase() === text.toLowerCase())) return null;
  return {
    id: entry.id,
    skill: entry.skill,
    related: entry.related,
    content: { ...entry.content, [language]: { ...content, phrasings: [...content.phrasings, text] } },
  };
}

/** A new entry's form: the group's question, its other examples as phrasings, the agent's reply as the answer. */
export function draftFromGroup(group: MissedGroup, skill: string): KbForm {
  const form = emptyKbForm(skill);
  const others = group.examples.filter((e) => e.text !== group.representative.text).map((e) => e.text.slice(0, 300));
  form.content[asLocale(group.language)] = {
    question: group.representative.text.slice(0, 300),
    phrasings: others.join('\n'),
    answer: group.agentReply ?? '',
  };
  return form;
}
