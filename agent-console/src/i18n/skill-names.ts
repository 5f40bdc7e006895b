import type { Membership } from '@cascade/shared';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { skillLabel, type SkillCatalogues } from '../logic/skill-label.ts';
import { useT } from './context.ts';

export const SkillNamesContext = createContext<SkillCatalogues>({});

/** Names a skill in the agent's UI language: `name('billing', siteId)`. */
export function useSkillName(): (skill: string, siteId?: string) => string {
  const catalogues = useContext(SkillNamesContext);
  const { locale } = useT();
  return (skill, siteId) => skillLabel(catalogues, skill, locale, siteId);
}

/**
 * The skills a filter offers: every skill the site names (or every named skill of the agent's
 * sites) and the agent's own, so a supervisor can look at skills they do not answer in.
 */
export function useSkillChoices(memberships: readonly Membership[], siteId?: string | null): string[] {
  const catalogues = useContext(SkillNamesContext);
  const sites = siteId ? [siteId] : Object.keys(catalogues);
  const named = sites.flatMap((id) => Object.keys(catalogues[id] ?? {}));
  const own = memberships.filter((m) => !siteId || m.siteId === siteId).flatMap((m) => m.skills.map((s) => s.skill));
  return [...new Set([...named, ...own])].sort();
}
