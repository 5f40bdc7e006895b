/** A run of message text; `href` is set only for a checked http(s) link. */
export interface Part {
  text: string;
  href?: string;
}

const candidate = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the link, Latin and Arabic.
const trailing = /[.,;:!?'"،؛؟»…]+$/;

/** Leaves out sentence punctuation, and a closing bracket the link did not open: "(see https://x.io/a)." */
function clean(raw: string): string {
  const url = raw.replace(trailing, '');
  return url.endsWith(')') && !url.includes('(') ? url.slice(0, -1).replace(trailing, '') : url;
}

function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Splits plain text into text and link parts; nothing else is ever treated as markup. */
export function linkify(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    const url = clean(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href });
    last = start + url.length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last) });
  return parts;
}
