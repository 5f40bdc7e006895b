import { describe, expect, it } from 'vitest';
import { linkify } from '../src/linkify.ts';

describe('linkify', () => {
  it('leaves text without links as one text part', () => {
    expect(linkify('hello <b>world</b>')).toEqual([{ text: 'hello <b>world</b>' }]);
  });

  it('keeps an empty message as one empty part', () => {
    expect(linkify('')).toEqual([{ text: '' }]);
  });

  it('turns http and https URLs into links and keeps the text around them', () => {
    expect(linkify('See https://example.com/a?b=1 and http://x.io.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ' and ' },
      { text: 'http://x.io', href: 'http://x.io/' },
      { text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'ftp://x.io/f', 'mailto:a@b.c']) {
      expect(linkify(text)).toEqual([{ text }]);
    }
  });

  it('does not let a link swallow markup characters around it', () => {
    const parts = linkify('<a href="https://evil.io/x">y</a>');
    const link = parts.find((p) => p.href);
    expect(link?.href).toBe('https://evil.io/x');
    expect(parts.map((p) => p.text).join('')).toBe('<a href="https://evil.io/x">y</a>');
  });

  it('leaves closing brackets out unless the link opened them', () => {
    expect(linkify('(see https://x.io/a)')[1]).toEqual({ text: 'https://x.io/a', href: 'https://x.io/a' });
    expect(linkify('https://en.wikipedia.org/wiki/Bidi_(text)')[0]?.text).toBe(
      'https://en.wikipedia.org/wiki/Bidi_(text)',
    );
  });

  it('ends a link before Arabic punctuation and finds links inside right-to-left text', () => {
    expect(linkify('راجع https://example.com/ar، شكرًا')).toEqual([
      { text: 'راجع ' },
      { text: 'https://example.com/ar', href: 'https://example.com/ar' },
      { text: '، شكرًا' },
    ]);
  });

  it('rejects something that only looks like a URL', () => {
    expect(linkify('http://')).toEqual([{ text: 'http://' }]);
  });
});
