import { z } from 'zod';
import type { Locale } from './locale.ts';

export const Skill = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'skill must be lower-case letters, digits, _ or -');
export type Skill = z.infer<typeof Skill>;

const Name = z.string().trim().min(1).max(60);

/** What people read for a skill: English is required, Arabic and Persian fall back to it. */
export const SkillName = z.object({ en: Name, ar: Name.optional(), fa: Name.optional() });
export type SkillName = z.infer<typeof SkillName>;

/** A site's skill catalogue by skill id; a skill without an entry is shown by its id. */
export const SkillNames = z
  .record(Skill, SkillName)
  .refine((names) => Object.keys(names).length <= 50, 'at most 50 skill names');
export type SkillNames = z.infer<typeof SkillNames>;

/** The skill in `locale`, else in English, else its id: old sites have no names at all. */
export function skillName(names: SkillNames | undefined, skill: string, locale: Locale): string {
  const entry = names?.[skill];
  return entry?.[locale] ?? entry?.en ?? skill;
}

/** Only the names of skills the site still has: a removed skill takes its names with it. */
export function listedSkillNames(skills: readonly string[], names: SkillNames | undefined): SkillNames {
  return Object.fromEntries(Object.entries(names ?? {}).filter(([skill]) => skills.includes(skill)));
}
