import { skillName, type Locale, type SkillNames } from '@cascade/shared';

/** The skill catalogue of each of the agent's sites, by site id. */
export type SkillCatalogues = Readonly<Record<string, SkillNames>>;

/**
 * A skill as the agent reads it. Without a site (lists that mix the agent's sites), the
 * first site that names the skill names it.
 */
export function skillLabel(catalogues: SkillCatalogues, skill: string, locale: Locale, siteId?: string): string {
  const names = siteId === undefined ? Object.values(catalogues).find((n) => n[skill]) : catalogues[siteId];
  return skillName(names, skill, locale);
}

/** The catalogues the console starts with: the ones that came with the agent's record. */
export function cataloguesOf(sites: readonly { id: string; skillNames: SkillNames }[]): SkillCatalogues {
  return Object.fromEntries(sites.map((site) => [site.id, site.skillNames]));
}
