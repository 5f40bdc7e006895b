import { describe, expect, it } from 'vitest';
import { automaticKind, type MailFacts } from '../src/inbound/classify.ts';

const facts = (patch: Partial<MailFacts> & { h?: Record<string, unknown> } = {}): MailFacts => ({
  headers: new Map(Object.entries(patch.h ?? {})),
  subject: patch.subject ?? 'Re: Your request #3',
  fromAddress: patch.fromAddress ?? 'sara@example.com',
  returnPath: patch.returnPath === undefined ? 'sara@example.com' : patch.returnPath,
});

describe('automatic emails', () => {
  it('takes a person’s reply for what it is', () => {
    expect(automaticKind(facts())).toBeNull();
    expect(automaticKind(facts({ h: { 'auto-submitted': 'no' } }))).toBeNull();
    expect(automaticKind(facts({ returnPath: null }))).toBeNull();
  });

  it('knows a bounce by its report, its sender or its null return path', () => {
    expect(automaticKind(facts({ h: { 'content-type': { value: 'multipart/report', params: {} } } }))).toBe('bounce');
    expect(automaticKind(facts({ fromAddress: 'MAILER-DAEMON@mx.example' }))).toBe('bounce');
    expect(automaticKind(facts({ fromAddress: 'postmaster@mx.example' }))).toBe('bounce');
    expect(automaticKind(facts({ returnPath: '' }))).toBe('bounce');
  });

  it('knows an auto-reply by its headers', () => {
    expect(automaticKind(facts({ h: { 'auto-submitted': 'auto-replied' } }))).toBe('auto');
    expect(automaticKind(facts({ h: { 'x-autoreply': 'yes' } }))).toBe('auto');
    expect(automaticKind(facts({ h: { 'x-autorespond': 'vacation' } }))).toBe('auto');
    for (const p of ['bulk', 'auto_reply', 'junk', 'list'])
      expect(automaticKind(facts({ h: { precedence: p } }))).toBe('auto');
  });

  it('knows vacation answers by their subject in English, Arabic and Persian', () => {
    for (const subject of [
      'Automatic reply: Your request #3',
      'Out of Office: back Monday',
      'رد تلقائي: طلبك',
      'پاسخ خودکار: درخواست',
    ])
      expect(automaticKind(facts({ subject }))).toBe('auto');
  });
});
