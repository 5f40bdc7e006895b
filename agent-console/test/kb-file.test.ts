import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '@cascade/shared/csv';
import { MAX_IMPORT_BYTES, readImportFile } from '../src/logic/kb-file.ts';

const header = 'id,skill,language,question,phrasings,answer,related';
const csv = [
  header,
  'delivery,shipping,en,How long?,"when\r\nhow soon",3 days,',
  'delivery,shipping,ar,كم؟,,3 أيام,',
  'returns,returns,en,"Returns, how?",,"Say ""return""",delivery',
  '',
].join('\r\n');

describe('reading a knowledge-base file to import', () => {
  it('reads a CSV export, counting entries rather than rows', () => {
    expect(readImportFile('kb.csv', csv, csv.length)).toEqual({ ok: true, format: 'csv', data: csv, count: 2 });
  });

  it('drops the byte-order mark a spreadsheet puts in front', () => {
    const read = readImportFile('kb.CSV', `\uFEFF${csv}`, csv.length + 3);
    expect(read).toMatchObject({ ok: true, format: 'csv', data: csv });
  });

  it('reads a JSON list, or the list call’s { entries }', () => {
    const list = [{ id: 'a' }, { id: 'b' }];
    expect(readImportFile('kb.json', JSON.stringify(list), 30)).toEqual({
      ok: true,
      format: 'json',
      data: list,
      count: 2,
    });
    expect(readImportFile('export', JSON.stringify({ entries: list }), 30)).toMatchObject({
      ok: true,
      format: 'json',
      count: 2,
    });
  });

  it('guesses the format from the text when the name does not say', () => {
    expect(readImportFile('kb.txt', csv, 10)).toMatchObject({ ok: true, format: 'csv' });
    expect(readImportFile('kb.txt', 'hello', 10)).toEqual({ ok: false, problem: 'unknownFormat' });
  });

  it('refuses what the server would refuse, before uploading it', () => {
    expect(readImportFile('kb.json', '[]', MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(readImportFile('kb.json', '  \n', 3)).toEqual({ ok: false, problem: 'empty' });
    expect(readImportFile('kb.json', '[{"id":', 8)).toEqual({ ok: false, problem: 'badJson' });
    expect(readImportFile('kb.json', '{"id":"a"}', 10)).toEqual({ ok: false, problem: 'notList' });
    expect(readImportFile('kb.csv', 'id,question\r\na,b', 16)).toEqual({ ok: false, problem: 'badCsvHeader' });
    expect(readImportFile('kb.csv', `${header}\r\na,b,en,"open`, 60)).toEqual({ ok: false, problem: 'badCsv' });
  });
});

describe('parseCsvRows', () => {
  it('keeps quoted commas, quotes and line breaks inside a cell', () => {
    expect(parseCsvRows('a,"b, c","say ""hi""","x\ny"\r\n1,2,3,4')).toEqual([
      ['a', 'b, c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });
});

describe('reading a knowledge-base CSV with tags', () => {
  it('takes the tags column, and files without it', () => {
    const tagged = `${header},tags\r\ndelivery,shipping,en,How long?,,3 days,,shipping delivery\r\n`;
    expect(readImportFile('kb.csv', tagged, tagged.length)).toEqual({
      ok: true,
      format: 'csv',
      data: tagged,
      count: 1,
    });
    const wrong = `${header},labels\r\ndelivery,shipping,en,How long?,,3 days,,x\r\n`;
    expect(readImportFile('kb.csv', wrong, wrong.length)).toEqual({ ok: false, problem: 'badCsvHeader' });
  });
});
