import { KbEntry, type KbEntry as KbEntryT } from '@cascade/shared';
import { KB_CSV_COLUMNS, isKbCsvHeader, parseCsvRows } from '@cascade/shared/csv';

/*
 * Knowledge base as CSV, one row per entry and language, so a spreadsheet can edit it:
 * id, skill, language, question, phrasings (one per line inside the cell), answer, related
 * (ids separated by spaces), tags (separated by spaces; the column may be left out). Quoting
 * follows RFC 4180.
 */
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/*
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one)
 * as a formula, and `=HYPERLINK(…)` in an answer would then act for whoever opens the export.
 * A leading `'` makes such a cell text; cells that already start with quotes before one of
 * those characters get one more, so import can take exactly one off and round-trip them.
 */
const neutralise = (v: string) => (/^'*[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const restore = (v: string) => (/^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function toCsv(entries: KbEntryT[]): string {
  const rows = [KB_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    for (const [language, c] of Object.entries(e.content)) {
      rows.push(
        [
          e.id,
          e.skill,
          language,
          c.question,
          c.phrasings.join('\n'),
          c.answer,
          e.related.join(' '),
          (e.tags ?? []).join(' '),
        ]
          .map((v) => quote(neutralise(v)))
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Rows back to entries; every entry is checked by the KbEntry schema. Throws with the row number. */
export function fromCsv(text: string, now: number): KbEntryT[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header || !isKbCsvHeader(header)) {
    throw new Error(`the first row must be: ${KB_CSV_COLUMNS.join(',')}`);
  }
  const byId = new Map<
    string,
    { skill: string; related: string[]; tags?: string[]; content: Record<string, unknown> }
  >();
  rows.forEach((r, n) => {
    const [id = '', skill = '', language = '', question = '', phrasings = '', answer = '', related = '', tags = ''] =
      r.map((c) => restore(c.trim()));
    if (!id) throw new Error(`row ${n + 2}: id is empty`);
    const tagList = tags.split(/\s+/).filter(Boolean);
    const entry = byId.get(id) ?? {
      skill,
      related: related.split(/\s+/).filter(Boolean),
      // An entry without tags stays without the field, as it was exported.
      ...(tagList.length > 0 ? { tags: tagList } : {}),
      content: {},
    };
    entry.content[language] = {
      question,
      phrasings: phrasings
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      answer,
    };
    byId.set(id, entry);
  });
  return [...byId.entries()].map(([id, e], n) => {
    const parsed = KbEntry.safeParse({ id, ...e, updatedAt: now });
    if (!parsed.success)
      throw new Error(
        `entry ${n + 1} (${id}): ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      );
    return parsed.data;
  });
}
