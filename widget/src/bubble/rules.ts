import type { PathMatch, ProactiveRule } from '@cascade/shared';

/** What the page and the visitor's browser know when a rule is weighed. */
export interface Visit {
  path: string;
  /** Pages seen in this visit (this tab), the current one included. */
  pages: number;
  returning: boolean;
  identified: boolean;
  attributes: Record<string, unknown>;
  /** The site is within its business hours (as the config said when it was fetched). */
  open: boolean;
}

const HOUR_MS = 3_600_000;

function pathMatches(rule: PathMatch, path: string): boolean {
  if (rule.match === 'exact') return path === rule.value;
  return rule.match === 'prefix' ? path.startsWith(rule.value) : path.includes(rule.value);
}

/** Every condition of the rule holds for this visit (time on page is the caller's timer). */
export function matches(rule: ProactiveRule, visit: Visit): boolean {
  const c = rule.conditions;
  return (
    (!c.path || pathMatches(c.path, visit.path)) &&
    (c.minPages === undefined || visit.pages >= c.minPages) &&
    (c.returning === undefined || c.returning === visit.returning) &&
    (c.identified === undefined || c.identified === visit.identified) &&
    (!c.inHours || visit.open) &&
    Object.entries(c.attributes ?? {}).every(([key, value]) => String(visit.attributes[key]) === value)
  );
}

/** When each rule last showed to this visitor (epoch ms), and any rule at all under ''. */
export type Shown = Record<string, number>;

/** The rule may show now: neither its own cap nor the site's cap per visitor holds it back. */
export function allowed(rule: ProactiveRule, visitorEveryHours: number, shown: Shown, now: number): boolean {
  const since = (at: number | undefined): number => now - (at ?? -Infinity);
  return since(shown[rule.name]) >= rule.everyHours * HOUR_MS && since(shown['']) >= visitorEveryHours * HOUR_MS;
}
