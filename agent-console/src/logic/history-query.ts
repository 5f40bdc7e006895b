import type { ConversationSearchQuery, Locale, Outcome } from '@cascade/shared';

/** What the Conversations page filters by; empty choices are left out of the query. */
export interface ConversationFilter {
  q: string;
  /** Calendar days as a date input gives them (`2026-03-01`), in the agent's own time zone; '' for open. */
  fromDay: string;
  toDay: string;
  outcome: Outcome | null;
  agentId: string | null;
  skill: string;
  level: number | null;
  /** The visitor's rating, 1 to 5. */
  rating: number | null;
  tag: string;
  locale: Locale | null;
  limit: number;
  offset: number;
}

/** Milliseconds since the epoch, `from` included and `to` left out. */
export type DayRange = { from: number; to: number };

const DAY_MS = 24 * 3600 * 1000;
/** The numbers cover the last 30 days (today included) until the agent picks days. */
export const DEFAULT_RANGE_DAYS = 30;

/** Local midnight at the start of a `YYYY-MM-DD` day, or null for anything else. */
export function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** Local midnight after the day: a range "to 3 March" takes in the whole of 3 March. */
function dayEnd(day: string): number | null {
  const start = dayStart(day);
  if (start === null) return null;
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return end.getTime();
}

/** The `YYYY-MM-DD` of a moment in local time, as a date input shows it. */
export function dayOf(ts: number): string {
  const d = new Date(ts);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The range the numbers and the CSV cover: the chosen days, else the last 30 days up to the end
 * of today; a range open at one end gets 30 days on that side.
 */
export function dayRange(fromDay: string, toDay: string, now: number): DayRange {
  const to = dayEnd(toDay) ?? dayEnd(dayOf(now)) ?? now;
  const from = dayStart(fromDay) ?? to - DEFAULT_RANGE_DAYS * DAY_MS;
  return { from, to };
}

/** The query string of `GET /api/conversations` for one site and a filter. */
export function conversationQuery(siteId: string, filter: ConversationFilter): string {
  const query: Partial<Record<keyof ConversationSearchQuery, string>> = {
    siteId,
    limit: String(filter.limit),
    offset: String(filter.offset),
  };
  if (filter.q.trim()) query.q = filter.q.trim();
  const from = dayStart(filter.fromDay);
  const to = dayEnd(filter.toDay);
  if (from !== null) query.from = String(from);
  // The server's `to` is inclusive; the next midnight itself belongs to the next day.
  if (to !== null) query.to = String(to - 1);
  if (filter.outcome) query.outcome = filter.outcome;
  if (filter.agentId) query.agentId = filter.agentId;
  if (filter.skill.trim()) query.skill = filter.skill.trim().toLowerCase();
  if (filter.level !== null) query.level = String(filter.level);
  if (filter.rating !== null) query.rating = String(filter.rating);
  if (filter.tag.trim()) query.tag = filter.tag.trim().toLowerCase();
  if (filter.locale) query.locale = filter.locale;
  return new URLSearchParams(query).toString();
}

export interface TextPart {
  text: string;
  hit: boolean;
}

/**
 * A matching message cut into parts, the words of the search marked, for `<mark>`. Case is
 * ignored; the server's normaliser finds more (Arabic letter forms, diacritics), and those
 * matches simply show unmarked.
 */
export function highlightParts(text: string, q: string): TextPart[] {
  const words = q
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(${words.join('|')})`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    if (match[0].length === 0) continue;
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: match[0], hit: true });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
