/**
 * The new part of an emailed reply: the history the mail client quoted under it and the
 * sender's signature are cut, so the ticket shows what the visitor wrote this time. Pure: the
 * forms are those of common clients in English, Arabic and Persian.
 */

/** Direction marks that clients put around right-to-left headers; they must not defeat the patterns. */
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** "On … wrote:", "في … كتب:", "در … نوشت:" (Gmail, Apple Mail, Thunderbird), on one line or two. */
const WROTE = [/^on\b.*\bwrote:?$/i, /^في\s.*\sكتبت?(\s.*)?:\s*$/, /^(در|در تاریخ)\s.*نوشت(ه است)?\s*:?$/];

/** A line that starts the quoted original on its own. */
const SEPARATORS = [
  /^-{2,}\s*(original message|الرسالة الأصلية|رسالة أصلية|پیام اصلی|پیام اولیه)\s*-{2,}$/i,
  /^_{10,}$/,
  /^-{2,}\s*(forwarded message|رسالة مُعاد توجيهها|رسالة معاد توجيهها|پیام بازارسال شده)\s*-{2,}$/i,
];

/** Outlook's header block: "From:" followed closely by "Sent:", "To:" or "Subject:" (and their translations). */
const HEADER_FROM = /^\*?(from|من|از|فرستنده)\s*:\*?\s/i;
const HEADER_NEXT =
  /^\*?(sent|date|to|subject|cc|أُرسلت|أرسلت|التاريخ|إلى|الموضوع|ارسال شده|تاریخ|به|گیرنده|موضوع)\s*:/i;

/** Phone clients' sign-offs: "Sent from my iPhone", "أُرسلت من iPhone", "ارسال شده از آیفون". */
const SENT_FROM = [
  /^sent from (my )?\S+/i,
  /^get outlook for \S+/i,
  /^(أُرسلت|أرسلت|تم الإرسال|مرسل|مُرسل) من\s/,
  /^(ارسال شده|فرستاده شده) از\s/,
];

const clean = (line: string) => line.replace(MARKS, '').trim();

function startsQuote(lines: string[], i: number): boolean {
  const line = clean(lines[i] ?? '');
  const next = clean(lines[i + 1] ?? '');
  if (WROTE.some((p) => p.test(line))) return true;
  // Gmail wraps a long "On … wrote:" line in two.
  if (next && WROTE.some((p) => p.test(`${line} ${next}`)) && !WROTE.some((p) => p.test(next))) {
    return /^(on|في|در)\s/i.test(line);
  }
  if (SEPARATORS.some((p) => p.test(line))) return true;
  if (HEADER_FROM.test(line)) {
    return lines.slice(i + 1, i + 4).some((l) => HEADER_NEXT.test(clean(l)));
  }
  return false;
}

const startsSignature = (raw: string): boolean => {
  if (raw.replace(/\r$/, '') === '-- ' || raw.trim() === '--') return true;
  const line = clean(raw);
  return SENT_FROM.some((p) => p.test(line));
};

/** The visitor's own words in an emailed reply; the whole text when cutting would leave nothing. */
export function newPartOf(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (startsQuote(lines, i) || startsSignature(line)) break;
    // Quoted lines, also those interleaved with the answer.
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  const result = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result || text.trim();
}
