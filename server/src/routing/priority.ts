import type { PriorityRule } from '@cascade/shared';

/** A page pattern is a path prefix, where `*` stands for any run of characters. */
function pathMatches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}`,
  );
  return re.test(path);
}

/** The highest priority any of the site's rules gives this visitor; 0 when none applies. */
export function priorityFor(rules: PriorityRule[], visitor: { verified: boolean; pageUrl: string | null }): number {
  let path: string;
  try {
    path = visitor.pageUrl ? new URL(visitor.pageUrl).pathname : '';
  } catch {
    path = '';
  }
  let best = 0;
  for (const r of rules) {
    const applies = r.when === 'identified' ? visitor.verified : path !== '' && pathMatches(r.pattern, path);
    if (applies) best = Math.max(best, r.priority);
  }
  return best;
}
