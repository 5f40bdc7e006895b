import { KB_ENTRY_TAGS, Tag, type KbContent, type KbEntry, type KbEntryInput, type Locale } from '@cascade/shared';
import { localeList } from '../i18n/locales.ts';

/** One language's fields as the editor holds them: phrasings one per line. */
export interface KbContentFields {
  question: string;
  phrasings: string;
  answer: string;
}

export interface KbForm {
  /** null for a new entry: the server gives it an id. */
  id: string | null;
  skill: string;
  related: string[];
  /** The tags the entry gives the chats it answers, separated by spaces or commas. */
  tags: string;
  content: Record<Locale, KbContentFields>;
  /** Content in languages the console has no tab for, kept as it was. */
  other: Record<string, KbContent>;
}

export type KbFormProblem =
  | { kind: 'noLanguage' }
  | { kind: 'incomplete'; language: Locale; field: 'question' | 'answer' }
  | { kind: 'tooMany'; language: Locale }
  | { kind: 'badTag'; tag: string }
  | { kind: 'tooManyTags' };

export type KbFormResult = { ok: true; input: KbEntryInput } | { ok: false; problem: KbFormProblem };

const MAX_PHRASINGS = 500;
const blank = (): KbContentFields => ({ question: '', phrasings: '', answer: '' });
const isLocale = (language: string): language is Locale => (localeList as readonly string[]).includes(language);

export function emptyKbForm(skill: string): KbForm {
  return { id: null, skill, related: [], tags: '', content: { en: blank(), ar: blank(), fa: blank() }, other: {} };
}

export function kbFormFromEntry(entry: KbEntry): KbForm {
  const form = {
    ...emptyKbForm(entry.skill),
    id: entry.id,
    related: [...entry.related],
    tags: (entry.tags ?? []).join(' '),
  };
  for (const [language, c] of Object.entries(entry.content)) {
    if (isLocale(language))
      form.content[language] = { question: c.question, phrasings: c.phrasings.join('\n'), answer: c.answer };
    else form.other[language] = c;
  }
  return form;
}

export function phrasingLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The request body for the editor's fields. A language left wholly empty is left out; one
 * partly filled is a mistake worth naming before the server is asked.
 */
export function kbInputFromForm(form: KbForm): KbFormResult {
  const content: Record<string, KbContent> = { ...form.other };
  for (const language of localeList) {
    const fields = form.content[language];
    const question = fields.question.trim();
    const answer = fields.answer.trim();
    const phrasings = phrasingLines(fields.phrasings);
    if (!question && !answer && phrasings.length === 0) continue;
    if (!question) return { ok: false, problem: { kind: 'incomplete', language, field: 'question' } };
    if (!answer) return { ok: false, problem: { kind: 'incomplete', language, field: 'answer' } };
    if (phrasings.length > MAX_PHRASINGS) return { ok: false, problem: { kind: 'tooMany', language } };
    content[language] = { question, phrasings, answer };
  }
  if (Object.keys(content).length === 0) return { ok: false, problem: { kind: 'noLanguage' } };
  const tags: string[] = [];
  for (const word of form.tags.split(/[\s,،]+/).filter(Boolean)) {
    const tag = Tag.safeParse(word);
    if (!tag.success) return { ok: false, problem: { kind: 'badTag', tag: word } };
    if (!tags.includes(tag.data)) tags.push(tag.data);
  }
  if (tags.length > KB_ENTRY_TAGS) return { ok: false, problem: { kind: 'tooManyTags' } };
  const input: KbEntryInput = { skill: form.skill, content, related: form.related };
  if (tags.length > 0) input.tags = tags;
  if (form.id) input.id = form.id;
  return { ok: true, input };
}

/** The entry's question in the reader's language, else English, else any. */
export function entryTitle(entry: KbEntry, locale: Locale): string {
  const content = entry.content[locale] ?? entry.content.en ?? Object.values(entry.content)[0];
  return content?.question ?? entry.id;
}
