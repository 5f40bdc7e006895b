import { Proactive, type Locale, type ProactiveRule } from '@cascade/shared';

/** A yes/no condition that may also be left out. */
export type Either = '' | 'yes' | 'no';
export type PathMatchDraft = '' | 'prefix' | 'contains' | 'exact';

/** One rule as its form holds it: text as typed, turned into a rule on save. */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  manual: boolean;
  message: Record<Locale, string>;
  pathMatch: PathMatchDraft;
  pathValue: string;
  seconds: string;
  minPages: string;
  returning: Either;
  identified: Either;
  inHours: boolean;
  /** `key=value`, one a line. */
  attributes: string;
  everyHours: string;
}

export const emptyRule = (): RuleDraft => ({
  name: '',
  enabled: true,
  manual: false,
  message: { en: '', ar: '', fa: '' },
  pathMatch: '',
  pathValue: '',
  seconds: '',
  minPages: '',
  returning: '',
  identified: '',
  inHours: false,
  attributes: '',
  everyHours: '24',
});

const either = (b: boolean | undefined): Either => (b === undefined ? '' : b ? 'yes' : 'no');
const fromEither = (e: Either): boolean | undefined => (e === '' ? undefined : e === 'yes');
const numberOrNone = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export function toDraft(rule: ProactiveRule): RuleDraft {
  const c = rule.conditions;
  return {
    name: rule.name,
    enabled: rule.enabled,
    manual: rule.manual ?? false,
    message: { en: rule.message.en ?? '', ar: rule.message.ar ?? '', fa: rule.message.fa ?? '' },
    pathMatch: c.path?.match ?? '',
    pathValue: c.path?.value ?? '',
    seconds: c.secondsOnPage === undefined ? '' : String(c.secondsOnPage),
    minPages: c.minPages === undefined ? '' : String(c.minPages),
    returning: either(c.returning),
    identified: either(c.identified),
    inHours: c.inHours ?? false,
    attributes: Object.entries(c.attributes ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    everyHours: String(rule.everyHours),
  };
}

/** The rule as the server takes it; fields left empty are conditions left out. */
export function fromDraft(d: RuleDraft): unknown {
  const attributes = Object.fromEntries(
    d.attributes
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
  const message = Object.fromEntries(Object.entries(d.message).filter(([, text]) => text.trim() !== ''));
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    ...(d.manual ? { manual: true } : {}),
    message,
    conditions: {
      ...(d.pathMatch ? { path: { match: d.pathMatch, value: d.pathValue } } : {}),
      secondsOnPage: numberOrNone(d.seconds),
      minPages: numberOrNone(d.minPages),
      returning: fromEither(d.returning),
      identified: fromEither(d.identified),
      ...(d.inHours ? { inHours: true } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    },
    everyHours: Number(d.everyHours),
  };
}

/** The site's invitations from the form, or the first problem as `rules.N.field: message`. */
export function parseProactive(drafts: RuleDraft[], visitorEveryHours: string) {
  const r = Proactive.safeParse({ rules: drafts.map(fromDraft), visitorEveryHours: Number(visitorEveryHours) });
  if (r.success) return { ok: true as const, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false as const, problem: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` };
}
