import { describe, expect, it } from 'vitest';
import { linkFromHash } from '../src/logic/link-route.ts';

const token = 'Ab3_-'.repeat(8) + 'xyz';

describe('the one-time link the console was opened with', () => {
  it('tells a setup link from a new person’s invitation and an existing account’s', () => {
    expect(linkFromHash(`#setup/${token}`)).toEqual({ kind: 'setup', token });
    expect(linkFromHash(`#invite/${token}`)).toEqual({ kind: 'invite', token });
    expect(linkFromHash(`#/join/${token}`)).toEqual({ kind: 'join', token });
  });

  it('finds none in the console’s own places or in a cut-off token', () => {
    expect(linkFromHash('#/settings')).toBeNull();
    expect(linkFromHash('#setup/short')).toBeNull();
    expect(linkFromHash(`#reset/${token}`)).toBeNull();
  });
});
