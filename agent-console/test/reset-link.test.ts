import { describe, expect, it } from 'vitest';
import { appCode, loginCode, resetTokenFromHash } from '../src/logic/reset-link.ts';

const token = 'Ab3_-'.repeat(8) + 'xyz';

describe('a reset link', () => {
  it('gives its token from the console hash', () => {
    expect(resetTokenFromHash(`#reset/${token}`)).toBe(token);
    expect(resetTokenFromHash(`#/reset/${token}`)).toBe(token);
  });

  it('finds nothing in another hash or a damaged link', () => {
    expect(resetTokenFromHash('#/settings')).toBeNull();
    expect(resetTokenFromHash(`#join/${token}`)).toBeNull();
    expect(resetTokenFromHash('#reset/short')).toBeNull();
    expect(resetTokenFromHash(`#reset/${token}&x=1`)).toBeNull();
  });
});

describe('a code typed at login', () => {
  it('takes six digits with the spaces some apps show, or a recovery code in any case', () => {
    expect(loginCode(' 123 456 ')).toBe('123456');
    expect(loginCode('ABCD-efgh-2345')).toBe('abcd-efgh-2345');
    expect(appCode('123 456')).toBe('123456');
  });

  it('refuses what can be neither', () => {
    expect(loginCode('12345')).toBeNull();
    expect(loginCode('abcd-efgh')).toBeNull();
    expect(appCode('abcd-efgh-2345')).toBeNull();
  });
});
