// How clients show a file: its kind, its size, and where its thumbnail fits.

/** Short names of the kinds of file Cascade accepts, the same in every language. */
const labels: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
};

/**
 * What kind of file it is, for a file card: from the type the server found in its bytes. The
 * older Office formats share one container, so for those the name's extension says which.
 */
export function fileLabel(type: string, name: string): string {
  return labels[type] ?? name.match(/\.(doc|xls|ppt)$/i)?.[1]?.toUpperCase() ?? 'DOC';
}

/** Where a thumbnail of `width` × `height` fits in `max` × `max`, never enlarged. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const k = Math.min(1, max / width, max / height);
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

const units = ['byte', 'kilobyte', 'megabyte'] as const;

/** A file's size with the unit names and digits of `intlTag` (a BCP 47 tag): "980 byte", "12 kB", "۳٫۴ MB". */
export function formatSize(intlTag: string, bytes: number): string {
  let n = bytes;
  let unit = 0;
  for (; n >= 1000 && unit < units.length - 1; unit += 1) n /= 1000;
  return new Intl.NumberFormat(intlTag, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: n < 10 ? 1 : 0,
  }).format(n);
}
