import { rtlLocales, type Locale } from '@cascade/shared';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** People's words go into email HTML as text, never as markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Escaped text with its line breaks kept. */
export const htmlText = (s: string): string => escapeHtml(s).replace(/\r?\n/g, '<br>');

/** A plain email page; Arabic and Persian read right to left. */
export function htmlDocument(locale: Locale, title: string, body: string): string {
  const dir = rtlLocales.has(locale) ? 'rtl' : 'ltr';
  return [
    '<!doctype html>',
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body dir="${dir}" style="font-family:system-ui,-apple-system,'Segoe UI',Tahoma,sans-serif;` +
      `line-height:1.5;color:#1f2933;max-width:640px">`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
