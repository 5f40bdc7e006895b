import { CANNED_VARIABLE_PATTERN, type CannedReply, type CannedVariable, type Locale } from '@cascade/shared';

/** A `/shortcut` being typed: where it sits in the draft and what it says so far (without the slash). */
export interface SlashToken {
  start: number;
  end: number;
  query: string;
}

const word = /^[a-z0-9_-]*/i;

/** The `/word` the caret is in, when the slash starts a word (so URLs and fractions are left alone). */
export function slashToken(text: string, caret: number): SlashToken | null {
  const before = /(^|\s)\/([a-z0-9_-]*)$/i.exec(text.slice(0, caret));
  if (!before) return null;
  const typed = before[2] ?? '';
  const rest = word.exec(text.slice(caret))?.[0] ?? '';
  return { start: caret - typed.length - 1, end: caret + rest.length, query: `${typed}${rest}`.toLowerCase() };
}

/** Replies whose shortcut starts with the query; the chat's own language first, then by shortcut. */
export function cannedMatches(
  replies: readonly CannedReply[],
  query: string,
  locale: Locale,
  limit = 8,
): CannedReply[] {
  return replies
    .filter((r) => r.shortcut.startsWith(query))
    .sort(
      (a, b) =>
        Number(a.language !== locale) - Number(b.language !== locale) ||
        a.shortcut.localeCompare(b.shortcut) ||
        a.language.localeCompare(b.language),
    )
    .slice(0, limit);
}

/** The draft with the `/shortcut` replaced by the reply's text, and where the caret goes. */
export function insertCanned(text: string, token: SlashToken, replyText: string): { text: string; caret: number } {
  const next = `${text.slice(0, token.start)}${replyText}${text.slice(token.end)}`;
  return { text: next, caret: token.start + replyText.length };
}

/** A shortcut as an admin types it ("/Thanks " -> "thanks"), or null when it cannot be one. */
export function cannedShortcut(input: string): string | null {
  const name = input.trim().replace(/^\//, '').toLowerCase();
  return /^[a-z0-9][a-z0-9_-]{0,31}$/.test(name) ? name : null;
}

/** What each `{{variable}}` of a canned reply becomes in one chat; unknown values already replaced by a fallback. */
export type CannedValues = Record<CannedVariable, string>;

/**
 * The text with every known `{{variable}}` filled in. Other braces are left as written: canned
 * replies cannot hold unknown names (the server refuses them), and an agent may paste code.
 */
export function fillCanned(text: string, values: CannedValues): string {
  return text.replace(CANNED_VARIABLE_PATTERN, (match, name: string) =>
    name in values ? values[name as CannedVariable] : match,
  );
}

/** The chat's values, each unknown one replaced by the words the chat's language uses instead. */
export function cannedValues(
  known: Record<CannedVariable, string | null>,
  fallback: (variable: CannedVariable) => string,
): CannedValues {
  const out = {} as CannedValues;
  for (const key of Object.keys(known) as CannedVariable[]) out[key] = known[key] ?? fallback(key);
  return out;
}
