import { describe, expect, it } from 'vitest';
import { newPartOf } from '../src/inbound/quotes.ts';

const reply = (...lines: string[]) => lines.join('\n');

describe('the new part of an emailed reply', () => {
  it('cuts Gmail’s English “On … wrote:” and the quote under it', () => {
    const text = reply(
      'Thanks, the parcel arrived today.',
      '',
      'On Mon, 1 Dec 2026 at 10:00, Cedar Support <support@cedar.example> wrote:',
      '> Your request #12 at Cedar',
      '> We will answer by email.',
    );
    expect(newPartOf(text)).toBe('Thanks, the parcel arrived today.');
  });

  it('cuts a “wrote:” header wrapped over two lines', () => {
    const text = reply(
      'Still waiting.',
      '',
      'On Mon, 1 Dec 2026 at 10:00 Cedar Support <support@cedar.example>',
      'wrote:',
      '> old text',
    );
    expect(newPartOf(text)).toBe('Still waiting.');
  });

  it('cuts the Arabic “في … كتب:” header, with the direction marks clients add', () => {
    const text = reply(
      'شكرًا، وصلت الطلبية.',
      '',
      '\u200fفي الاثنين، ١ ديسمبر ٢٠٢٦ في ١٠:٠٠ ص، كتب Cedar Support <support@cedar.example>:',
      '> طلبك رقم #12',
    );
    expect(newPartOf(text)).toBe('شكرًا، وصلت الطلبية.');
    expect(newPartOf(reply('نعم', '', 'في ١ ديسمبر ٢٠٢٦، Cedar <support@cedar.example> كتب:', '> لا'))).toBe('نعم');
  });

  it('cuts the Persian “در … نوشت:” header', () => {
    const text = reply(
      'ممنون، بسته رسید.',
      '',
      'در تاریخ دوشنبه ۱ دسامبر ۲۰۲۶، ساعت ۱۰:۰۰ Cedar Support <support@cedar.example> نوشت:',
      '> درخواست شماره #12 شما',
    );
    expect(newPartOf(text)).toBe('ممنون، بسته رسید.');
  });

  it('drops “>” quotes, also between the answers', () => {
    const text = reply('> Which colour?', 'Blue.', '> Which size?', 'Large.');
    expect(newPartOf(text)).toBe('Blue.\nLarge.');
  });

  it('cuts Outlook’s “Original Message” line and its From/Sent header block', () => {
    expect(newPartOf(reply('Yes please.', '-----Original Message-----', 'From: Cedar', 'old'))).toBe('Yes please.');
    const outlook = reply(
      'Yes please.',
      '',
      '________________________________',
      'From: Cedar Support <support@cedar.example>',
      'Sent: Monday, 1 December 2026 10:00',
      'To: sara@example.com',
      'Subject: Your request #12',
    );
    expect(newPartOf(outlook)).toBe('Yes please.');
    const headerOnly = reply('Yes please.', '', 'From: Cedar Support', 'Sent: Monday', 'Subject: Your request');
    expect(newPartOf(headerOnly)).toBe('Yes please.');
    const arabic = reply('نعم.', '', 'من: Cedar Support', 'أُرسلت: الاثنين', 'الموضوع: طلبك');
    expect(newPartOf(arabic)).toBe('نعم.');
    const persian = reply('بله.', '', 'از: Cedar Support', 'تاریخ: دوشنبه', 'موضوع: درخواست');
    expect(newPartOf(persian)).toBe('بله.');
  });

  it('keeps a sentence that only starts like a header', () => {
    expect(newPartOf('From: my side, all is fine.\nThanks')).toBe('From: my side, all is fine.\nThanks');
    expect(newPartOf('On Monday I will be home.')).toBe('On Monday I will be home.');
  });

  it('cuts the signature and phone sign-offs in English, Arabic and Persian', () => {
    expect(newPartOf(reply('See you.', '-- ', 'Sara Ahmadi', 'Cedar fan'))).toBe('See you.');
    expect(newPartOf(reply('See you.', '', 'Sent from my iPhone'))).toBe('See you.');
    expect(newPartOf(reply('أراك لاحقًا.', '', 'أُرسلت من iPhone الخاص بي'))).toBe('أراك لاحقًا.');
    expect(newPartOf(reply('می‌بینمت.', '', 'ارسال شده از آیفون من'))).toBe('می‌بینمت.');
  });

  it('keeps the whole text when cutting would leave nothing', () => {
    expect(newPartOf('> only a quote')).toBe('> only a quote');
  });

  it('reads Windows line ends', () => {
    expect(newPartOf('Fine.\r\n\r\nOn Mon, 1 Dec 2026, Cedar wrote:\r\n> old')).toBe('Fine.');
  });
});
