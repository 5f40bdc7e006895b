/** What the headers of an inbound email say about who sent it. */
export type MailFacts = {
  headers: ReadonlyMap<string, unknown>;
  subject: string;
  fromAddress: string;
  /** The envelope sender: `''` for the null sender (`<>`), null when unknown. */
  returnPath: string | null;
};

/** Subjects of out-of-office and vacation answers, in English, Arabic and Persian. */
const AUTO_SUBJECT =
  /^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|on vacation|vacation reply|away from|رد تلقائي|رد آلي|خارج المكتب|في إجازة|پاسخ خودکار|خارج از دفتر|در مرخصی)/i;

const header = (h: ReadonlyMap<string, unknown>, name: string): string => {
  const v = h.get(name);
  if (typeof v === 'string') return v.trim().toLowerCase();
  // mailparser gives structured headers (Content-Type) as { value, params }.
  if (v && typeof v === 'object' && 'value' in v && typeof v.value === 'string') return v.value.trim().toLowerCase();
  return '';
};

/**
 * `bounce` for a delivery report, `auto` for an automatic answer (RFC 3834 and the headers
 * common responders add), null for a person's email. Neither kind may reopen a ticket or get an
 * answer, or two robots would write to each other forever.
 */
export function automaticKind(m: MailFacts): 'bounce' | 'auto' | null {
  const local = m.fromAddress.split('@')[0]?.toLowerCase() ?? '';
  if (header(m.headers, 'content-type') === 'multipart/report') return 'bounce';
  if (local === 'mailer-daemon' || local === 'postmaster') return 'bounce';
  if (m.returnPath === '') return 'bounce';
  const submitted = header(m.headers, 'auto-submitted');
  if (submitted && submitted !== 'no') return 'auto';
  if (m.headers.has('x-autoreply') || m.headers.has('x-autorespond')) return 'auto';
  if (['bulk', 'auto_reply', 'junk', 'list'].includes(header(m.headers, 'precedence'))) return 'auto';
  if (AUTO_SUBJECT.test(m.subject)) return 'auto';
  return null;
}
