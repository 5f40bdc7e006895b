/**
 * RFC 4180 CSV, as the knowledge base is exported and imported; zod-free
 * (`@cascade/shared/csv`) so the console can check a file before sending it.
 */
export const KB_CSV_COLUMNS = [
  'id',
  'skill',
  'language',
  'question',
  'phrasings',
  'answer',
  'related',
  'tags',
] as const;

/** Files exported before entries had tags end at `related`; they still import. */
const KB_CSV_REQUIRED = 7;

/** Whether a first row names the knowledge base's columns, in order (`tags` may be left out). */
export function isKbCsvHeader(header: readonly string[]): boolean {
  const cells = header.map((c) => c.trim().toLowerCase());
  while (cells.length > KB_CSV_REQUIRED && cells.at(-1) === '') cells.pop();
  if (cells.length < KB_CSV_REQUIRED || cells.length > KB_CSV_COLUMNS.length) return false;
  return cells.every((c, i) => c === KB_CSV_COLUMNS[i]);
}

/** Splits CSV text (quoted cells may hold commas, quotes and line breaks) into rows of cells. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new Error('a quoted cell is not closed');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
