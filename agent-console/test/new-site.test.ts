import { describe, expect, it } from 'vitest';
import { readSiteForm } from '../src/logic/new-site.ts';

describe('a new site from the form', () => {
  it('reads one origin per line, forgiving a trailing slash and repeats, in the catalogue order of languages', () => {
    expect(
      readSiteForm({
        name: ' Shop ',
        origins: 'https://shop.example/\n\nhttp://127.0.0.1:8080\nhttps://shop.example',
        locales: ['fa', 'en'],
      }),
    ).toEqual({
      ok: true,
      site: { name: 'Shop', allowedOrigins: ['https://shop.example', 'http://127.0.0.1:8080'], locales: ['en', 'fa'] },
    });
  });

  it('keeps an empty list of origins, which refuses every site', () => {
    expect(readSiteForm({ name: 'Shop', origins: '  ', locales: ['en'] })).toEqual({
      ok: true,
      site: { name: 'Shop', allowedOrigins: [], locales: ['en'] },
    });
  });

  it('points at the line that is not an origin, a missing name, and no language', () => {
    expect(readSiteForm({ name: 'Shop', origins: 'https://shop.example/cart', locales: ['en'] })).toEqual({
      ok: false,
      problem: 'origin',
      line: 'https://shop.example/cart',
    });
    expect(readSiteForm({ name: ' ', origins: '', locales: ['en'] })).toMatchObject({ problem: 'name' });
    expect(readSiteForm({ name: 'Shop', origins: '', locales: [] })).toMatchObject({ problem: 'locales' });
  });
});
