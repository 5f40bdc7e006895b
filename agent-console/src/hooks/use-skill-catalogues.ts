import type { Me } from '@cascade/shared';
import { useEffect, useState } from 'preact/hooks';
import { cataloguesOf, type SkillCatalogues } from '../logic/skill-label.ts';
import type { ConsoleController } from '../state/controller.ts';

/** The skill names of the agent's sites, kept current when an admin saves new ones. */
export function useSkillCatalogues(me: Me, controller: Pick<ConsoleController, 'onSkillNames'>): SkillCatalogues {
  const [catalogues, setCatalogues] = useState(() => cataloguesOf(me.sites));
  useEffect(() => setCatalogues(cataloguesOf(me.sites)), [me]);
  useEffect(
    () =>
      controller.onSkillNames(({ siteId, skillNames }) => setCatalogues((now) => ({ ...now, [siteId]: skillNames }))),
    [controller],
  );
  return catalogues;
}
