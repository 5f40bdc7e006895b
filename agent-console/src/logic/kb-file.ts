import { KB_LIMITS } from '@cascade/shared';
import { isKbCsvHeader, parseCsvRows } from '@cascade/shared/csv';

/** The server refuses bigger imports; checking first spares an upload that cannot succeed. */
export const MAX_IMPORT_BYTES = KB_LIMITS.importBytes;

export type ImportProblem = 'tooLarge' | 'empty' | 'unknownFormat' | 'badJson' | 'notList' | 'badCsv' | 'badCsvHeader';

export type ImportFile =
  | { ok: true; format: 'json'; data: unknown[]; count: number }
  | { ok: true; format: 'csv'; data: string; count: number }
  | { ok: false; problem: ImportProblem };

/**
 * Reads a chosen file for `POST /api/kb/import`: the format from the name or, failing that,
 * from the text; JSON must be a list of entries (or `{ entries: [...] }` as the list call
 * returns); CSV must start with the exported header. A spreadsheet's byte-order mark is dropped.
 */
export function readImportFile(name: string, text: string, bytes: number): ImportFile {
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, problem: 'empty' };
  const format = formatOf(name, body);
  if (!format) return { ok: false, problem: 'unknownFormat' };
  if (format === 'csv') {
    let rows: string[][];
    try {
      rows = parseCsvRows(body);
    } catch {
      return { ok: false, problem: 'badCsv' };
    }
    const [header = [], ...entries] = rows;
    if (!isKbCsvHeader(header)) return { ok: false, problem: 'badCsvHeader' };
    // Rows are per entry and language; the count people expect is of entries.
    return { ok: true, format, data: body, count: new Set(entries.map((r) => r[0]?.trim())).size };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'badJson' };
  }
  const list = Array.isArray(value) ? value : listIn(value);
  if (!list) return { ok: false, problem: 'notList' };
  return { ok: true, format, data: list, count: list.length };
}

function formatOf(name: string, body: string): 'json' | 'csv' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  const start = body.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  if (start.toLowerCase().startsWith('id,')) return 'csv';
  return null;
}

function listIn(value: unknown): unknown[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const entries = (value as { entries?: unknown }).entries;
  return Array.isArray(entries) ? entries : null;
}
