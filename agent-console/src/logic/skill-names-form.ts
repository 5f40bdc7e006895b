import { Skill, SkillName, type Locale, type SkillNames } from '@cascade/shared';
import { localeList } from '../i18n/locales.ts';

/** A skill's names as typed, one input per language; empty: not named in that language. */
export type SkillNameRow = Record<Locale, string>;
/** The names typed so far, by skill id; kept for skills taken off the list until the form is saved. */
export type SkillNamesForm = Readonly<Record<string, SkillNameRow>>;

export const EMPTY_NAME_ROW: SkillNameRow = { en: '', ar: '', fa: '' };

export function skillNamesForm(names: SkillNames | undefined): SkillNamesForm {
  return Object.fromEntries(
    Object.entries(names ?? {}).map(([skill, name]) => [skill, { en: name.en, ar: name.ar ?? '', fa: name.fa ?? '' }]),
  );
}

/** The skills of the skills box, each once, in order: lines or commas, only well-formed ids. */
export function typedSkills(text: string): string[] {
  const ids = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((id) => Skill.safeParse(id).success);
  return [...new Set(ids)];
}

const NAME_MAX = SkillName.shape.en.maxLength ?? 60;

/**
 * The catalogue to save for the site's skills: a skill with no name typed has no entry (it is
 * shown by its id); `null` when a named skill lacks its English name or a name is too long.
 */
export function readSkillNames(skills: readonly string[], form: SkillNamesForm): SkillNames | null {
  const names: Record<string, SkillName> = {};
  for (const skill of skills) {
    const row = form[skill] ?? EMPTY_NAME_ROW;
    const typed = localeList.filter((locale) => row[locale].trim() !== '');
    if (typed.length === 0) continue;
    if (!typed.includes('en') || typed.some((locale) => row[locale].trim().length > NAME_MAX)) return null;
    const name: SkillName = { en: row.en.trim() };
    for (const locale of typed) name[locale] = row[locale].trim();
    names[skill] = name;
  }
  return names;
}
