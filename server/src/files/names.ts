/** Extensions that agree with each type; a name that says otherwise gets the right one added. */
const extensions: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'csv', 'log', 'md'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/x-cfb': ['doc', 'xls', 'ppt', 'msg'],
};

const MAX_NAME = 120;

/**
 * A name safe to show and to put in a header: no folders, no control or invisible formatting
 * characters (bidi overrides that make `exe.pdf` of `fdp.exe`), no leading dots, not too long,
 * and ending in an extension that agrees with what the bytes are.
 */
export function safeName(raw: string, type: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const allowed = extensions[type] ?? [];
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (name === '') name = 'file';
  const fixed = ext && allowed.includes(ext) ? '' : `.${allowed[0] ?? 'bin'}`;
  // Cut between whole characters as people see them, never inside one.
  const graphemes = Array.from(new Intl.Segmenter().segment(name), (s) => s.segment);
  const stem = graphemes.slice(0, MAX_NAME - fixed.length).join('');
  return `${stem}${fixed}`;
}
