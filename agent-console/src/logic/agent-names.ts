interface Named {
  id: string;
  name: string;
}

/**
 * Agent ids to names for a page that names who had a chat or made a change. Null while the
 * site's agents are still on their way, so a row never says "another agent" for someone the
 * list was about to name; a list that failed to load names only the viewer.
 */
export function agentNames(
  loaded: { data: readonly Named[] | null; error: string | null },
  viewer?: Named,
): ReadonlyMap<string, string> | null {
  if (loaded.data === null && loaded.error === null) return null;
  const names = new Map((loaded.data ?? []).map((a) => [a.id, a.name]));
  if (viewer) names.set(viewer.id, viewer.name);
  return names;
}
