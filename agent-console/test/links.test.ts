import { describe, expect, it } from 'vitest';
import { safeHref, splitLinks } from '../src/logic/links.ts';

describe('splitLinks', () => {
  it('turns http(s) URLs into links and leaves the rest as text', () => {
    expect(splitLinks('See https://example.com/a?b=1 for details')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' for details' },
    ]);
  });

  it('leaves sentence punctuation outside the link, in Arabic and Persian too', () => {
    expect(splitLinks('Open http://example.com.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', text: 'http://example.com', href: 'http://example.com/' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitLinks('این را ببینید https://example.com؟')[1]).toEqual({
      kind: 'link',
      text: 'https://example.com',
      href: 'https://example.com/',
    });
  });

  it('never links other schemes', () => {
    const text = 'javascript:alert(1) data:text/html,x ftp://example.com';
    expect(splitLinks(text)).toEqual([{ kind: 'text', text }]);
  });

  it('keeps markup as plain text', () => {
    expect(splitLinks('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(splitLinks('')).toEqual([]);
  });
});

describe('safeHref', () => {
  it('accepts only http and https', () => {
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
