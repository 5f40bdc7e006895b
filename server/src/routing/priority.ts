import { PAGE_PATH_MAX, type PriorityRule, type VisitorAttributes } from '@cascade/shared';

/**
 * A page pattern is a path prefix, where `*` stands for any run of characters. Patterns come
 * from tenants, so no regex is built from them (one with a few stars backtracked for seconds
 * on a long path): the pattern's literal pieces are found left to right, each at the earliest
 * place after the previous one. Earliest is always best, since a later piece only gains room
 * from it and nothing anchors the end, so there is no backtracking at all.
 */
export function pathMatches(pattern: string, path: string): boolean {
  const [head = '', ...rest] = pattern.split('*');
  if (!path.startsWith(head)) return false;
  let at = head.length;
  for (const piece of rest) {
    const found = path.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  return true;
}

/** The highest priority any of the site's rules gives this visitor; 0 when none applies. */
export function priorityFor(
  rules: PriorityRule[],
  visitor: { verified: boolean; pageUrl: string | null; attributes?: VisitorAttributes | undefined },
): number {
  let path: string;
  try {
    path = visitor.pageUrl ? new URL(visitor.pageUrl).pathname : '';
  } catch {
    path = '';
  }
  // Stored page URLs are capped, but the matcher's cost should not rest on that alone.
  path = path.slice(0, PAGE_PATH_MAX);
  let best = 0;
  for (const r of rules) if (applies(r, visitor, path)) best = Math.max(best, r.priority);
  return best;
}

function applies(
  r: PriorityRule,
  visitor: { verified: boolean; attributes?: VisitorAttributes | undefined },
  path: string,
): boolean {
  switch (r.when) {
    case 'identified':
      return visitor.verified;
    case 'page':
      return path !== '' && pathMatches(r.pattern, path);
    case 'attribute':
      // An own property only: a rule on `constructor` must not match every visitor.
      return (
        visitor.attributes !== undefined &&
        Object.hasOwn(visitor.attributes, r.key) &&
        visitor.attributes[r.key] === r.value
      );
  }
}
